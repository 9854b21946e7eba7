/// Merges two clerks' copies of a panel by what things *are* (ids), not by lines of JSON.
///
/// - Notes, questions, schedule items, sections, criteria and dimensions are matched by id and
///   merged field by field; cells by their criterion × dimension key; panel fields by name.
///   A field changed on one side takes that change; changed the same on both is fine; changed
///   differently on both keeps ours in place and records a `MergeConflict` with all three values.
/// - An item removed on one side and changed on the other is kept as changed, and flagged.
///   (A criterion or dimension counts as changed when any of its cells was.)
/// - A few fields have one right answer when both sides set them: a live session that both
///   clerks ran started at the earlier start and ended at the later end (`MergeField.combine`).
/// - Order is merged by `OrderMerge`, keeping both sides' moves and insertions.
/// - Notes about a criterion, dimension or question the merge removed lose their subject, and
///   notes taken in a removed schedule item lose their source, just as a removal does locally.
///
/// With no conflicts the result does not depend on which side is "ours", so two clerks who
/// merge each other's work end with identical files.
public enum ThreeWayMerge {
    public static func merge(base: PanelDocument, ours: PanelDocument, theirs: PanelDocument)
        -> (document: PanelDocument, conflicts: [MergeConflict]) {
        var found: [MergeConflict] = []
        var merged = PanelDocument()

        let header = mergeFields(MergeFields.panel, base: base.panel, ours: ours.panel, theirs: theirs.panel) {
            .panel(field: $0)
        }
        merged.panel = header.value
        found += header.conflicts

        let sections = mergeList(.section, base.panel.sections, ours.panel.sections, theirs.panel.sections,
                                 fields: MergeFields.section, describe: \.title)
        merged.panel.sections = sections.items
        found += sections.conflicts

        let framework = mergeFramework(base: base.framework, ours: ours.framework, theirs: theirs.framework)
        merged.framework = framework.framework
        found += framework.conflicts

        let schedule = mergeList(.schedule, base.schedule, ours.schedule, theirs.schedule,
                                 fields: MergeFields.scheduleItem, describe: \.title)
        merged.schedule = schedule.items
        found += schedule.conflicts

        let questions = mergeList(.question, base.questions, ours.questions, theirs.questions,
                                  fields: MergeFields.question, describe: { "\($0.number) \($0.title)" })
        merged.questions = questions.items
        found += questions.conflicts

        // Notes placed at the same spot by both clerks (typically both appending) go in time order.
        let noteTimes = Dictionary((base.notes + ours.notes + theirs.notes).map { ($0.id, $0.at) },
                                   uniquingKeysWith: { first, _ in first })
        let notes = mergeList(.note, base.notes, ours.notes, theirs.notes, fields: MergeFields.note,
                              describe: \.text, tieKey: { noteTimes[$0] ?? "" })
        merged.notes = notes.items.map { note in
            var note = note
            switch note.subject {
            case let .cell(key)? where framework.removedCriteria.contains(key.criterion)
                || framework.removedDimensions.contains(key.dimension):
                note.subject = nil
            case let .question(id)? where questions.removed.contains(id):
                note.subject = nil
            default: break
            }
            if let source = note.source, schedule.removed.contains(source) { note.source = nil }
            return note
        }
        found += notes.conflicts

        // Conflicts from earlier merges: one resolved on either side is gone; new ones join.
        var outstanding = ours.conflicts.filter { !base.conflicts.contains($0) || theirs.conflicts.contains($0) }
        outstanding += theirs.conflicts.filter { !base.conflicts.contains($0) && !outstanding.contains($0) }
        merged.conflicts = outstanding + found.filter { !outstanding.contains($0) }
        merged.live = mergeLive(base: base.live, ours: ours.live, theirs: theirs.live, schedule: merged)
        return (merged, found)
    }

    // MARK: - Fields

    /// Merges one item's fields; the result starts as ours, so a conflict keeps ours in place.
    /// `base` is nil when both sides added an item with the same id.
    static func mergeFields<T>(_ fields: [MergeField<T>], base: T?, ours: T, theirs: T,
                               place: (String) -> ConflictPlace) -> (value: T, conflicts: [MergeConflict]) {
        var result = ours
        var conflicts: [MergeConflict] = []
        for field in fields {
            let o = field.get(ours), t = field.get(theirs)
            if o == t { continue }
            let b: String?? = base.map(field.get)
            if b == .some(o) {
                _ = field.set(&result, t)  // only theirs changed it
            } else if b == .some(t) {
                continue  // only ours changed it: already in place
            } else if let combine = field.combine, let o, let t {
                _ = field.set(&result, combine(o, t))
            } else {
                conflicts.append(MergeConflict(kind: .editedOnBothSides, place: place(field.name),
                                               base: b ?? nil, ours: o, theirs: t))
            }
        }
        return (result, conflicts)
    }

    // MARK: - Lists of items with ids

    struct ListMerge<T> {
        var items: [T]
        var conflicts: [MergeConflict]
        /// Ids some side had that the result does not.
        var removed: Set<String>
    }

    enum Side { case ours, theirs }

