import PanelModel

/// Drawing: the whole frame from the state alone. The host diffs frames, so drawing
/// everything each time costs little and can never leave a stale corner.
extension Workspace {
    public func render(into buffer: inout ScreenBuffer) {
        let full = Rect(x: 0, y: 0, width: buffer.width, height: buffer.height)
        buffer.fill(full)
        buffer.cursor = nil
        let layout = ScreenLayout(width: buffer.width, height: buffer.height)
        if layout.isTooSmall {
            let text = "terminal too small (need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight))"
            let x = max(0, (buffer.width - DisplayWidth.of(text)) / 2)
            buffer.put(text, x: x, y: buffer.height / 2, style: Style(.alarm, bold: true))
            return
        }
        if isInChairView { return renderChairView(into: &buffer) }
        TitleBar(panelTitle: document.panel.title, saveStatus: saveStatus, timeZone: timeZone, live: liveTitle,
                 loadingNotes: notesLoading)
            .draw(in: layout.titleBar, into: &buffer)
        for pane in Pane.allCases {
            PaneFrame.draw(layout.rect(of: pane), title: pane.title, focused: pane == focus, into: &buffer)
        }
        schedulePane(layout).draw(into: &buffer)
        gridPane(layout).draw(into: &buffer)
        questionsPane(layout).draw(into: &buffer)
        drawBottomLine(layout, into: &buffer)
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
        case .normal, .prompt:
            break
        }
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

    private func drawBottomLine(_ layout: ScreenLayout, into buffer: inout ScreenBuffer) {
        if case .prompt(let prompt) = mode {
            PromptLine(prompt: prompt, message: message).draw(in: layout.bottomLine, into: &buffer)
        } else {
            HintLine(hints: hints, message: message, position: position).draw(in: layout.bottomLine, into: &buffer)
        }
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
