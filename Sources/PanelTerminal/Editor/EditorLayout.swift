/// The editor's text wrapped to a width, and where every cursor position shows on screen.
///
/// Each cursor offset (0...count, in Characters) belongs to exactly one visual row:
/// - a row that ends at a space the wrap ate, at a line break or at the end of the text owns
///   its end offset, shown just after its last character (one column past a full row, where
///   the editor box keeps a spare column for it);
/// - a row that ends inside an over-long word (a *wrap point*) does not: that offset shows at
///   the start of the next row, where the next character will appear.
/// So no two offsets share a screen position, and what the clerk sees is where typing goes.
public struct EditorLayout: Equatable, Sendable {
    /// The wrapped rows, exactly as a grid cell of the same width shows them.
    public let lines: [TextWrap.Line]
    /// The cursor's row in `lines`, and its display column (wide characters count two).
    public let cursorRow: Int
    public let cursorColumn: Int

    /// For each row, the first offset it owns and the column of each offset it owns in turn.
    private let rows: [(first: Int, columns: [Int])]

    public init(text: String, cursor: Int, width: Int) {
        let chars = Array(text)
        let lines = TextWrap.wrap(text, width: width)
        var rows: [(first: Int, columns: [Int])] = []
        for (k, line) in lines.enumerated() {
            let endsAtWrapPoint = k + 1 < lines.count && lines[k + 1].start == line.end
            let last = endsAtWrapPoint ? line.end - 1 : line.end
            var columns = [0]
            var column = 0
            for offset in line.start..<max(line.start, last) {
                column += VisibleText.width(of: chars[offset])
                columns.append(column)
            }
            rows.append((line.start, columns))
        }
        self.lines = lines
        self.rows = rows
        let position = Self.position(of: cursor, in: rows)
        cursorRow = position.row
        cursorColumn = position.column
    }

    public static func == (a: EditorLayout, b: EditorLayout) -> Bool {
        a.lines == b.lines && a.cursorRow == b.cursorRow && a.cursorColumn == b.cursorColumn
    }

    /// The row and column where `offset` shows.
    public func position(of offset: Int) -> (row: Int, column: Int) {
        Self.position(of: offset, in: rows)
    }

    /// The offset on `row` nearest to `column` without passing it, so moving up or down over
    /// wide characters lands before the character that covers the column.
    public func offset(row: Int, column: Int) -> Int {
        let r = rows[clamped(row)]
        let index = r.columns.lastIndex(where: { $0 <= column }) ?? 0
        return r.first + index
    }

    /// The first and last offsets shown on `row` (the nearest row, if out of range).
    public func rowStart(_ row: Int) -> Int { rows[clamped(row)].first }
    public func rowEnd(_ row: Int) -> Int {
        let r = rows[clamped(row)]
        return r.first + r.columns.count - 1
    }

    private func clamped(_ row: Int) -> Int { max(0, min(row, rows.count - 1)) }

    private static func position(of offset: Int, in rows: [(first: Int, columns: [Int])]) -> (row: Int, column: Int) {
        // Rows are in offset order: the cursor's row is the last one starting at or before it.
        var low = 0, high = rows.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if rows[mid].first <= offset { low = mid } else { high = mid - 1 }
        }
        let row = rows[low]
        let index = max(0, min(offset - row.first, row.columns.count - 1))
        return (low, row.columns[index])
    }
}
