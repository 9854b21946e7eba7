import PanelModel

/// Drawing: the whole frame from the state alone. The panes come from the pane cache, each
/// redrawn only when something it shows changed (see `PaneCache`); the overlays are drawn over
/// them every frame. The host diffs frames, so the terminal is sent only the cells that changed.
extension Workspace {
    public func render(into buffer: inout ScreenBuffer) {
        render(into: &buffer, reusing: paneCache)
    }

    /// Draws the frame, with the panes of `cache` that are still what they would be drawn as;
    /// with no cache, every pane is drawn afresh (what the cached frame must always equal).
    func render(into buffer: inout ScreenBuffer, reusing cache: PaneCache?) {
        let layout = ScreenLayout(width: buffer.width, height: buffer.height)
        if layout.isTooSmall || isInChairView {
            // Drawn whole every frame: these keep nothing in the pane cache.
            buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: buffer.height))
            buffer.cursor = nil
            if !layout.isTooSmall { return renderChairView(into: &buffer) }
            let text = "terminal too small (need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight))"
            let x = max(0, (buffer.width - DisplayWidth.of(text)) / 2)
            buffer.put(text, x: x, y: buffer.height / 2, style: Style(.alarm, bold: true))
            return
        }
        if let cache {
            buffer = cache.draw(width: buffer.width, height: buffer.height) { drawPanes(layout, into: &$0, hints: cache) }
        } else {
            var frame = PaneCache.Frame(buffer: ScreenBuffer(width: buffer.width, height: buffer.height))
            drawPanes(layout, into: &frame, hints: nil)
            buffer = frame.buffer
        }
        switch mode {
        case .editing(let session):
            let frame = EditorBox.draw(session.editor, anchor: anchor(for: session.target, in: layout), bounds: layout.body,
                                       into: &buffer, style: Style(.editing))
            drawNoteBoxTitle(session, frame: frame, into: &buffer)
        case .help(let first):
            HelpOverlay(lines: HelpOverlay.lines(for: keymap), firstLine: first)
                .draw(in: HelpOverlay.box(width: buffer.width, height: buffer.height), into: &buffer)
        case .notes(let view):
            drawNotes(view, layout: layout, into: &buffer)
        case .prompt(let prompt):
            // Over the hint line, which it covers whole; the cache keeps the hint line beneath.
            PromptLine(prompt: prompt, message: message).draw(in: layout.bottomLine, into: &buffer)
        case .normal:
            break
        }
    }

    /// The title bar, the three panes in their frames, and the hint line: each drawn only when
    /// its key (everything its drawing reads) differs from the one it was last drawn with.
    /// The document enters every pane's key as its `revision`, which changes with any edit.
    /// The hint line's keys are looked up in the keymap once per context and then taken from
    /// `hints` (the pane cache), when there is one.
    private func drawPanes(_ layout: ScreenLayout, into frame: inout PaneCache.Frame, hints memory: PaneCache?) {
        let titleBar = TitleBar(panelTitle: document.panel.title, saveStatus: saveStatus, timeZone: timeZone,
                                live: liveTitle.map { TitleBar.Live(title: $0.title, elapsed: $0.elapsed) },
                                loadingNotes: notesLoading)
        frame.part(.titleBar, in: layout.titleBar, key: titleBar) { titleBar.draw(in: layout.titleBar, into: &$0) }

        let schedule = PaneKey(view: PaneView(rect: layout.schedule, revision: revision, query: searchQuery,
                                              firstRow: scroll.schedule),
                               focused: focus == .schedule, selected: selection.scheduleItem)
        frame.part(.schedule, in: layout.schedule, key: schedule) { buffer in
            PaneFrame.draw(layout.schedule, title: Pane.schedule.title, focused: schedule.focused, into: &buffer)
            schedulePane(layout).draw(into: &buffer)
        }

        let grid = PaneKey(view: PaneView(rect: layout.framework, revision: revision, query: searchQuery,
                                          firstRow: scroll.gridRow, firstColumn: scroll.gridColumn),
                           focused: focus == .framework, selected: selection.criterion, selectedColumn: selection.dimension)
        // A move in the grid (the commonest key of all) changes only its selection: the cells
        // and headers selected before and now are redrawn over the rest.
        frame.part(.framework, in: layout.framework, key: grid, update: { drawn, buffer in
            guard drawn.view == grid.view else { return false }
            if drawn.focused != grid.focused {
                PaneFrame.draw(layout.framework, title: Pane.framework.title, focused: grid.focused, into: &buffer)
            }
            let cells = [gridPosition(criterion: drawn.selected, dimension: drawn.selectedColumn), gridPosition]
                .compactMap { $0 }.map { (row: $0.row, column: $0.column) }
            return gridPane(layout).redrawSelection(rows: cells.map(\.row), cells: cells, into: &buffer)
        }, draw: { buffer in
            PaneFrame.draw(layout.framework, title: Pane.framework.title, focused: grid.focused, into: &buffer)
            gridPane(layout).draw(into: &buffer)
        })

        let questions = PaneKey(view: PaneView(rect: layout.questions, revision: revision, query: searchQuery,
                                               firstRow: scroll.questions),
                                focused: focus == .questions, selected: selection.question)
        frame.part(.questions, in: layout.questions, key: questions) { buffer in
            PaneFrame.draw(layout.questions, title: Pane.questions.title, focused: questions.focused, into: &buffer)
            questionsPane(layout).draw(into: &buffer)
        }

        // A prompt is drawn over the bottom line as an overlay (it places the cursor).
        if case .prompt = mode { return }
        let hintLine = HintLine(hints: memory.map { $0.hints(for: hintsContext) { hints } } ?? hints,
                                message: message, position: position)
        frame.part(.bottomLine, in: layout.bottomLine, key: hintLine) { hintLine.draw(in: layout.bottomLine, into: &$0) }
    }

    /// A pane's key: what its drawing reads besides the document (named by its revision).
    private struct PaneKey: Equatable {
        var view: PaneView
        var focused: Bool
        var selected: String?
        var selectedColumn: String? = nil
    }

    /// What a pane shows, as against where its selection is and whether it has focus: where
    /// it is, the document, the search and how far it is scrolled.
    private struct PaneView: Equatable {
        var rect: Rect
        var revision: Revision
        var query: String?
        var firstRow: Int
        var firstColumn = 0
    }

    /// (criterion index, dimension index) of the cell with these ids, as `gridPosition` is of
    /// the selected one.
    private func gridPosition(criterion: String?, dimension: String?) -> (row: Int, column: Int)? {
        let f = document.framework
        guard let row = f.criteria.firstIndex(where: { $0.id == criterion }),
              let column = f.dimensions.firstIndex(where: { $0.id == dimension }) else { return nil }
        return (row, column)
    }

    // MARK: Panes

    func gridGeometry(_ layout: ScreenLayout) -> GridGeometry {
        GridGeometry(framework: document.framework, interior: layout.framework.inset(1),
                     firstRow: scroll.gridRow, firstColumn: scroll.gridColumn)
    }

    func gridPane(_ layout: ScreenLayout) -> GridPane {
        GridPane(framework: document.framework, geometry: gridGeometry(layout), selected: gridPosition,
                 focused: focus == .framework, query: searchQuery, notes: noteIndex, conflicts: conflictMarks,
                 cellLines: cellLines)
    }

    func schedulePane(_ layout: ScreenLayout) -> SchedulePane {
        SchedulePane(schedule: document.schedule, rows: scheduleRows, interior: layout.schedule.inset(1),
                     firstRow: scroll.schedule, selectedID: selection.scheduleItem, focused: focus == .schedule,
                     query: searchQuery, conflicts: conflictMarks.scheduleItems, liveID: document.live?.item)
    }

    func questionsPane(_ layout: ScreenLayout) -> QuestionsPane {
        QuestionsPane(questions: document.questions, interior: layout.questions.inset(1), firstRow: scroll.questions,
                      selectedID: selection.question, focused: focus == .questions, query: searchQuery,
                      notes: noteIndex, conflicts: conflictMarks.questions)
    }

    /// The screen rectangle of the text an editor changes: the editor opens over it.
    func anchor(for target: EditTarget, in layout: ScreenLayout) -> Rect {
        let grid = gridGeometry(layout)
        let fallback = Rect(x: grid.interior.x, y: grid.interior.y, width: grid.interior.width, height: 3)
        let f = document.framework
        switch target {
        case let .cell(c, d):
            guard let row = f.criteria.firstIndex(where: { $0.id == c }),
                  let column = f.dimensions.firstIndex(where: { $0.id == d }) else { return fallback }
            return grid.textRect(row: row, column: column) ?? fallback
        case .criterionName(let id):
            guard let row = f.criteria.firstIndex(where: { $0.id == id }), let y = grid.rowY(row) else { return fallback }
            return Rect(x: grid.interior.x + 1, y: y, width: max(1, grid.rowHeaderWidth - 2), height: 1)
        case .dimensionName(let id):
            guard let index = f.dimensions.firstIndex(where: { $0.id == id }), let column = grid.column(index)
            else { return fallback }
            return Rect(x: column.textX, y: grid.interior.y, width: column.textWidth, height: 1)
        case .scheduleTitle(let id):
            let pane = schedulePane(layout)
            guard let index = scheduleRows.firstIndex(of: .item(id)) else { return fallback }
            let y = pane.interior.y + index - scroll.schedule
            return Rect(x: pane.titleX, y: y, width: max(1, pane.interior.maxX - pane.titleX), height: 1)
        case .questionTitle(let id), .questionText(let id):
            let pane = questionsPane(layout)
            guard let index = document.questionIndex(id) else { return fallback }
            let y = pane.interior.y + index - scroll.questions
            if case .questionTitle = target { return pane.titleRect(y: y) }
            return pane.textRect(y: y)
        case .unfiledNote:
            return fallback
        case .newNote, .note:
            return noteBoxAnchor(layout)
        }
    }

    // MARK: The bottom line

    /// Everything `hints` depends on but the keymap, which a workspace never changes (nil in
    /// the notes view, whose hints follow the view and are not remembered).
    private var hintsContext: PaneCache.HintsContext? {
        let kind: Int
        switch mode {
        case .editing: kind = 0
        case .help: kind = 1
        case .notes: return nil
        case .normal: kind = 2
        case .prompt: kind = 3
        }
        let conflict = kind == 2 && conflictInFocus != nil
        return PaneCache.HintsContext(mode: kind, focus: focus.rawValue, conflict: conflict,
                                      combine: conflict && !conflictsHere.isEmpty)
    }

    /// The most useful keys of the moment, read from the keymap.
    private var hints: [HintLine.Hint] {
        var wanted: [(Action, String)]
        let context: KeyContext
        switch mode {
        case .editing:
            context = .editor
            wanted = [(.finishEdit, "finish"), (.leaveEdit, "leave"), (.newline, "new line"),
                      (.deleteWordBackward, "delete word")]
        case .help:
            context = .global
            wanted = [(.moveDown, "scroll"), (.pageDown, "page"), (.help, "close")]
        case .notes(let view):
            return notesHints(view)
        default:
            context = focus.context
            // In the order of the design sketch; when the line is short, the keys a newcomer
            // needs most stay (see `ranks`): edit, note, help, then zoom and search.
            switch focus {
            case .framework:
                wanted = [(.nextPane, "panes"), (.edit, "edit"), (.newNote, "note"), (.search, "search"), (.zoom, "zoom"),
                          (.help, "help"), (.commandLine, "command"), (.notesDrawer, "notes"), (.addCriterion, "add row"),
                          (.addDimension, "add column"), (.undo, "undo"), (.quit, "quit")]
            case .schedule:
                wanted = [(.nextPane, "panes"), (.edit, "edit"), (.startLive, "live"), (.newNote, "note"),
                          (.search, "search"), (.help, "help"), (.commandLine, "command"), (.add, "add"),
                          (.setDate, "date"), (.cycleStatus, "status"), (.setKind, "kind"), (.sessionNotes, "session"),
                          (.quit, "quit")]
            case .questions:
                wanted = [(.nextPane, "panes"), (.edit, "edit"), (.newNote, "note"), (.search, "search"),
                          (.help, "help"), (.commandLine, "command"), (.rename, "title"), (.add, "add"),
                          (.cycleStatus, "status"), (.notesDrawer, "notes"), (.quit, "quit")]
            }
        }
        if case .normal = mode, conflictInFocus != nil {
            // Merge-conflict keys first; combining is editing the text in place, then keeping it.
            let combine: [(Action, String)] = conflictsHere.isEmpty ? [] : [(.edit, "edit to combine")]
            wanted = [(.keepOurs, "keep ours"), (.takeTheirs, "take theirs")] + combine + wanted.filter { $0.0 != .edit }
        }
        var hints = HintLine.hints(wanted, context: context, keymap: keymap, ranks: Self.hintRanks)
        if case .normal = mode, let arrows = HintLine.arrowsHint(context: context, keymap: keymap, rank: 7) {
            // After "panes", as in the sketch: "tab panes  ←↑↓→ move  enter edit …".
            let at = hints.firstIndex { $0.label == "panes" }.map { $0 + 1 } ?? 0
            hints.insert(arrows, at: at)
        }
        return hints
    }

    /// Which hints give way last when the line is short (lower stays longer). Conflict keys
    /// come first of all; actions not named keep their place in the list.
    static let hintRanks: [Action: Int] = [
        .keepOurs: -3, .takeTheirs: -2, .edit: 0, .finishEdit: 0, .newNote: 1, .startLive: 1, .help: 2,
        .zoom: 3, .search: 4, .nextPane: 5, .commandLine: 6, .leaveEdit: 1, .newline: 2,
    ]

    /// Where the selection is, for the right of the hint line ("Equity × Outcomes").
    var position: String {
        if let here = conflictInFocus {
            let conflict = document.conflicts[here]
            return "≠ theirs: " + (conflict.theirs.map { "“\($0)”" } ?? "deleted")
        }
        switch focus {
        case .framework:
            guard let (r, c) = gridPosition else { return "" }
            let f = document.framework
            return PaneFrame.firstLine(f.criteria[r].name) + " × " + PaneFrame.firstLine(f.dimensions[c].name)
        case .schedule:
            guard let item = scheduleItem else { return "" }
            return (item.date == nil ? "to be scheduled" : SchedulePane.dateText(item)) + " · " + item.kind.rawValue
                + (item.status == .cancelled ? " · cancelled" : "")
        case .questions:
            guard let q = selectedQuestion else { return "" }
            return "Question \(q.number) · \(q.status.rawValue)"
        }
    }
}
