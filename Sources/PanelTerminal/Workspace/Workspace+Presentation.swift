import PanelModel

/// Presentation mode and the read-only view: the grid alone on a shared screen.
///
/// The clerk toggles presentation with F5 (or P); any key that changes the panel or needs
/// another pane first returns to the workspace and then does its job there, so no keystroke is
/// refused. `scrutiny present` opens a read-only window that always presents: changes are refused
/// with "read-only view" and nothing is ever asked to be saved.
extension Workspace {
    /// Starts presenting; a read-only window stays presenting and never asks to save anything.
    public mutating func present(readOnly: Bool) {
        chair.presenting = true
        chair.alwaysPresents = readOnly
        self.readOnly = readOnly
        focus = .framework
        mode = .normal
        revealChairView()
    }

    /// The clerk's instance: tell followers where the selection is when it moves.
    public var publishesSelection: Bool {
        get { chair.publishesSelection }
        set { chair.publishesSelection = newValue }
    }

    var isInChairView: Bool { chair.presenting || chair.zoom != nil }

    /// Called first for every action. Returns true when presentation, zoom or the read-only
    /// view dealt with it; false lets the workspace do its usual job.
    mutating func performInChairView(_ action: Action) -> Bool {
        if readOnly && action.changesPanel {
            if action == .newNote {
                message = StatusMessage(text: Self.readOnlyNoteRefusal, isError: true)
            } else {
                refuseReadOnly()
            }
            return true
        }
        switch action {
        case .presentation: togglePresentation(); return true
        case .hideEmpty: toggleHideEmpty(); return true
        case .zoom: toggleZoom(.cell); return true
        case .zoomCriterion: toggleZoom(.criterion); return true
        case .zoomDimension: toggleZoom(.dimension); return true
        default: break
        }
        if chair.zoom != nil && moveInZoom(action) { return true }
        if chair.presenting && moveInPresentation(action) { return true }
        if isInChairView && (action.changesPanel || Action.otherPanes.contains(action)) {
            if chair.alwaysPresents {
                message = StatusMessage(text: "This view shows the framework only", isError: true)
                return true
            }
            // Back to the workspace, where the edit opens over the cell as usual.
            chair.zoom = nil
            chair.presenting = false
        }
        return false
    }

    /// The same words as the workspace's own refusal in `apply`, said before anything opens.
    mutating func refuseReadOnly() {
        message = StatusMessage(text: "read-only view: nothing can be changed here", isError: true)
    }

    /// Esc closes the zoom, then leaves the clerk's presentation. False when there was nothing to leave.
    mutating func leaveChairViewOnEscape() -> Bool {
        if chair.zoom != nil {
            chair.zoom = nil
            return true
        }
        if chair.presenting && !chair.alwaysPresents {
            chair.presenting = false
            return true
        }
        return false
    }

    private mutating func togglePresentation() {
        if chair.alwaysPresents {
            message = StatusMessage(text: "This window always presents: q closes it")
            return
        }
        if chair.presenting {
            chair.presenting = false
            chair.zoom = nil
        } else {
            chair.presenting = true
            focus = .framework
        }
    }

    private mutating func toggleHideEmpty() {
        chair.hideEmpty.toggle()
        let state = chair.hideEmpty ? "Hiding" : "Showing"
        let where_ = isInChairView ? "" : " in presentation and zoom"
        message = StatusMessage(text: "\(state) empty criteria and dimensions\(where_)")
    }

