/// How many notes back each cell and question, and how many were taken in each schedule item:
/// the evidence counts the grid and the panes show on every frame.
///
/// Built once from the notes (O(notes)), then kept up to date edit by edit (`apply`, O(1) per
/// note edit), so drawing a frame or typing a key never walks 50,000 notes.
public struct NoteIndex: Equatable, Sendable {
    public private(set) var bySubject: [NoteSubject: Int] = [:]
    public private(set) var bySource: [String: Int] = [:]
    public private(set) var unfiled = 0
    public private(set) var total = 0

    public init(_ notes: [Note] = []) {
        for note in notes { add(note, 1) }
    }

    public func count(_ subject: NoteSubject) -> Int { bySubject[subject] ?? 0 }
    public func count(source: String) -> Int { bySource[source] ?? 0 }

    /// Follows an edit that has been applied (or an undo's inverse): only note edits count.
    public mutating func apply(_ edit: Edit) {
        switch edit {
        case .insertNote(let note, _): add(note, 1)
        case .removeNote(let note, _): add(note, -1)
        case let .updateNote(from, to):
            add(from, -1)
            add(to, 1)
        case .batch(_, let edits):
            for e in edits { apply(e) }
        default:
            break
        }
    }

    private mutating func add(_ note: Note, _ delta: Int) {
        total += delta
        if let subject = note.subject {
            let n = (bySubject[subject] ?? 0) + delta
            bySubject[subject] = n == 0 ? nil : n
        } else {
            unfiled += delta
        }
        if let source = note.source {
            let n = (bySource[source] ?? 0) + delta
            bySource[source] = n == 0 ? nil : n
        }
    }
}
