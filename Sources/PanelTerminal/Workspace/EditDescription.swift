import PanelModel

/// Says what an edit did, in words, for "Undid …" and "Redid …" messages.
enum EditDescription {
    static func describe(_ edit: Edit, in document: PanelDocument) -> String {
        let f = document.framework
        func name(_ axis: Axis, _ id: String) -> String {
            f.items(axis).first { $0.id == id }.map { "“\(PaneFrame.firstLine($0.name))”" } ?? axis.singular
        }
        switch edit {
        case .setCell(let key, _, _):
            return "the edit of \(name(.criteria, key.criterion)) × \(name(.dimensions, key.dimension))"
        case let .insertAxisItem(axis, item, _, _): return "adding \(axis.singular) “\(item.name)”"
        case let .removeAxisItem(axis, item, _, _): return "deleting \(axis.singular) “\(item.name)”"
        case let .renameAxisItem(axis, _, from, to): return "renaming \(axis.singular) “\(from)” to “\(to)”"
        case let .moveAxisItem(axis, id, _, _): return "moving \(axis.singular) \(name(axis, id))"
        case .insertQuestion(let q, _): return "adding question \(q.number)"
        case .removeQuestion(let q, _): return "deleting question \(q.number)"
        case .updateQuestion(let from, let to): return "the change to question \(to.number.isEmpty ? from.number : to.number)"
        case .moveQuestion: return "moving a question"
        case .insertScheduleItem(let item, _): return "adding “\(PaneFrame.firstLine(item.title))”"
        case .removeScheduleItem(let item, _): return "deleting “\(PaneFrame.firstLine(item.title))”"
        case .updateScheduleItem(_, let item): return "the change to “\(PaneFrame.firstLine(item.title))”"
        case .moveScheduleItem: return "moving a schedule item"
        case .insertNote: return "adding a note"
        case .removeNote: return "deleting a note"
        case .updateNote: return "the change to a note"
        case .setLive(_, let to): return to == nil ? "ending the live session" : "going live"
        case .setPanelField(let field, _, _): return "the change to \(field.label)"
        case .setPanelDate: return "the change to a panel date"
        case .insertSection, .removeSection, .updateSection: return "the change to a report section"
        case .setConflicts: return "resolving a merge conflict"
        case .batch(let label, _): return label
        }
    }
}
