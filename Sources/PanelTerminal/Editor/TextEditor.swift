/// The text the clerk types into a cell, a question or a schedule item, with its cursor.
///
/// The cursor is an offset in Characters (grapheme clusters), so it can never stand inside
/// "é" written as e + combining accent, a CJK character, a flag or a family emoji: every
/// offset from 0 to `text.count` is between two whole characters. Editing rebuilds the text
/// as a String and re-measures, so characters that join when put together (a combining accent
/// typed after "e", two regional indicators) stay correct.
///
/// A value type with no I/O: the workspace maps keys to `Action`s, calls `perform` or
/// `insert`, and saves the text. Nothing here ever discards typed text except the deletions
/// the clerk asks for.
public struct TextEditor: Equatable, Sendable {
    public private(set) var text: String
    /// Offset of the cursor in Characters, always in 0...text.count.
    public var cursor: Int {
        didSet {
            cursor = max(0, min(cursor, text.count))
            goalColumn = nil
        }
    }
    /// The display column that up and down aim for, kept across short lines so that moving
    /// through a blank line and back lands in the same column.
    private var goalColumn: Int?

    /// Opens the editor on `text` with the cursor at the end (or at `cursor`, for a draft).
    public init(text: String, cursor: Int? = nil) {
        self.text = text
        let count = text.count
        self.cursor = max(0, min(cursor ?? count, count))
    }

    public func layout(width: Int) -> EditorLayout {
        EditorLayout(text: text, cursor: cursor, width: width)
    }

    /// Types or pastes `typed` at the cursor, cleaned by `TypedText.clean` (line breaks
    /// become "\n"; control characters and paste markers are dropped).
    public mutating func insert(_ typed: String) {
        let clean = TypedText.clean(typed)
        guard !clean.isEmpty else { return }
        replace(cursor..<cursor, with: clean)
    }

    /// Does one editor action. Returns false for actions that are not the editor's to do
    /// (finish-edit and leave-edit belong to the workspace, as does everything else); true
    /// when the action is the editor's, whether or not it changed anything (Backspace at the
    /// start of the text is handled, and does nothing).
    ///
    /// `width` is the wrap width the editor is shown at (`EditorBox.placement(...).wrapWidth`),
    /// which decides what up, down, Home and End mean: they move by visual line.
    public mutating func perform(_ action: Action, width: Int) -> Bool {
        let chars = Array(text)
        switch action {
        case .cursorLeft:
            cursor -= 1
        case .cursorRight:
            cursor += 1
        case .wordLeft:
            cursor = WordBoundaries.wordStart(before: cursor, in: chars)
        case .wordRight:
            cursor = WordBoundaries.wordEnd(after: cursor, in: chars)
        case .cursorUp:
            moveVertically(by: -1, width: width)
        case .cursorDown:
            moveVertically(by: 1, width: width)
        case .cursorLineStart:
            let layout = layout(width: width)
            cursor = layout.rowStart(layout.cursorRow)
        case .cursorLineEnd:
            let layout = layout(width: width)
            cursor = layout.rowEnd(layout.cursorRow)
        case .deleteBackward:
            if cursor > 0 { replace(cursor - 1..<cursor, with: "") }
        case .deleteForward:
            if cursor < chars.count { replace(cursor..<cursor + 1, with: "") }
        case .deleteWordBackward:
            replace(WordBoundaries.rubOutStart(before: cursor, in: chars)..<cursor, with: "")
        case .killToLineEnd:
            // To the end of the logical line; at its end, join the next line onto this one.
            var end = cursor
            while end < chars.count, !WordBoundaries.isLineBreak(chars[end]) { end += 1 }
            if end == cursor, end < chars.count { end += 1 }
            replace(cursor..<end, with: "")
        case .killToLineStart:
            var start = cursor
            while start > 0, !WordBoundaries.isLineBreak(chars[start - 1]) { start -= 1 }
            replace(start..<cursor, with: "")
        case .newline:
            replace(cursor..<cursor, with: "\n")
        default:
            return false
        }
        return true
    }

    /// Up or down one visual row, aiming for the goal column. Past the first row up goes to
    /// the start of the text, past the last row down goes to its end, as in a text field.
    private mutating func moveVertically(by step: Int, width: Int) {
        let layout = layout(width: width)
        let goal = goalColumn ?? layout.cursorColumn
        let row = layout.cursorRow + step
        if row < 0 {
            cursor = 0
        } else if row >= layout.lines.count {
            cursor = text.count
        } else {
            cursor = layout.offset(row: row, column: goal)
            goalColumn = goal  // set after `cursor`, whose didSet clears it
        }
    }

    /// Replaces the characters in `range` and puts the cursor just after the new text,
    /// measured in the rebuilt string so that joined characters are counted once.
    private mutating func replace(_ range: Range<Int>, with new: String) {
        guard !range.isEmpty || !new.isEmpty else { return }
        let lower = text.index(text.startIndex, offsetBy: range.lowerBound)
        let upper = text.index(lower, offsetBy: range.count)
        let before = String(text[..<lower]) + new
        text = before + text[upper...]
        cursor = before.count
    }
}