    /// Arrows and paging over the rows and columns presentation shows.
    private mutating func moveInPresentation(_ action: Action) -> Bool {
        let shown = PresentationGrid.shownIndices(document.framework, hideEmpty: chair.hideEmpty)
        let rows = shown.criteria.map { document.framework.criteria[$0].id }
        let columns = shown.dimensions.map { document.framework.dimensions[$0].id }
        let page = max(1, presentationGrid.rows.count)
        switch action {
        case .moveUp: selection.criterion = Self.step(rows, from: selection.criterion, by: -1)
        case .moveDown: selection.criterion = Self.step(rows, from: selection.criterion, by: 1)
        case .moveLeft: selection.dimension = Self.step(columns, from: selection.dimension, by: -1)
        case .moveRight: selection.dimension = Self.step(columns, from: selection.dimension, by: 1)
        case .pageUp: selection.criterion = Self.step(rows, from: selection.criterion, by: -page)
        case .pageDown: selection.criterion = Self.step(rows, from: selection.criterion, by: page)
        case .lineStart: selection.dimension = columns.first ?? selection.dimension
        case .lineEnd: selection.dimension = columns.last ?? selection.dimension
        case .goFirst: selection.criterion = rows.first ?? selection.criterion
        case .goLast: selection.criterion = rows.last ?? selection.criterion
        default: return false
        }
        return true
    }

    /// Keeps presentation and zoom consistent after every event: on the grid, on a row and
    /// column that is shown, scrolled to the selection.
    mutating func revealChairView() {
        guard isInChairView else { return }
        if focus != .framework {
            // A search match in the schedule, say: the clerk goes with it; the read-only view stays.
            if chair.alwaysPresents {
                focus = .framework
            } else {
                chair.presenting = false
                chair.zoom = nil
                return
            }
        }
        if chair.hideEmpty { keepSelectionOnShownItems() }
        if chair.presenting {
            let s = PresentationGrid.reveal(framework: document.framework, area: presentationArea,
                                            hideEmpty: chair.hideEmpty, firstRow: chair.firstRow,
                                            firstColumn: chair.firstColumn, row: gridPosition?.row,
                                            column: gridPosition?.column)
            chair.firstRow = s.row
            chair.firstColumn = s.column
        }
        revealZoom()
    }

    /// When empty rows and columns are hidden, a selection on one moves to the nearest shown.
    private mutating func keepSelectionOnShownItems() {
        let f = document.framework
        let shown = PresentationGrid.shownIndices(f, hideEmpty: true)
        if let (row, column) = gridPosition {
            if !shown.criteria.isEmpty && !shown.criteria.contains(row) {
                let next = shown.criteria.first { $0 > row } ?? shown.criteria.last!
                selection.criterion = f.criteria[next].id
            }
            if !shown.dimensions.isEmpty && !shown.dimensions.contains(column) {
                let next = shown.dimensions.first { $0 > column } ?? shown.dimensions.last!
                selection.dimension = f.dimensions[next].id
            }
        }
    }

    // MARK: Geometry

    /// The grid's part of the screen in presentation: the title above, a margin all round (the
    /// scroll marks live in it), the bottom line below.
    var presentationArea: Rect {
        Rect(x: 2, y: 2, width: max(0, width - 4), height: max(0, height - 4))
    }

    var presentationGrid: PresentationGrid {
        PresentationGrid(framework: document.framework, area: presentationArea, hideEmpty: chair.hideEmpty,
                         firstRow: chair.firstRow, firstColumn: chair.firstColumn)
    }
}

extension Action {
    /// Actions that change the panel: refused in the read-only view.
    var changesPanel: Bool { Self.changingPanel.contains(self) }

    static let changingPanel: Set<Action> = [
        .edit, .clear, .add, .delete, .rename, .moveItemUp, .moveItemDown, .cycleStatus, .setDate, .setKind,
        .addCriterion, .addDimension, .renameCriterion, .renameDimension, .deleteCriterion, .deleteDimension,
        .moveCriterionUp, .moveCriterionDown, .moveDimensionLeft, .moveDimensionRight, .undo, .redo,
        .keepOurs, .takeTheirs, .startLive, .endLive, .newNote, .editNote, .moveNote, .deleteNote, .promoteNote,
    ]

    /// Actions that need the schedule, the questions or the notes on screen.
    static let otherPanes: Set<Action> = [
        .nextPane, .previousPane, .focusSchedule, .focusQuestions,
        .notesDrawer, .sessionNotes, .todayNotes, .unfiledNotes,
    ]
}

extension AppEffect {
    /// Effects that write the store or a file beside it: never asked for by a read-only view.
    var writesStore: Bool {
        switch self {
        case .save, .saveDraft, .record, .sync: true
        default: false
        }
    }
}
