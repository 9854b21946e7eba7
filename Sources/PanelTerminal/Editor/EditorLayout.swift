/// The editor's text wrapped to a width, and where every cursor position shows on screen.
///
/// Each cursor position (between two characters) belongs to exactly one visual row:
/// - a row that ends at a space the wrap ate, at a line break or at the end of the text owns
///   its end, shown just after its last character (one column past a full row, where the
///   editor box keeps a spare column for it);
/// - a row that ends inside an over-long word (a *wrap point*) does not: that position shows at
///   the start of the next row, where the next character will appear.
/// So no two positions share a screen position, and what the clerk sees is where typing goes.
///
/// Made from the rows of a `WrapIndex` (numbers, kept by the editor across keys), so making
/// one costs a binary search and a walk along the cursor's row; only the rows drawn become
/// strings (`text(ofRow:)`). Positions are UTF-8 offsets of character boundaries, as the
/// editor keeps its cursor. `lines` and `position(of:)`, in Characters, walk the whole text:
/// they are for the one-line prompt and for tests.
public struct EditorLayout: Equatable, Sendable {
    let text: String
    let index: WrapIndex
    /// The cursor's row, and its display column (wide characters count two).
    public let cursorRow: Int
    public let cursorColumn: Int

    init(text: String, index: WrapIndex, cursor: Int) {
        self.text = text
        self.index = index
        let row = index.row(containing: cursor)
        cursorRow = row
        cursorColumn = Self.columns(in: text, row: index.rows[row], upTo: cursor)
    }

    /// How many rows the text takes.
    public var lineCount: Int { index.rows.count }

    /// What `row` shows (the nearest row, if out of range).
    public func text(ofRow row: Int) -> String {
        index.text(ofRow: clamped(row), in: text)
    }

    /// The row and column where the position `offset` (UTF-8) shows.
    func position(ofByte offset: Int) -> (row: Int, column: Int) {
        let row = index.row(containing: offset)
        return (row, Self.columns(in: text, row: index.rows[row], upTo: offset))
    }

    /// The position on `row` nearest to `column` without passing it, so moving up or down over
    /// wide characters lands before the character that covers the column.
    func byteOffset(row: Int, column: Int) -> Int {
        let row = clamped(row)
        let r = index.rows[row]
        let end = WrapIndex.index(r.end, in: text)
        let owned = !index.endsAtWrapPoint(row)
        var i = WrapIndex.index(r.start, in: text)
        var best = i
        var shown = 0
        while i < end {
            let c = WrapIndex.character(in: text, at: i)
            if c.next == end && !owned { break }  // the wrap point belongs to the next row
            shown += c.width
            if shown > column { break }
            best = c.next
            i = c.next
        }
        return WrapIndex.offset(best, in: text)
    }

    /// The first and last positions `row` owns (the nearest row, if out of range), as UTF-8 offsets.
    func rowStart(_ row: Int) -> Int { index.rows[clamped(row)].start }
    func rowEnd(_ row: Int) -> Int {
        let row = clamped(row)
        let end = index.rows[row].end
        guard index.endsAtWrapPoint(row) else { return end }
        return WrapIndex.offset(text.index(before: WrapIndex.index(end, in: text)), in: text)
    }

    private func clamped(_ row: Int) -> Int { max(0, min(row, index.rows.count - 1)) }

    /// The columns from the start of `row` to `offset`, which shows no further than the row's end.
    private static func columns(in text: String, row: WrapIndex.Row, upTo offset: Int) -> Int {
        let stop = WrapIndex.index(min(max(offset, row.start), row.end), in: text)
        var i = WrapIndex.index(row.start, in: text)
        var shown = 0
        while i < stop {
            let c = WrapIndex.character(in: text, at: i)
            shown += c.width
            i = c.next
        }
        return shown
    }

    // MARK: In Characters, walking the whole text

    /// Every row, exactly as a grid cell of the same width shows them (`TextWrap.wrap`).
    public var lines: [TextWrap.Line] {
        var lines: [TextWrap.Line] = []
        var i = text.startIndex
        var count = 0  // characters before `i`
        func characters(to offset: Int) -> Int {
            let target = WrapIndex.index(offset, in: text)
            while i < target {
                i = text.index(after: i)
                count += 1
            }
            return count
        }
        for r in index.rows {
            let start = characters(to: r.start)
            let end = characters(to: r.end)
            lines.append(TextWrap.Line(text: index.text(ofRow: lines.count, in: text), start: start, end: end))
        }
        return lines
    }

    /// The row and column where the cursor offset `offset` (in Characters) shows.
    public func position(of offset: Int) -> (row: Int, column: Int) {
        let i = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        return position(ofByte: WrapIndex.offset(i, in: text))
    }
}
