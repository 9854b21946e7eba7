/// TEMPORARY: a small editor with the agreed `TextEditor`/`EditorBox` interface, so the
/// workspace can be built and tested before the editor engineer's work lands. Delete this file
/// and point `EditorBinding.swift` at `TextEditor`/`EditorBox` once it does.
struct StandInTextEditor: Equatable, Sendable {
    private(set) var characters: [Character]
    var cursor: Int

    init(text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }

    mutating func insert(_ typed: String) {
        let normalised = typed.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let kept = normalised.filter { c in
            c == "\n" || c == "\t" || !c.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        }
        characters.insert(contentsOf: kept, at: cursor)
        cursor += kept.count
    }

    mutating func perform(_ action: Action, width: Int) -> Bool {
        let lines = TextWrap.wrap(text, width: width)
        let row = Self.row(of: cursor, in: lines)
        switch action {
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .wordLeft:
            while cursor > 0 && characters[cursor - 1].isWhitespace { cursor -= 1 }
            while cursor > 0 && !characters[cursor - 1].isWhitespace { cursor -= 1 }
        case .wordRight:
            while cursor < characters.count && characters[cursor].isWhitespace { cursor += 1 }
            while cursor < characters.count && !characters[cursor].isWhitespace { cursor += 1 }
        case .cursorUp, .cursorDown:
            let target = row + (action == .cursorUp ? -1 : 1)
            guard lines.indices.contains(target) else { return false }
            let column = cursor - lines[row].start
            cursor = min(lines[target].start + column, lines[target].end)
        case .cursorLineStart: cursor = lines[row].start
        case .cursorLineEnd: cursor = lines[row].end
        case .deleteBackward:
            guard cursor > 0 else { return false }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return false }
            characters.remove(at: cursor)
        case .deleteWordBackward:
            var start = cursor
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .killToLineEnd:
            characters.removeSubrange(cursor..<lines[row].end)
        case .killToLineStart:
            let start = lines[row].start
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .newline: insert("\n")
        default: return false
        }
        return true
    }

    func layout(width: Int) -> StandInEditorLayout {
        let lines = TextWrap.wrap(text, width: width)
        let row = Self.row(of: cursor, in: lines)
        let column = DisplayWidth.of(String(characters[lines[row].start..<cursor]))
        return StandInEditorLayout(lines: lines, cursorRow: row, cursorColumn: column)
    }

    private static func row(of offset: Int, in lines: [TextWrap.Line]) -> Int {
        lines.lastIndex { $0.start <= offset } ?? 0
    }
}

struct StandInEditorLayout: Equatable, Sendable {
    var lines: [TextWrap.Line]
    var cursorRow: Int
    var cursorColumn: Int
}

enum StandInEditorBox {
    /// Draws the text over the anchor, growing downwards (then upwards) when it needs more lines.
    @discardableResult
    static func draw(_ editor: StandInTextEditor, anchor: Rect, bounds: Rect, into buffer: inout ScreenBuffer,
                     style: Style) -> Rect {
        let width = max(1, anchor.width)
        let layout = editor.layout(width: width)
        let height = min(max(anchor.height, layout.lines.count), bounds.height)
        var top = anchor.y
        if top + height > bounds.maxY { top = max(bounds.y, bounds.maxY - height) }
        let box = Rect(x: anchor.x, y: top, width: width, height: height)
        let first = max(0, layout.cursorRow - height + 1)
        buffer.fill(box, style: style)
        for (i, line) in layout.lines.dropFirst(first).prefix(height).enumerated() {
            buffer.put(line.text, x: box.x, y: box.y + i, style: style, maxWidth: width)
        }
        buffer.cursor = (box.x + min(layout.cursorColumn, width - 1), box.y + layout.cursorRow - first)
        return box
    }
}
