import Foundation
import PanelModel

/// What each action does outside the editor: moving, focusing, and turning requests into edits.
extension Workspace {
    mutating func perform(_ action: Action) {
        switch action {
        case .quit: outbox.append(.quit)
        case .help: mode = .help(firstLine: 0)
        case .commandLine: mode = .prompt(Prompt(.command))
        case .search: mode = .prompt(Prompt(.search))
        case .searchNext: jumpToMatch(forward: true)
        case .searchPrevious: jumpToMatch(forward: false)
        case .undo: undo()
        case .redo: redo()
        case .nextPane: focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .previousPane: focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .focusSchedule: focus = .schedule
        case .focusFramework: focus = .framework
        case .focusQuestions: focus = .questions
        case .redraw: outbox.append(.redraw)  // the host repaints the whole terminal
        case .suspend: outbox.append(.suspend)

        case .moveUp: moveVertically(by: -1)
        case .moveDown: moveVertically(by: 1)
        case .moveLeft: moveHorizontally(by: -1)
        case .moveRight: moveHorizontally(by: 1)
        case .pageUp: moveVertically(by: -pageSize)
        case .pageDown: moveVertically(by: pageSize)
        case .lineStart: focus == .framework ? moveHorizontally(by: -Int.max / 2) : moveVertically(by: -Int.max / 2)
        case .lineEnd: focus == .framework ? moveHorizontally(by: Int.max / 2) : moveVertically(by: Int.max / 2)
        case .goFirst: moveVertically(by: -Int.max / 2)
        case .goLast: moveVertically(by: Int.max / 2)

        case .edit: selectedTarget.map { startEditing($0) }
        case .clear: clearCell()
        case .add: addHere()
        case .delete: deleteHere()
        case .rename: renameHere()
        case .moveItemUp: moveHere(by: -1)
        case .moveItemDown: moveHere(by: 1)
        case .cycleStatus: cycleStatus()
        case .setDate:
            guard let item = selectedScheduleItem(for: "set a date") else { return }
            mode = .prompt(Prompt(.date(itemID: item.id), text: item.date.map { DateInput.format($0, end: item.endDate) } ?? ""))
        case .setKind: cycleKind()

        case .addCriterion: mode = .prompt(Prompt(.newCriterion(at: (gridPosition?.row ?? -1) + 1)))
        case .addDimension: mode = .prompt(Prompt(.newDimension(at: (gridPosition?.column ?? -1) + 1)))
        case .renameCriterion: selection.criterion.map { startEditing(.criterionName($0)) } ?? noGrid()
        case .renameDimension: selection.dimension.map { startEditing(.dimensionName($0)) } ?? noGrid()
        case .deleteCriterion: confirmAxisDeletion(.criteria)
        case .deleteDimension: confirmAxisDeletion(.dimensions)
        case .moveCriterionUp: moveAxisItem(.criteria, by: -1)
        case .moveCriterionDown: moveAxisItem(.criteria, by: 1)
        case .moveDimensionLeft: moveAxisItem(.dimensions, by: -1)
        case .moveDimensionRight: moveAxisItem(.dimensions, by: 1)

        case .nextConflict: jumpToNextConflict()
        case .keepOurs: resolveConflictHere(.ours)
        case .takeTheirs: resolveConflictHere(.theirs)

        case .cursorLeft, .cursorRight, .wordLeft, .wordRight, .cursorUp, .cursorDown, .cursorLineStart,
             .cursorLineEnd, .deleteBackward, .deleteForward, .deleteWordBackward, .killToLineEnd,
             .killToLineStart, .newline, .finishEdit, .leaveEdit:
            message = StatusMessage(text: "\(action.rawValue) works while editing text", isError: true)
        }
    }

    // MARK: Moving

    /// Lines per page in the focused pane.
    var pageSize: Int {
        let layout = ScreenLayout(width: width, height: height)
        switch focus {
        case .framework:
            let g = GridGeometry(framework: document.framework, interior: layout.framework.inset(1), firstRow: 0, firstColumn: 0)
            return max(1, g.rowCapacity)
        case .schedule: return max(1, layout.schedule.inset(1).height - 1)
        case .questions: return max(1, layout.questions.inset(1).height - 1)
        }
    }

