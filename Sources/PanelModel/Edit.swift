/// One change to a panel, small enough to undo, journal, send to a follower or merge.
///
/// Every case carries what it needs to be reversed (the old value, the removed item and where it
/// stood), so `inverse` needs no document and `apply` can check the document still matches what
/// the edit was made against: an edit replayed on the wrong document fails instead of doing harm.
public indirect enum Edit: Codable, Equatable, Sendable {
    case setPanelField(PanelField, from: String, to: String)
    case setPanelDate(PanelDate, from: CalendarDate?, to: CalendarDate?)
    case insertSection(ReportSection, at: Int)
    case removeSection(ReportSection, at: Int)
    case updateSection(from: ReportSection, to: ReportSection)

    case insertScheduleItem(ScheduleItem, at: Int)
    case removeScheduleItem(ScheduleItem, at: Int)
    case updateScheduleItem(from: ScheduleItem, to: ScheduleItem)
    case moveScheduleItem(id: String, from: Int, to: Int)

    /// Adds a criterion or dimension; `cells` (keyed by the id across the other axis) come with
    /// it, so that undoing a removal brings its text back.
    case insertAxisItem(Axis, AxisItem, at: Int, cells: [String: String])
    case removeAxisItem(Axis, AxisItem, at: Int, cells: [String: String])
    case renameAxisItem(Axis, id: String, from: String, to: String)
    case moveAxisItem(Axis, id: String, from: Int, to: Int)
    case setCell(CellKey, from: String, to: String)

    case insertQuestion(Question, at: Int)
    case removeQuestion(Question, at: Int)
    case updateQuestion(from: Question, to: Question)
    case moveQuestion(id: String, from: Int, to: Int)

    case insertNote(Note, at: Int)
    case removeNote(Note, at: Int)
    case updateNote(from: Note, to: Note)

    /// Starts, ends or moves the live session (see `LiveSession`).
    case setLive(from: LiveSession?, to: LiveSession?)
    /// Replaces the list of merge conflicts still to resolve (resolving one removes it).
    case setConflicts(from: [MergeConflict], to: [MergeConflict])

    /// Several edits as one step of undo (an import, a paste of a table, a delete that unfiles notes).
    case batch(String, [Edit])

    /// The panel's two dates.
    public enum PanelDate: String, Codable, CaseIterable, Sendable {
        case reportDate, signedDate
    }

    public var inverse: Edit {
        switch self {
        case let .setPanelField(f, from, to): .setPanelField(f, from: to, to: from)
        case let .setPanelDate(f, from, to): .setPanelDate(f, from: to, to: from)
        case let .insertSection(s, i): .removeSection(s, at: i)
        case let .removeSection(s, i): .insertSection(s, at: i)
        case let .updateSection(from, to): .updateSection(from: to, to: from)
        case let .insertScheduleItem(s, i): .removeScheduleItem(s, at: i)
        case let .removeScheduleItem(s, i): .insertScheduleItem(s, at: i)
        case let .updateScheduleItem(from, to): .updateScheduleItem(from: to, to: from)
        case let .moveScheduleItem(id, from, to): .moveScheduleItem(id: id, from: to, to: from)
        case let .insertAxisItem(a, item, i, cells): .removeAxisItem(a, item, at: i, cells: cells)
        case let .removeAxisItem(a, item, i, cells): .insertAxisItem(a, item, at: i, cells: cells)
        case let .renameAxisItem(a, id, from, to): .renameAxisItem(a, id: id, from: to, to: from)
        case let .moveAxisItem(a, id, from, to): .moveAxisItem(a, id: id, from: to, to: from)
        case let .setCell(key, from, to): .setCell(key, from: to, to: from)
        case let .insertQuestion(q, i): .removeQuestion(q, at: i)
        case let .removeQuestion(q, i): .insertQuestion(q, at: i)
        case let .updateQuestion(from, to): .updateQuestion(from: to, to: from)
        case let .moveQuestion(id, from, to): .moveQuestion(id: id, from: to, to: from)
        case let .insertNote(n, i): .removeNote(n, at: i)
        case let .removeNote(n, i): .insertNote(n, at: i)
        case let .updateNote(from, to): .updateNote(from: to, to: from)
        case let .setLive(from, to): .setLive(from: to, to: from)
        case let .setConflicts(from, to): .setConflicts(from: to, to: from)
        case let .batch(label, edits): .batch(label, edits.reversed().map(\.inverse))
        }
    }

    /// Applies the edit, or throws without changing anything when the document is not the one
    /// the edit was made for (an id missing, an old value that doesn't match).
    public func apply(to document: inout PanelDocument) throws(EditError) {
        switch self {
        case let .setPanelField(field, from, to):
            try expect(field.value(in: document.panel) == from, "panel field \(field.rawValue) has changed")
            field.set(to, in: &document.panel)
        case let .setPanelDate(field, from, to):
            let kp: WritableKeyPath<PanelInfo, CalendarDate?> = field == .reportDate ? \.reportDate : \.signedDate
            try expect(document.panel[keyPath: kp] == from, "panel \(field.rawValue) has changed")
            document.panel[keyPath: kp] = to
        case let .insertSection(s, i): try OrderedEdits.insert(s, at: i, into: &document.panel.sections)
        case let .removeSection(s, i): try OrderedEdits.remove(s, at: i, from: &document.panel.sections)
        case let .updateSection(from, to): try OrderedEdits.update(from, to, in: &document.panel.sections)
        case let .insertScheduleItem(s, i): try OrderedEdits.insert(s, at: i, into: &document.schedule)
        case let .removeScheduleItem(s, i): try OrderedEdits.remove(s, at: i, from: &document.schedule)
        case let .updateScheduleItem(from, to): try OrderedEdits.update(from, to, in: &document.schedule)
        case let .moveScheduleItem(id, from, to): try OrderedEdits.move(id, from, to, in: &document.schedule)
        case let .insertAxisItem(axis, item, i, cells):
            var items = document.framework.items(axis)
            try OrderedEdits.insert(item, at: i, into: &items)
            for (other, _) in cells where !document.framework[axis.key(item.id, other)].isEmpty {
                throw EditError("a cell of the new \(axis.singular) “\(item.name)” is already filled")
            }
            document.framework.setItems(items, axis)
            for (other, text) in cells { document.framework[axis.key(item.id, other)] = text }
        case let .removeAxisItem(axis, item, i, cells):
            var items = document.framework.items(axis)
            try OrderedEdits.remove(item, at: i, from: &items)
            try expect(document.framework.cells(along: axis, id: item.id) == cells,
                       "the cells of \(axis.singular) “\(item.name)” have changed")
            document.framework.setItems(items, axis)
            for (other, _) in cells { document.framework[axis.key(item.id, other)] = "" }
        case let .renameAxisItem(axis, id, from, to):
            var items = document.framework.items(axis)
            guard let i = items.firstIndex(where: { $0.id == id }) else { throw EditError("no \(axis.singular) \(id)") }
            try expect(items[i].name == from, "\(axis.singular) \(id) has been renamed")
            items[i].name = to
            document.framework.setItems(items, axis)
        case let .moveAxisItem(axis, id, from, to):
            var items = document.framework.items(axis)
            try OrderedEdits.move(id, from, to, in: &items)
            document.framework.setItems(items, axis)
        case let .setCell(key, from, to):
            try expect(document.framework.criteria.contains { $0.id == key.criterion }, "no criterion \(key.criterion)")
            try expect(document.framework.dimensions.contains { $0.id == key.dimension }, "no dimension \(key.dimension)")
            try expect(document.framework[key] == from, "the cell has changed")
            document.framework[key] = to
        case let .insertQuestion(q, i): try OrderedEdits.insert(q, at: i, into: &document.questions)
        case let .removeQuestion(q, i): try OrderedEdits.remove(q, at: i, from: &document.questions)
        case let .updateQuestion(from, to): try OrderedEdits.update(from, to, in: &document.questions)
        case let .moveQuestion(id, from, to): try OrderedEdits.move(id, from, to, in: &document.questions)
        case let .insertNote(n, i): try OrderedEdits.insert(n, at: i, into: &document.notes)
        case let .removeNote(n, i): try OrderedEdits.remove(n, at: i, from: &document.notes)
        case let .updateNote(from, to): try OrderedEdits.update(from, to, in: &document.notes)
        case let .setLive(from, to):
            try expect(document.live == from, "the live session has changed")
            if let to { try expect(document.scheduleIndex(to.item) != nil, "no schedule item \(to.item) to go live in") }
            document.live = to
        case let .setConflicts(from, to):
            try expect(document.conflicts == from, "the merge conflicts have changed")
            document.conflicts = to
        case let .batch(_, edits):
            // All or nothing: work on a copy so a failure half-way leaves the document as it was.
            var copy = document
            for edit in edits { try edit.apply(to: &copy) }
            document = copy
        }
    }

    /// Applies the edit to a copy and returns it.
    public func applied(to document: PanelDocument) throws(EditError) -> PanelDocument {
        var copy = document
        try apply(to: &copy)
        return copy
    }

    /// True when applying it changes nothing (setting a cell to its own text…), so it need not
    /// be recorded for undo or saved.
    public var isNoOp: Bool {
        switch self {
        case let .setPanelField(_, from, to): from == to
        case let .setPanelDate(_, from, to): from == to
        case let .updateSection(from, to): from == to
        case let .updateScheduleItem(from, to): from == to
        case let .renameAxisItem(_, _, from, to): from == to
        case let .moveAxisItem(_, _, from, to): from == to
        case let .moveScheduleItem(_, from, to): from == to
        case let .moveQuestion(_, from, to): from == to
        case let .setCell(_, from, to): from == to
        case let .updateQuestion(from, to): from == to
        case let .updateNote(from, to): from == to
        case let .setLive(from, to): from == to
        case let .setConflicts(from, to): from == to
        case let .batch(_, edits): edits.allSatisfy(\.isNoOp)
        default: false
        }
    }

    private func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws(EditError) {
        if !condition { throw EditError(message()) }
    }
}

