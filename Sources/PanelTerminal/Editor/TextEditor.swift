import Foundation

/// The text the clerk types into a cell, a question or a schedule item, with its cursor.
///
/// The cursor is always between two whole characters (grapheme clusters), so it can never stand
/// inside "é" written as e + combining accent, a CJK character, a flag or a family emoji. It is
/// kept as a UTF-8 offset, so a key near the end of a megabyte finds its place without counting
/// characters from the start; `cursor` in Characters (what a draft stores) is kept alongside,
/// moved by what each key passes over. After an edit the cursor is placed by walking the new
/// text from the character before the edit, so characters that join when put together (a
/// combining accent typed after "e", two regional indicators) stay correct.
///
/// The text's rows at each width it is shown at are remembered across keys (`WrapIndex`), and
/// an edit re-wraps only the rows it touched: a key costs what is around the cursor, not the
/// length of the text.
///
/// A value type with no I/O: the workspace maps keys to `Action`s, calls `perform` or
/// `insert`, and saves the text. Nothing here ever discards typed text except the deletions
/// the clerk asks for.
public struct TextEditor: Equatable, Sendable {
    public private(set) var text: String
    /// Offset of the cursor in Characters, always in 0...text.count.
    public var cursor: Int {
        get { cursorCharacters }
        set {
            let i = text.index(text.startIndex, offsetBy: max(0, newValue), limitedBy: text.endIndex) ?? text.endIndex
            cursorOffset = WrapIndex.offset(i, in: text)
            cursorCharacters = text.distance(from: text.startIndex, to: i)
            goalColumn = nil
        }
    }
    /// The cursor as a UTF-8 offset into `text`, at a character boundary.
    private(set) var cursorOffset: Int
    private var cursorCharacters: Int
    /// The display column that up and down aim for, kept across short lines so that moving
    /// through a blank line and back lands in the same column.
    private var goalColumn: Int?
    private let layouts = Layouts()

    /// Opens the editor on `text` with the cursor at the end (or at `cursor`, for a draft).
    public init(text: String, cursor: Int? = nil) {
        self.text = text
        cursorOffset = text.utf8.count
        cursorCharacters = 0
        if let cursor { self.cursor = cursor } else { cursorCharacters = text.count }
    }

    public static func == (a: TextEditor, b: TextEditor) -> Bool {
        a.text == b.text && a.cursorOffset == b.cursorOffset && a.goalColumn == b.goalColumn
    }

    /// How often the text was wrapped whole, and how many rows edits wrapped again, since the
    /// editor opened (for tests: a key must not wrap the whole text).
    var wrapWork: (wholeWraps: Int, rowsRewrapped: Int) { layouts.work }

    public func layout(width: Int) -> EditorLayout {
        EditorLayout(text: text, index: layouts.index(of: text, width: width), cursor: cursorOffset)
    }

    /// Whether the text wraps into at most `rows` rows at `width`, found from its first rows
    /// only (so asking about a megabyte costs a screenful).
    public func fits(rows: Int, width: Int) -> Bool {
        WrapIndex.rowCount(of: text, width: width, upTo: rows) <= rows
    }

    /// Types or pastes `typed` at the cursor, cleaned by `TypedText.clean` (line breaks
    /// become "\n"; control characters and paste markers are dropped).
    public mutating func insert(_ typed: String) {
        let clean = TypedText.clean(typed)
        guard !clean.isEmpty else { return }
        let here = WrapIndex.index(cursorOffset, in: text)
        replace(here..<here, with: clean)
    }

    /// Does one editor action. Returns false for actions that are not the editor's to do
    /// (finish-edit and leave-edit belong to the workspace, as does everything else); true
    /// when the action is the editor's, whether or not it changed anything (Backspace at the
    /// start of the text is handled, and does nothing).
    ///
    /// `width` is the wrap width the editor is shown at (`EditorBox.placement(...).wrapWidth`),
    /// which decides what up, down, Home and End mean: they move by visual line.
    public mutating func perform(_ action: Action, width: Int) -> Bool {
        let here = WrapIndex.index(cursorOffset, in: text)
        let atStart = here == text.startIndex, atEnd = here == text.endIndex
        switch action {
        case .cursorLeft:
            moveCursor(to: atStart ? here : text.index(before: here))  // at the start it still ends the goal column
        case .cursorRight:
            moveCursor(to: atEnd ? here : text.index(after: here))
        case .wordLeft:
            moveCursor(to: WordBoundaries.wordStart(before: here, in: text))
        case .wordRight:
            moveCursor(to: WordBoundaries.wordEnd(after: here, in: text))
        case .cursorUp:
            moveVertically(by: -1, width: width)
        case .cursorDown:
            moveVertically(by: 1, width: width)
        case .cursorLineStart:
            let layout = layout(width: width)
            moveCursor(to: WrapIndex.index(layout.rowStart(layout.cursorRow), in: text))
        case .cursorLineEnd:
            let layout = layout(width: width)
            moveCursor(to: WrapIndex.index(layout.rowEnd(layout.cursorRow), in: text))
        case .deleteBackward:
            if !atStart { replace(text.index(before: here)..<here, with: "") }
        case .deleteForward:
            if !atEnd { replace(here..<text.index(after: here), with: "") }
        case .deleteWordBackward:
            replace(WordBoundaries.rubOutStart(before: here, in: text)..<here, with: "")
        case .killToLineEnd:
            // To the end of the logical line; at its end, join the next line onto this one.
            var end = WordBoundaries.lineEnd(from: here, in: text)
            if end == here, !atEnd { end = text.index(after: here) }
            replace(here..<end, with: "")
        case .killToLineStart:
            replace(WordBoundaries.lineStart(before: here, in: text)..<here, with: "")
        case .newline:
            replace(here..<here, with: "\n")
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
            moveCursor(to: text.startIndex)
        } else if row >= layout.lineCount {
            moveCursor(to: text.endIndex)
        } else {
            moveCursor(to: WrapIndex.index(layout.byteOffset(row: row, column: goal), in: text))
            goalColumn = goal  // set after moving, which clears it
        }
    }