    private mutating func moveVertically(by delta: Int) {
        switch focus {
        case .framework:
            let ids = document.framework.criteria.map(\.id)
            selection.criterion = Self.step(ids, from: selection.criterion, by: delta)
        case .schedule:
            selection.scheduleItem = Self.step(scheduleOrder, from: selection.scheduleItem, by: delta)
        case .questions:
            selection.question = Self.step(document.questions.map(\.id), from: selection.question, by: delta)
        }
    }

    private mutating func moveHorizontally(by delta: Int) {
        guard focus == .framework else { return }
        selection.dimension = Self.step(document.framework.dimensions.map(\.id), from: selection.dimension, by: delta)
    }

    /// The id `delta` places from `id` in `ids`, stopping at the ends.
    static func step(_ ids: [String], from id: String?, by delta: Int) -> String? {
        guard !ids.isEmpty else { return nil }
        let index = id.flatMap { ids.firstIndex(of: $0) } ?? 0
        return ids[max(0, min(ids.count - 1, index + delta))]
    }

    // MARK: What is selected

    /// What Enter edits in the focused pane.
    var selectedTarget: EditTarget? {
        switch focus {
        case .framework:
            guard let c = selection.criterion, let d = selection.dimension else { return nil }
            return .cell(criterion: c, dimension: d)
        case .schedule: return selection.scheduleItem.map(EditTarget.scheduleTitle)
        case .questions: return selection.question.map(EditTarget.questionText)
        }
    }

    var selectedQuestion: Question? {
        selection.question.flatMap(document.questionIndex).map { document.questions[$0] }
    }

    /// The schedule's selected item (whichever pane has focus: ":date 6 May" works from anywhere).
    var scheduleItem: ScheduleItem? {
        selection.scheduleItem.flatMap(document.scheduleIndex).map { document.schedule[$0] }
    }

    /// The selected schedule item, or nil with a message saying `what` needs one.
    mutating func selectedScheduleItem(for what: String) -> ScheduleItem? {
        guard let item = scheduleItem else {
            message = StatusMessage(text: "No schedule item to \(what): add one with :add item TITLE", isError: true)
            return nil
        }
        return item
    }

    private mutating func noGrid() {
        message = StatusMessage(text: "The framework is empty: :add criterion NAME, :add dimension NAME", isError: true)
    }

    // MARK: Per-pane requests

    private mutating func clearCell() {
        guard focus == .framework else {
            message = StatusMessage(text: "Clear empties a grid cell: 2 focuses the framework", isError: true)
            return
        }
        guard case .cell(let c, let d)? = selectedTarget else { return noGrid() }
        let key = CellKey(criterion: c, dimension: d)
        guard !document.framework[key].isEmpty else {
            message = StatusMessage(text: "The cell is already empty")
            return
        }
        apply(document.setCell(key, to: ""))
    }

    private mutating func addHere() {
        switch focus {
        case .framework: perform(.addCriterion)
        case .schedule: mode = .prompt(Prompt(.newScheduleItem))
        case .questions:
            let at = (selection.question.flatMap(document.questionIndex) ?? document.questions.count - 1) + 1
            mode = .prompt(Prompt(.newQuestion(at: at)))
        }
    }

    private mutating func renameHere() {
        switch focus {
        case .framework: perform(.renameCriterion)
        case .schedule: selection.scheduleItem.map { startEditing(.scheduleTitle($0)) }
        case .questions: selection.question.map { startEditing(.questionTitle($0)) }
        }
    }

    private mutating func deleteHere() {
        switch focus {
        case .framework:
            message = StatusMessage(text: "In the grid, delete a row or column: :delete-criterion or :delete-dimension", isError: true)
        case .schedule:
            guard let item = scheduleItem, let edit = document.removeScheduleItem(id: item.id) else { return }
            let notes = document.notes.count { $0.source == item.id }
            mode = .prompt(Prompt(.confirm(question: "Delete “\(PaneFrame.firstLine(item.title))”?" + Self.notesLosing(notes, "their source"), edit: edit)))
        case .questions:
            guard let q = selectedQuestion, let edit = document.removeQuestion(id: q.id) else { return }
            let notes = document.notesFiled(underQuestion: q.id)
            mode = .prompt(Prompt(.confirm(question: "Delete question \(q.number) “\(PaneFrame.firstLine(q.title))”?" + Self.notesLosing(notes, "unfiled", become: true), edit: edit)))
        }
    }

