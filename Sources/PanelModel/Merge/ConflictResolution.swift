/// Which version a clerk keeps when resolving a merge conflict.
public enum ConflictChoice: Equatable, Sendable {
    case ours
    case theirs
    /// A combination the clerk wrote (for a field of text: a cell, a title, a note…).
    case text(String)
}

/// Builds the edit that resolves one recorded conflict: it puts the chosen value in place and
/// removes the conflict from the list, as one step, so undo brings both back.
extension PanelDocument {
    /// Nil when there is no such conflict, or the choice does not fit it (text that is not a
    /// date for a date field, a combination for an item removed on one side).
    public func resolveConflict(at index: Int, choosing choice: ConflictChoice) -> Edit? {
        guard conflicts.indices.contains(index) else { return nil }
        let conflict = conflicts[index]
        var remaining = conflicts
        remaining.remove(at: index)
        let clear = Edit.setConflicts(from: conflicts, to: remaining)
        let label = "resolve conflict in \(conflict.placeName(in: self))"

        let value: String?
        switch choice {
        case .ours: value = conflict.ours
        case .theirs: value = conflict.theirs
        case .text(let text): value = text
        }

        switch conflict.kind {
        case .deletedAndEdited:
            guard case let .item(kind, id, _) = conflict.place else { return nil }
            if case .text = choice { return nil }
            // The changed version is already in place: keeping it only clears the flag.
            let keepsTheChange = value != nil
            if keepsTheChange { return .batch(label, [clear]) }
            guard let removal = removal(of: kind, id: id) else { return .batch(label, [clear]) }
            return .batch(label, [removal, clear])
        case .editedOnBothSides:
            // Ours is what the merge left in place; keeping it keeps the text as it is now,
            // including anything typed there since the merge.
            if choice == .ours { return .batch(label, [clear]) }
            // The place may be gone since (a row removed after the merge): then only clear it.
            guard let change = setting(conflict.place, to: value) else {
                return placeExists(conflict.place) ? nil : .batch(label, [clear])
            }
            return .batch(label, [change, clear])
        }
    }

    /// The edit that gives one field at `place` the recorded string value.
    private func setting(_ place: ConflictPlace, to value: String?) -> Edit? {
        switch place {
        case let .panel(field):
            if let field = PanelField(rawValue: field) { return setPanelField(field, to: value ?? "") }
            guard let which = Edit.PanelDate(rawValue: field) else { return nil }
            var date: CalendarDate? = nil
            if let value {
                guard let parsed = CalendarDate(iso: value) else { return nil }
                date = parsed
            }
            let current = which == .reportDate ? panel.reportDate : panel.signedDate
            return .setPanelDate(which, from: current, to: date)
        case let .cell(key):
            guard framework.criteria.contains(where: { $0.id == key.criterion }),
                  framework.dimensions.contains(where: { $0.id == key.dimension }) else { return nil }
            return setCell(key, to: value ?? "")
        case let .item(kind, id, field?):
            switch kind {
            case .section:
                return Self.change(panel.sections, id, MergeFields.section, field, value).map { .updateSection(from: $0, to: $1) }
            case .criterion, .dimension:
                let axis: Axis = kind == .criterion ? .criteria : .dimensions
                return Self.change(framework.items(axis), id, MergeFields.axisItem, field, value).map {
                    .renameAxisItem(axis, id: id, from: $0.name, to: $1.name)
                }
            case .schedule:
                return Self.change(schedule, id, MergeFields.scheduleItem, field, value).map { .updateScheduleItem(from: $0, to: $1) }
            case .question:
                return Self.change(questions, id, MergeFields.question, field, value).map { .updateQuestion(from: $0, to: $1) }
            case .note:
                return Self.change(notes, id, MergeFields.note, field, value).map { .updateNote(from: $0, to: $1) }
            }
        case .item(_, _, nil):
            return nil
        }
    }

    private static func change<T: Identifiable>(_ list: [T], _ id: String, _ fields: [MergeField<T>],
                                                _ name: String, _ value: String?) -> (T, T)? where T.ID == String {
        guard let old = list.first(where: { $0.id == id }), let field = fields.first(where: { $0.name == name }) else {
            return nil
        }
        var new = old
        guard field.set(&new, value) else { return nil }
        return (old, new)
    }

    private func placeExists(_ place: ConflictPlace) -> Bool {
        switch place {
        case .panel: return true
        case let .cell(key):
            return framework.criteria.contains { $0.id == key.criterion } && framework.dimensions.contains { $0.id == key.dimension }
        case let .item(kind, id, _):
            switch kind {
            case .section: return panel.sections.contains { $0.id == id }
            case .criterion: return framework.criteria.contains { $0.id == id }
            case .dimension: return framework.dimensions.contains { $0.id == id }
            case .schedule: return scheduleIndex(id) != nil
            case .question: return questionIndex(id) != nil
            case .note: return noteIndex(id) != nil
            }
        }
    }

    /// Removing an item the way the workspace does (notes about it kept, unfiled).
    private func removal(of kind: ConflictPlace.ItemKind, id: String) -> Edit? {
        switch kind {
        case .section:
            guard let i = panel.sections.firstIndex(where: { $0.id == id }) else { return nil }
            return .removeSection(panel.sections[i], at: i)
        case .criterion: return removeAxisItem(.criteria, id: id)
        case .dimension: return removeAxisItem(.dimensions, id: id)
        case .schedule: return removeScheduleItem(id: id)
        case .question: return removeQuestion(id: id)
        case .note: return removeNote(id: id)
        }
    }
}