    /// Puts the cursor at `target` (a character boundary), counting the characters it passes.
    private mutating func moveCursor(to target: String.Index) {
        let here = WrapIndex.index(cursorOffset, in: text)
        if target >= here {
            cursorCharacters += Self.characters(in: text, from: here, to: target)
        } else {
            cursorCharacters -= Self.characters(in: text, from: target, to: here)
        }
        cursorOffset = WrapIndex.offset(target, in: text)
        goalColumn = nil
    }

    /// Replaces `range` (which starts or ends at the cursor, as every edit does) and puts the
    /// cursor just after the new text, at the first character boundary of the new text there:
    /// an accent typed after "e" joins it, and the cursor goes after the "é" they make.
    private mutating func replace(_ range: Range<String.Index>, with new: String) {
        guard !range.isEmpty || !new.isEmpty else { return }
        let lower = WrapIndex.offset(range.lowerBound, in: text)
        let upper = WrapIndex.offset(range.upperBound, in: text)
        // Joining can reach back to the character before the edit, never further: measure from there.
        let anchor = range.lowerBound > text.startIndex ? text.index(before: range.lowerBound) : range.lowerBound
        let anchorOffset = WrapIndex.offset(anchor, in: text)
        let charactersBeforeAnchor = cursorCharacters
            - Self.characters(in: text, from: anchor, to: WrapIndex.index(cursorOffset, in: text))
        var indexes = layouts.take(madeFrom: text)
        text.replaceSubrange(range, with: new)

        let target = lower + new.utf8.count
        var i = WrapIndex.index(anchorOffset, in: text)
        var passed = 0
        while WrapIndex.offset(i, in: text) < target {
            i = text.index(after: i)
            passed += 1
        }
        cursorOffset = WrapIndex.offset(i, in: text)
        cursorCharacters = charactersBeforeAnchor + passed
        goalColumn = nil
        var rewrapped = 0
        for k in indexes.indices {
            rewrapped += indexes[k].update(replacing: lower..<upper, withCount: new.utf8.count, in: text)
        }
        layouts.put(indexes, madeFrom: text, rewrapped: rewrapped)
    }

    /// How many characters lie between two character boundaries, `from` ≤ `to`.
    private static func characters(in text: String, from: String.Index, to: String.Index) -> Int {
        var i = from
        var count = 0
        while i < to {
            i = WrapIndex.character(in: text, at: i).next
            count += 1
        }
        return count
    }
}

/// The rows of an editor's text at each width it was shown at, kept across keys and brought up
/// to date by each edit (`WrapIndex.update`), so that no key wraps the whole text.
///
/// Shared by copies of the editor, which is harmless: an entry is used only for the very text it
/// was made from (a string the editor has not changed compares by its storage, so checking costs
/// nothing however long the text). A class because `layout(width:)` is not `mutating`; the lock
/// because the host may hand the workspace to another thread.
private final class Layouts: @unchecked Sendable {
    /// More widths than an editor is shown at (the box, the cell, a resize or two).
    private static let capacity = 4
    private var entries: [Int: (text: String, index: WrapIndex)] = [:]
    private var wholeWraps = 0, rowsRewrapped = 0
    private let lock = NSLock()

    var work: (wholeWraps: Int, rowsRewrapped: Int) { lock.withLock { (wholeWraps, rowsRewrapped) } }

    func index(of text: String, width: Int) -> WrapIndex {
        let width = max(1, width)
        if let hit = lock.withLock({ entries[width] }), hit.text == text { return hit.index }
        let index = WrapIndex(text, width: width)
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[width] = (text, index)
            wholeWraps += 1
        }
        return index
    }

    /// Removes and returns the rows kept for `text` (dropping any others), for an edit to
    /// bring up to date and `put` back: taken out, each is the only reference to its rows.
    func take(madeFrom text: String) -> [WrapIndex] {
        lock.withLock {
            let kept = entries.values.filter { $0.text == text }.map(\.index)
            entries = [:]
            return kept
        }
    }

    func put(_ indexes: [WrapIndex], madeFrom text: String, rewrapped: Int) {
        lock.withLock {
            for index in indexes { entries[index.width] = (text, index) }
            rowsRewrapped += rewrapped
        }
    }
}