/// An edit that does not fit the document it was applied to.
public struct EditError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Insert, remove, update and move by id in an ordered list, checking that the list is as the
/// edit expects. Shared by sections, schedule items, criteria, dimensions, questions and notes.
enum OrderedEdits {
    static func insert<T: Identifiable & Equatable>(_ item: T, at index: Int, into list: inout [T]) throws(EditError)
    where T.ID == String {
        guard (0...list.count).contains(index) else { throw EditError("position \(index) is outside the list") }
        guard !list.contains(where: { $0.id == item.id }) else { throw EditError("\(item.id) is already there") }
        list.insert(item, at: index)
    }

    static func remove<T: Identifiable & Equatable>(_ item: T, at index: Int, from list: inout [T]) throws(EditError)
    where T.ID == String {
        guard list.indices.contains(index), list[index] == item else {
            throw EditError("\(item.id) is not at position \(index) as it was")
        }
        list.remove(at: index)
    }

    static func update<T: Identifiable & Equatable>(_ old: T, _ new: T, in list: inout [T]) throws(EditError)
    where T.ID == String {
        guard old.id == new.id else { throw EditError("an update cannot change an id (\(old.id) → \(new.id))") }
        guard let i = list.firstIndex(where: { $0.id == old.id }) else { throw EditError("no \(old.id)") }
        guard list[i] == old else { throw EditError("\(old.id) has changed") }
        list[i] = new
    }

    static func move<T: Identifiable>(_ id: String, _ from: Int, _ to: Int, in list: inout [T]) throws(EditError)
    where T.ID == String {
        guard list.indices.contains(from), list[from].id == id else { throw EditError("\(id) is not at position \(from)") }
        guard list.indices.contains(to) else { throw EditError("position \(to) is outside the list") }
        let item = list.remove(at: from)
        list.insert(item, at: to)
    }
}
