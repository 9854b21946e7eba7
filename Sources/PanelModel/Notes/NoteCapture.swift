import Foundation

/// Makes a note the way the clerk takes one: stamped with the time (local, with its offset),
/// its source the live session (if any), its subject what the clerk is looking at (a cell, a
/// question, or nothing). The clock and time zone are passed in so tests can fix them.
public struct NoteCapture: Sendable {
    public var now: Date
    public var timeZone: TimeZone

    public init(now: Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    public var timestamp: String { Timestamp.string(now, in: timeZone) }

    /// The note, not yet in the document; `id` is made fresh unless given.
    public func note(_ text: String, subject: NoteSubject?, in document: PanelDocument, id: String? = nil) -> Note {
        Note(id: id ?? Identifier.make("note"), at: timestamp, text: text,
             source: document.liveItem?.id, subject: subject)
    }
}

extension PanelDocument {
    /// Moves a note to another cell or question (nil: unfiled). Nil when the note is gone or
    /// already there.
    public func fileNote(id: String, under subject: NoteSubject?) -> Edit? {
        guard let i = noteIndex(id), notes[i].subject != subject else { return nil }
        var moved = notes[i]
        moved.subject = subject
        return .updateNote(from: notes[i], to: moved)
    }

    /// Appends a note's text to the text of its cell or question (on a new line), in one step of
    /// undo. The note stays, filed where it was: the summary and its evidence stay linked. Nil
    /// when the note is gone or unfiled, or its cell or question is gone.
    public func promoteNote(id: String) -> Edit? {
        guard let i = noteIndex(id), let subject = notes[i].subject else { return nil }
        let text = notes[i].text.trimmingCharacters(in: .whitespacesAndNewlines)
        func appended(_ old: String) -> String {
            old.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? text : old + "\n" + text
        }
        switch subject {
        case .cell(let key):
            guard framework.criteria.contains(where: { $0.id == key.criterion }),
                  framework.dimensions.contains(where: { $0.id == key.dimension }) else { return nil }
            return .batch("adding a note to the cell", [setCell(key, to: appended(framework[key]))])
        case .question(let qid):
            guard let q = questionIndex(qid) else { return nil }
            var question = questions[q]
            question.text = appended(question.text)
            return .batch("adding a note to question \(question.number)", [.updateQuestion(from: questions[q], to: question)])
        }
    }
}