    /// Matches items by id, merges each one's fields, decides removals, and merges the order.
    /// `changedBesidesFields` says whether a side changed an item in a way its fields don't
    /// show (a criterion's cells), so a removal on the other side doesn't silently lose it.
    static func mergeList<T: Identifiable & Equatable>(
        _ kind: ConflictPlace.ItemKind, _ base: [T], _ ours: [T], _ theirs: [T],
        fields: [MergeField<T>], describe: (T) -> String,
        changedBesidesFields: (String, Side) -> Bool = { _, _ in false },
        tieKey: (String) -> String = { $0 }
    ) -> ListMerge<T> where T.ID == String {
        func byId(_ list: [T]) -> [String: T] {
            Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let b = byId(base), o = byId(ours), t = byId(theirs)
        var kept: [String: T] = [:]
        var conflictsById: [String: [MergeConflict]] = [:]
        var removed: Set<String> = []

        for id in Set(b.keys).union(o.keys).union(t.keys) {
            switch (b[id], o[id], t[id]) {
            case let (base, ours?, theirs?):
                let result = mergeFields(fields, base: base, ours: ours, theirs: theirs) { .item(kind, id: id, field: $0) }
                kept[id] = result.value
                conflictsById[id] = result.conflicts
            case let (nil, ours?, nil):
                kept[id] = ours
            case let (nil, nil, theirs?):
                kept[id] = theirs
            case let (base?, ours?, nil):
                if ours == base && !changedBesidesFields(id, .ours) {
                    removed.insert(id)
                } else {
                    kept[id] = ours
                    conflictsById[id] = [MergeConflict(kind: .deletedAndEdited, place: .item(kind, id: id, field: nil),
                                                       base: describe(base), ours: describe(ours), theirs: nil)]
                }
            case let (base?, nil, theirs?):
                if theirs == base && !changedBesidesFields(id, .theirs) {
                    removed.insert(id)
                } else {
                    kept[id] = theirs
                    conflictsById[id] = [MergeConflict(kind: .deletedAndEdited, place: .item(kind, id: id, field: nil),
                                                       base: describe(base), ours: nil, theirs: describe(theirs))]
                }
            case (_, nil, nil):
                removed.insert(id)
            }
        }

        let order = OrderMerge.merge(base: base.map(\.id), ours: ours.map(\.id), theirs: theirs.map(\.id),
                                     keeping: Set(kept.keys), tieKey: tieKey)
        return ListMerge(items: order.map { kept[$0]! },
                         conflicts: order.flatMap { conflictsById[$0] ?? [] },
                         removed: removed)
    }

    // MARK: - The framework grid

    struct FrameworkMerge {
        var framework: Framework
        var conflicts: [MergeConflict]
        var removedCriteria: Set<String>
        var removedDimensions: Set<String>
    }

    static func mergeFramework(base: Framework, ours: Framework, theirs: Framework) -> FrameworkMerge {
        func side(_ s: Side) -> Framework { s == .ours ? ours : theirs }
        let criteria = mergeList(.criterion, base.criteria, ours.criteria, theirs.criteria,
                                 fields: MergeFields.axisItem, describe: \.name,
                                 changedBesidesFields: { id, s in
                                     side(s).cells(along: .criteria, id: id) != base.cells(along: .criteria, id: id)
                                 })
        let dimensions = mergeList(.dimension, base.dimensions, ours.dimensions, theirs.dimensions,
                                   fields: MergeFields.axisItem, describe: \.name,
                                   changedBesidesFields: { id, s in
                                       side(s).cells(along: .dimensions, id: id) != base.cells(along: .dimensions, id: id)
                                   })
        let rows = Set(criteria.items.map(\.id)), columns = Set(dimensions.items.map(\.id))

        // A side that removed a row or column the merge keeps (because the other side changed
        // it) also emptied its cells; that emptying is not a change to weigh against the other
        // side's, so read those cells as the base had them.
        func cell(_ key: CellKey, in framework: Framework) -> String {
            let rowGone = rows.contains(key.criterion) && !framework.criteria.contains { $0.id == key.criterion }
            let columnGone = columns.contains(key.dimension) && !framework.dimensions.contains { $0.id == key.dimension }
            return rowGone || columnGone ? base[key] : framework[key]
        }

        let rowIndex = Dictionary(criteria.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let columnIndex = Dictionary(dimensions.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = Set(base.cells.keys).union(ours.cells.keys).union(theirs.cells.keys)
            .filter { !criteria.removed.contains($0.criterion) && !dimensions.removed.contains($0.dimension) }
            .sorted {
                (rowIndex[$0.criterion] ?? .max, columnIndex[$0.dimension] ?? .max, $0.criterion, $0.dimension)
                    < (rowIndex[$1.criterion] ?? .max, columnIndex[$1.dimension] ?? .max, $1.criterion, $1.dimension)
            }

        var cells: [CellKey: String] = [:]
        var conflicts = criteria.conflicts + dimensions.conflicts
        for key in keys {
            let b = base[key], o = cell(key, in: ours), t = cell(key, in: theirs)
            if o == t || t == b {
                cells[key] = o
            } else if o == b {
                cells[key] = t
            } else {
                cells[key] = o
                conflicts.append(MergeConflict(kind: .editedOnBothSides, place: .cell(key), base: b, ours: o, theirs: t))
            }
        }
        return FrameworkMerge(
            framework: Framework(criteria: criteria.items, dimensions: dimensions.items, cells: cells),
            conflicts: conflicts, removedCriteria: criteria.removed, removedDimensions: dimensions.removed)
    }
}
