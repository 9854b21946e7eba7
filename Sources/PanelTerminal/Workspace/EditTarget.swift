import Foundation
import PanelModel

/// What an open editor is changing, by ids (never by position), so it survives reorders, and
/// can be written into a draft and found again after a crash.
enum EditTarget: Codable, Hashable, Sendable {
    case cell(criterion: String, dimension: String)
    case questionText(String)
    case questionTitle(String)
    case scheduleTitle(String)
    case criterionName(String)
    case dimensionName(String)
    /// Text whose place is gone (a draft for a deleted cell): finishing keeps it as an unfiled note.
    case unfiledNote
    /// A note being taken: what it is about, the live session it is taken in, and when the box
    /// was opened (the moment the clerk heard it).
    case newNote(subject: NoteSubject?, source: String?, at: String)
    /// An existing note's text.
    case note(String)

    /// The text it has now, or nil when it no longer exists.
    func text(in document: PanelDocument) -> String? {
        switch self {
        case let .cell(criterion, dimension):
            let f = document.framework
            guard f.criteria.contains(where: { $0.id == criterion }), f.dimensions.contains(where: { $0.id == dimension })
            else { return nil }
            return f[criterion, dimension]
        case .questionText(let id): return document.questionIndex(id).map { document.questions[$0].text }
        case .questionTitle(let id): return document.questionIndex(id).map { document.questions[$0].title }
        case .scheduleTitle(let id): return document.scheduleIndex(id).map { document.schedule[$0].title }
        case .criterionName(let id): return document.framework.criteria.first { $0.id == id }?.name
        case .dimensionName(let id): return document.framework.dimensions.first { $0.id == id }?.name
        case .unfiledNote, .newNote: return ""
        case .note(let id): return document.noteIndex(id).map { document.notes[$0].text }
        }
    }

    /// The edit that puts `text` there, or nil when nothing would change or the place is gone.
    func edit(setting text: String, in document: PanelDocument, now: String) -> Edit? {
        guard let old = self.text(in: document), old != text else { return nil }
        switch self {
        case let .cell(criterion, dimension):
            return document.setCell(CellKey(criterion: criterion, dimension: dimension), to: text)
        case .questionText(let id):
            guard var q = document.questionIndex(id).map({ document.questions[$0] }) else { return nil }
            q.text = text
            return document.updateQuestion(q)
        case .questionTitle(let id):
            guard var q = document.questionIndex(id).map({ document.questions[$0] }) else { return nil }
            q.title = text
            return document.updateQuestion(q)
        case .scheduleTitle(let id):
            guard var item = document.scheduleIndex(id).map({ document.schedule[$0] }) else { return nil }
            item.title = text
            return document.updateScheduleItem(item)
        case .criterionName(let id): return document.renameAxisItem(.criteria, id: id, to: text)
        case .dimensionName(let id): return document.renameAxisItem(.dimensions, id: id, to: text)
        case .unfiledNote:
            return document.insertNote(Note(id: Identifier.make("note"), at: now, text: text))
        case let .newNote(subject, source, at):
            // The source only if it still exists: the item may have been deleted meanwhile.
            let kept = source.flatMap { document.scheduleIndex($0) == nil ? nil : $0 }
            return document.insertNote(Note(id: Identifier.make("note"), at: at, text: text, source: kept, subject: subject))
        case .note(let id):
            guard var note = document.noteIndex(id).map({ document.notes[$0] }) else { return nil }
            note.text = text
            return document.updateNote(note)
        }
    }

    /// Names and titles are one line; cells, question text and notes may have several.
    var isSingleLine: Bool {
        switch self {
        case .questionTitle, .scheduleTitle, .criterionName, .dimensionName: true
        case .cell, .questionText, .unfiledNote, .newNote, .note: false
        }
    }

    /// The pane it belongs to.
    var pane: Pane {
        switch self {
        case .cell, .criterionName, .dimensionName, .unfiledNote, .note: .framework
        case .newNote(.question?, _, _): .questions
        case .newNote: .framework
        case .questionText, .questionTitle: .questions
        case .scheduleTitle: .schedule
        }
    }
}

/// An open editor's text as it is kept beside the store while typing, so a crash loses at most
/// the last second of it.
struct Draft: Codable, Equatable, Sendable {
    var target: EditTarget
    var text: String
    var cursor: Int

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A draft is a string, an int and an enum of strings: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    static func decode(_ data: Data) -> Draft? {
        try? JSONDecoder().decode(Draft.self, from: data)
    }
}
