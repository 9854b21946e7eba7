@testable import PanelTerminal

/// Editor states written the way a reader pictures them: the text with "|" where the cursor
/// is, e.g. "café |au lait". Keeps each test's before and after on one line.
func editor(_ marked: String) -> TextEditor {
    let parts = marked.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
    precondition(parts.count == 2, "mark the cursor with one |")
    return TextEditor(text: String(parts[0]) + String(parts[1]), cursor: String(parts[0]).count)
}

func marked(_ editor: TextEditor) -> String {
    var text = editor.text
    text.insert("|", at: text.index(text.startIndex, offsetBy: editor.cursor))
    return text
}

/// Runs `actions` on the marked state at `width` and returns the marked result.
func after(_ actions: [Action], on state: String, width: Int = 80) -> String {
    var e = editor(state)
    for action in actions { _ = e.perform(action, width: width) }
    return marked(e)
}

func after(_ action: Action, on state: String, width: Int = 80) -> String {
    after([action], on: state, width: width)
}

/// The screen buffer's rows as an array, for line-by-line comparison.
func rows(_ buffer: ScreenBuffer) -> [String] {
    (0..<buffer.height).map(buffer.line)
}
