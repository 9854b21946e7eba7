/// What changed between two versions of a panel, counted the way a clerk thinks of it:
/// "3 notes, 2 cells, 1 question". Used as the commit message of `scrutiny sync` and to
/// report what a pull brought in.
///
/// An item counts once whether it was added, removed, changed or moved.
public struct ChangeSummary: Equatable, Sendable, CustomStringConvertible {
    public var notes = 0
    public var cells = 0
    public var questions = 0
    public var scheduleItems = 0
    public var criteria = 0
    public var dimensions = 0
    public var sections = 0
    public var panelFields = 0
    public var conflictsResolved = 0
    public var conflictsRecorded = 0

    public init(from old: PanelDocument, to new: PanelDocument) {
        notes = Self.changedItems(old.notes, new.notes)
        questions = Self.changedItems(old.questions, new.questions)
        scheduleItems = Self.changedItems(old.schedule, new.schedule)
        criteria = Self.changedItems(old.framework.criteria, new.framework.criteria)
        dimensions = Self.changedItems(old.framework.dimensions, new.framework.dimensions)
        sections = Self.changedItems(old.panel.sections, new.panel.sections)
        cells = Set(old.framework.cells.keys).union(new.framework.cells.keys)
            .count { old.framework[$0] != new.framework[$0] }
        panelFields = MergeFields.panel.count { $0.get(old.panel) != $0.get(new.panel) }
        conflictsResolved = old.conflicts.count { !new.conflicts.contains($0) }
        conflictsRecorded = new.conflicts.count { !old.conflicts.contains($0) }
    }

    public var isEmpty: Bool { parts.isEmpty }

    /// "3 notes, 2 cells, 1 question", or "no changes".
    public var description: String { isEmpty ? "no changes" : parts.joined(separator: ", ") }

    private var parts: [String] {
        let counted: [(Int, String, String)] = [
            (notes, "note", "notes"), (cells, "cell", "cells"), (questions, "question", "questions"),
            (scheduleItems, "schedule item", "schedule items"), (criteria, "criterion", "criteria"),
            (dimensions, "dimension", "dimensions"), (sections, "section", "sections"),
            (panelFields, "panel field", "panel fields"),
            (conflictsResolved, "conflict resolved", "conflicts resolved"),
            (conflictsRecorded, "new conflict", "new conflicts"),
        ]
        return counted.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
    }

    /// Items added, removed or changed, plus those that kept their value but moved.
    private static func changedItems<T: Identifiable & Equatable>(_ old: [T], _ new: [T]) -> Int where T.ID == String {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        let common = Set(before.keys).intersection(after.keys)
        let oldOrder = old.map(\.id).filter(common.contains), newOrder = new.map(\.id).filter(common.contains)
        let stayed = Set(OrderMerge.longestCommonSubsequence(oldOrder, newOrder))
        let moved = common.subtracting(stayed).subtracting(changed)
        return changed.count + moved.count
    }
}