    private mutating func confirmAxisDeletion(_ axis: Axis) {
        let id = axis == .criteria ? selection.criterion : selection.dimension
        guard let id, let item = document.framework.items(axis).first(where: { $0.id == id }),
              let edit = document.removeAxisItem(axis, id: id) else { return noGrid() }
        let cells = document.framework.cells(along: axis, id: id).count
        let notes = document.notesFiled(under: axis, id: id)
        let cellWords = cells == 0 ? "" : " and its \(cells) filled cell\(cells == 1 ? "" : "s")"
        focus = .framework
        mode = .prompt(Prompt(.confirm(question: "Delete \(axis.singular) “\(PaneFrame.firstLine(item.name))”\(cellWords)?"
            + Self.notesLosing(notes, "unfiled", become: true), edit: edit)))
    }

    /// " 2 notes become unfiled." / " 1 note loses its source." / "" for none.
    static func notesLosing(_ count: Int, _ what: String, become: Bool = false) -> String {
        guard count > 0 else { return "" }
        let noun = count == 1 ? "note" : "notes"
        if become { return " \(count) \(noun) \(count == 1 ? "becomes" : "become") \(what)." }
        return " \(count) \(noun) \(count == 1 ? "loses its source" : "lose their source")."
    }

    private mutating func moveHere(by delta: Int) {
        switch focus {
        case .framework: moveAxisItem(.criteria, by: delta)
        case .questions:
            guard let q = selectedQuestion, let from = document.questionIndex(q.id) else { return }
            guard let edit = document.moveQuestion(id: q.id, to: from + delta) else { return atEnd() }
            apply(edit)
        case .schedule:
            guard let item = scheduleItem else { return }
            let order = scheduleOrder
            guard let here = order.firstIndex(of: item.id), order.indices.contains(here + delta),
                  let neighbour = document.scheduleIndex(order[here + delta]) else { return atEnd() }
            let other = document.schedule[neighbour]
            guard other.date == item.date && (other.status == .held) == (item.status == .held) else {
                message = StatusMessage(text: "The schedule is in date order: change the date to move “\(PaneFrame.firstLine(item.title))”", isError: true)
                return
            }
            applyIfAny(document.moveScheduleItem(id: item.id, to: neighbour))
        }
    }

    private mutating func moveAxisItem(_ axis: Axis, by delta: Int) {
        guard let id = axis == .criteria ? selection.criterion : selection.dimension,
              let from = document.framework.items(axis).firstIndex(where: { $0.id == id }) else { return noGrid() }
        guard let edit = document.moveAxisItem(axis, id: id, to: from + delta) else { return atEnd() }
        apply(edit)
    }

    private mutating func atEnd() {
        message = StatusMessage(text: "Already at the end")
    }

    private mutating func cycleStatus() {
        switch focus {
        case .framework:
            message = StatusMessage(text: "Status belongs to schedule items and questions", isError: true)
        case .schedule:
            guard var item = scheduleItem else { return }
            item.status = Self.next(item.status)
            applyIfAny(document.updateScheduleItem(item))
            message = StatusMessage(text: "“\(PaneFrame.firstLine(item.title))” is now \(item.status.rawValue)")
        case .questions:
            guard var q = selectedQuestion else { return }
            q.status = Self.next(q.status)
            applyIfAny(document.updateQuestion(q))
            message = StatusMessage(text: "Question \(q.number) is now \(q.status.rawValue)")
        }
    }

    private mutating func cycleKind() {
        guard var item = selectedScheduleItem(for: "set the kind of") else { return }
        item.kind = Self.next(item.kind)
        applyIfAny(document.updateScheduleItem(item))
        message = StatusMessage(text: "“\(PaneFrame.firstLine(item.title))” is now a\(item.kind == .interview ? "n" : "") \(item.kind.rawValue)")
    }

    static func next<T: CaseIterable & Equatable>(_ value: T) -> T where T.AllCases == [T] {
        let all = T.allCases
        return all[(all.firstIndex(of: value)! + 1) % all.count]
    }
}
