/// Everything a key can do. Keymaps bind key names to these names (the raw values), the help
/// overlay lists them, and the `:` command line runs them by name, so all three always agree.
public enum Action: String, CaseIterable, Sendable {
    // Anywhere outside an editor.
    case quit = "quit"
    case help = "help"
    case commandLine = "command-line"
    case search = "search"
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case undo = "undo"
    case redo = "redo"
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case focusSchedule = "focus-schedule"
    case focusFramework = "focus-framework"
    case focusQuestions = "focus-questions"
    case redraw = "redraw"
    case suspend = "suspend"

    // Moving in a pane.
    case moveUp = "move-up"
    case moveDown = "move-down"
    case moveLeft = "move-left"
    case moveRight = "move-right"
    case pageUp = "page-up"
    case pageDown = "page-down"
    case lineStart = "line-start"
    case lineEnd = "line-end"
    case goFirst = "go-first"
    case goLast = "go-last"

    // Changing what is selected.
    case edit = "edit"
    case clear = "clear"
    case add = "add"
    case delete = "delete"
    case rename = "rename"
    case moveItemUp = "move-item-up"
    case moveItemDown = "move-item-down"
    case cycleStatus = "cycle-status"
    case setDate = "set-date"
    case setKind = "set-kind"

    // The grid's rows and columns.
    case addCriterion = "add-criterion"
    case addDimension = "add-dimension"
    case renameCriterion = "rename-criterion"
    case renameDimension = "rename-dimension"
    case deleteCriterion = "delete-criterion"
    case deleteDimension = "delete-dimension"
    case moveCriterionUp = "move-criterion-up"
    case moveCriterionDown = "move-criterion-down"
    case moveDimensionLeft = "move-dimension-left"
    case moveDimensionRight = "move-dimension-right"

    // Inside the text editor.
    case cursorLeft = "cursor-left"
    case cursorRight = "cursor-right"
    case wordLeft = "word-left"
    case wordRight = "word-right"
    case cursorUp = "cursor-up"
    case cursorDown = "cursor-down"
    case cursorLineStart = "cursor-line-start"
    case cursorLineEnd = "cursor-line-end"
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case deleteWordBackward = "delete-word-backward"
    case killToLineEnd = "kill-to-line-end"
    case killToLineStart = "kill-to-line-start"
    case newline = "newline"
    case finishEdit = "finish-edit"
    case leaveEdit = "leave-edit"
}

/// Where a key is pressed: the focused pane, the open editor, or anywhere (global). A key bound
/// in the focused context wins over the same key in `global`.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, grid, schedule, questions, editor
}
