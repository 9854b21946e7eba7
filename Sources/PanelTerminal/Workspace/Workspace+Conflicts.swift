import PanelModel

/// Merge conflicts in the workspace (see `ThreeWayMerge`): where they are, for the panes'
/// marks, and the keys that resolve the one under the selection, each as one undoable edit.
///
/// Ours is the text already in place, so "keep ours" keeps what is there now, including
/// anything typed since the merge: to combine both versions, edit the text, then keep it.
extension Workspace {
    /// What carries a conflict mark in each pane.
    struct ConflictMarks: Equatable {
        var cells: Set<CellKey> = []
        var criteria: Set<String> = []
        var dimensions: Set<String> = []
        var scheduleItems: Set<String> = []
        var questions: Set<String> = []
    }

    var conflictMarks: ConflictMarks {
        var marks = ConflictMarks()
        for conflict in document.conflicts {
            switch conflict.place {
            case let .cell(key): marks.cells.insert(key)
            case let .item(.criterion, id, _): marks.criteria.insert(id)
            case let .item(.dimension, id, _): marks.dimensions.insert(id)
            case let .item(.schedule, id, _): marks.scheduleItems.insert(id)
            case let .item(.question, id, _): marks.questions.insert(id)
            case .panel, .item(.section, _, _), .item(.note, _, _): break
            }
        }
        return marks
    }

    /// A conflict `next-conflict` named that no pane can select (a note's, a panel field's),
    /// with where the clerk was when it was shown: it stays "in focus" until they move.
    struct ShownConflict: Equatable {
        var index: Int
        var focus: Pane
        var selection: Selection
    }

    /// The conflict keep-ours and take-theirs act on: the one `next-conflict` just named when
    /// no pane can show it, else the one under the selection.
    var conflictInFocus: Int? {
        if let shown = shownConflict, shown.focus == focus, shown.selection == selection,
           document.conflicts.indices.contains(shown.index) {
            return shown.index
        }
        return conflictsHere.first
    }

    /// The conflicts about what is selected in the focused pane (indices into the document's
    /// list), the most specific first: a cell before its row or column.
    var conflictsHere: [Int] {
        let indices = document.conflicts.indices
        func place(_ i: Int) -> ConflictPlace { document.conflicts[i].place }
        switch focus {
        case .framework:
            let cells = indices.filter { place($0) == .cell(CellKey(criterion: selection.criterion ?? "", dimension: selection.dimension ?? "")) }
            let axes = indices.filter {
                switch place($0) {
                case let .item(.criterion, id, _): id == selection.criterion
                case let .item(.dimension, id, _): id == selection.dimension
                default: false
                }
            }
            return cells + axes
        case .schedule:
            return indices.filter { if case let .item(.schedule, id, _) = place($0) { id == selection.scheduleItem } else { false } }
        case .questions:
            return indices.filter { if case let .item(.question, id, _) = place($0) { id == selection.question } else { false } }
        }
    }

    /// "Keep ours" or "take theirs" for the conflict under the selection (or, when there is
    /// none, the one `next-conflict` showed that no pane can select).
    mutating func resolveConflictHere(_ choice: ConflictChoice) {
        let target = conflictInFocus
        shownConflict = nil
        guard let index = target else {
            message = StatusMessage(text: noConflictHere, isError: true)
            return
        }
        let place = document.conflicts[index].placeName(in: document)
        guard let edit = document.resolveConflict(at: index, choosing: choice), apply(edit) else {
            if message == nil { message = StatusMessage(text: "Could not resolve the conflict in \(place)", isError: true) }
            return
        }
        let left = document.conflicts.count
        let what = choice == .ours ? "Kept ours" : "Took theirs"
        message = StatusMessage(text: "\(what) in \(place); " + (left == 0 ? "no conflicts left" : "\(left) conflict\(left == 1 ? "" : "s") left"))
    }

    /// Selects the next conflict after the current one (in the list's order, wrapping), and
    /// says what both sides wrote. Conflicts no pane shows (a note, a panel field) are named.
    mutating func jumpToNextConflict() {
        let conflicts = document.conflicts
        guard !conflicts.isEmpty else {
            message = StatusMessage(text: "No merge conflicts")
            return
        }
        let current = conflictInFocus ?? -1
        let next = (current + 1) % conflicts.count
        let conflict = conflicts[next]
        shownConflict = nil
        switch conflict.place {
        case let .cell(key):
            focus = .framework
            selection.criterion = key.criterion
            selection.dimension = key.dimension
        case let .item(.criterion, id, _):
            focus = .framework
            selection.criterion = id
        case let .item(.dimension, id, _):
            focus = .framework
            selection.dimension = id
        case let .item(.schedule, id, _):
            focus = .schedule
            selection.scheduleItem = id
        case let .item(.question, id, _):
            focus = .questions
            selection.question = id
        case .panel, .item(.section, _, _), .item(.note, _, _):
            shownConflict = ShownConflict(index: next, focus: focus, selection: selection)
        }
        // The bottom line's right shows theirs for a conflict a pane selects; name the rest in full.
        let what = shownConflict == nil ? conflict.placeName(in: document) : conflict.describe(in: document)
        message = StatusMessage(text: "Conflict \(next + 1) of \(conflicts.count): " + what)
    }

    private var noConflictHere: String {
        let count = document.conflicts.count
        guard count > 0 else { return "No merge conflicts" }
        let next = simplest(keymap.keys(for: .nextConflict, in: .global)).map { " (" + KeyName.format($0) + " goes to one)" } ?? ""
        return "No merge conflict here; \(count) elsewhere\(next)"
    }
}
