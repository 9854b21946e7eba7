import PanelModel

/// What the notes drawer or a note view is showing: which notes, in which order, which one is
/// selected, and (while the clerk picks a new place for one) the note being moved.
///
/// The notes are a snapshot taken when the view opens and after each change made through it,
/// so drawing a frame never filters the whole store: with 50,000 notes, only opening the view
/// and changing a note walk them.
struct NotesView: Equatable {
    enum Kind: Equatable {
        /// The drawer of a cell or a question: its notes, newest first.
        case subject(NoteSubject)
        /// The drawer of a schedule item: the notes taken in it, newest first.
        case source(String)
        /// The session view of a schedule item: every note taken in it, in time order.
        case session(String)
        /// Every note taken on a day, across sessions, in time order.
        case day(CalendarDate)
        /// Notes with no cell or question, newest first.
        case unfiled
    }

    var kind: Kind
    var notes: [Note] = []
    var selected = 0
    /// The first note shown; moved just enough to keep the selected one in view.
    var first = 0
    /// The id of a note being moved: the view is hidden while a cell or question is picked.
    var moving: String?

    init(_ kind: Kind, in document: PanelDocument) {
        self.kind = kind
        refresh(from: document)
    }

    var selectedNote: Note? { notes.indices.contains(selected) ? notes[selected] : nil }

    /// Takes the notes again after a change, keeping the selection on the same note when it is
    /// still there (else on the one that took its place).
    mutating func refresh(from document: PanelDocument) {
        let keep = selectedNote?.id
        notes = Self.notes(kind, in: document)
        selected = keep.flatMap { id in notes.firstIndex { $0.id == id } } ?? min(selected, max(0, notes.count - 1))
        first = min(first, selected)
    }

    mutating func move(by delta: Int) {
        guard !notes.isEmpty else { return }
        selected = max(0, min(notes.count - 1, selected + delta))
        first = min(first, selected)
    }

    /// Newest first where the clerk looks for the latest evidence; in time order where they
    /// read a session back like minutes.
    var newestFirst: Bool { Self.newestFirst(kind) }

    static func newestFirst(_ kind: Kind) -> Bool {
        switch kind {
        case .subject, .source, .unfiled: true
        case .session, .day: false
        }
    }

    /// Whether each entry names its subject (views that mix cells and questions) and its source.
    var showsSubject: Bool { if case .subject = kind { false } else { true } }
    var showsSource: Bool {
        switch kind {
        case .source, .session: false
        default: true
        }
    }

    static func notes(_ kind: Kind, in document: PanelDocument) -> [Note] {
        let chosen: [Note]
        switch kind {
        case .subject(let subject): chosen = document.notes.filter { $0.subject == subject }
        case .source(let id), .session(let id): chosen = document.notes.filter { $0.source == id }
        case .day(let day):
            let prefix = day.iso
            chosen = document.notes.filter { $0.at.hasPrefix(prefix) }
        case .unfiled: chosen = document.notes.filter { $0.subject == nil }
        }
        // By the moment taken (offsets differ across summer time); ties keep the store's order.
        let keyed = chosen.enumerated().map { (Timestamp.seconds($0.element.at) ?? 0, $0.offset, $0.element) }
        let sorted = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        return newestFirst(kind) ? sorted.reversed() : sorted
    }
}

/// The note a search landed on, with the focus and selection that landing left, so the next
/// search step starts after that note rather than at its cell again.
struct NoteMatch: Equatable {
    var id: String
    var focus: Pane
    var selection: Selection
}
