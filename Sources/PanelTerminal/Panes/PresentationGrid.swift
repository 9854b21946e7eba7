import PanelModel

/// The framework for a shared screen: the grid alone, with room around every cell, each cell's
/// text wrapped in full and every row as tall as its longest cell, a rule between rows.
///
/// Built for one scroll position (`firstRow`, `firstColumn`, counted among the rows and columns
/// shown); the workspace asks `reveal` for the position that keeps the selection in view.
/// Columns that do not fit scroll as whole columns; rows scroll as whole rows, and a row taller
/// than the screen is cut with "…" and "+N" (zoom shows it all).
struct PresentationGrid {
    /// Narrower columns than this would wrap every word onto its own line.
    static let minimumTextWidth = 16

    struct Column: Equatable {
        /// Index of the dimension in the framework.
        let index: Int
        /// The column of the "│" before it; the text starts two columns later.
        let separatorX: Int
        let textWidth: Int
        var textX: Int { separatorX + 2 }
        /// The cell as highlighted: one space either side of the text.
        var cellWidth: Int { textWidth + 2 }
    }

    struct Row: Equatable {
        /// Index of the criterion in the framework.
        let index: Int
        let y: Int
        let height: Int
        /// The row was taller than the room left, so its cells are cut.
        let isCut: Bool
    }

    let framework: Framework
    let area: Rect
    /// The criteria and dimensions shown (all, or only those with text when hiding empty ones).
    let rowIndices: [Int]
    let columnIndices: [Int]
    let hideEmpty: Bool
    let firstRow: Int
    let headerWidth: Int
    let columns: [Column]
    let headerHeight: Int
    let rows: [Row]

    init(framework: Framework, area: Rect, hideEmpty: Bool, firstRow: Int, firstColumn: Int) {
        self.framework = framework
        self.area = area
        self.hideEmpty = hideEmpty
        let shown = Self.shownIndices(framework, hideEmpty: hideEmpty)
        rowIndices = shown.criteria
        columnIndices = shown.dimensions

        let longest = rowIndices.map { DisplayWidth.of(PaneFrame.firstLine(framework.criteria[$0].name)) }.max() ?? 0
        headerWidth = min(max(longest, 8), max(12, area.width / 5))
        let x0 = area.x + headerWidth + 1
        let available = area.maxX - x0
        let capacity = Self.columnCapacity(available: available)
        let count = min(capacity, columnIndices.count)
        let first = max(0, min(firstColumn, columnIndices.count - count))
        var columns: [Column] = []
        if count > 0 {
            let base = available / count
            var extra = available - base * count
            var x = x0
            for position in first..<first + count {
                let width = base + (extra > 0 ? 1 : 0)
                extra -= 1
                columns.append(Column(index: columnIndices[position], separatorX: x, textWidth: max(1, width - 3)))
                x += width
            }
        }
        self.columns = columns

        let headerLines = columns.map {
            min(3, TextWrap.wrap(PaneFrame.visible(framework.dimensions[$0.index].name), width: $0.textWidth).count)
        }
        headerHeight = max(1, headerLines.max() ?? 1)

        self.firstRow = max(0, min(firstRow, rowIndices.count - 1))
        var rows: [Row] = []
        var y = area.y + headerHeight + 1
        for position in self.firstRow..<max(self.firstRow, rowIndices.count) {
            let index = rowIndices[position]
            let needed = Self.rowHeight(framework, criterion: index, columns: columns, headerWidth: headerWidth)
            let room = area.maxY - y
            if needed <= room {
                rows.append(Row(index: index, y: y, height: needed, isCut: false))
            } else {
                // Only the first row may be cut; any later one waits for the screen to scroll.
                if rows.isEmpty && room > 0 { rows.append(Row(index: index, y: y, height: room, isCut: true)) }
                break
            }
            y += needed + 1
        }
        self.rows = rows
    }

    /// Positions (among those shown) of the first column on screen and of the rows on screen.
    var firstColumn: Int { columns.first.flatMap { columnIndices.firstIndex(of: $0.index) } ?? 0 }
    var moreColumnsRight: Bool { (columns.last.flatMap { columnIndices.firstIndex(of: $0.index) } ?? 0) < columnIndices.count - 1 }
    var moreRowsBelow: Bool {
        guard let last = rows.last, let position = rowIndices.firstIndex(of: last.index) else { return false }
        return last.isCut || position < rowIndices.count - 1
    }

    static func columnCapacity(available: Int) -> Int {
        max(1, available / (minimumTextWidth + 3))
    }

    /// The criteria and dimensions presentation shows: when hiding empty ones, only those with
    /// some text in a cell (so a half-filled grid shows what the panel has found so far).
    static func shownIndices(_ framework: Framework, hideEmpty: Bool) -> (criteria: [Int], dimensions: [Int]) {
        let criteria = Array(framework.criteria.indices)
        let dimensions = Array(framework.dimensions.indices)
        guard hideEmpty else { return (criteria, dimensions) }
        func filled(_ c: Int, _ d: Int) -> Bool {
            !framework[CellKey(criterion: framework.criteria[c].id, dimension: framework.dimensions[d].id)]
                .trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        return (criteria.filter { c in dimensions.contains { filled(c, $0) } },
                dimensions.filter { d in criteria.contains { filled($0, d) } })
    }

    private static func rowHeight(_ framework: Framework, criterion: Int, columns: [Column], headerWidth: Int) -> Int {
        var height = TextWrap.wrap(PaneFrame.visible(framework.criteria[criterion].name), width: headerWidth).count
        for column in columns {
            let key = CellKey(criterion: framework.criteria[criterion].id, dimension: framework.dimensions[column.index].id)
            height = max(height, CellText.wrap(framework[key], width: column.textWidth).count)
        }
        return max(1, height)
    }

    /// The scroll position that shows the selected row and column: moving as little as possible,
    /// except that rows above come back into view when there is room (after a resize, or when
    /// the clerk's save shortened a row), so the screen is never half empty for nothing.
    static func reveal(framework: Framework, area: Rect, hideEmpty: Bool, firstRow: Int, firstColumn: Int,
                       row: Int?, column: Int?) -> (row: Int, column: Int) {
        let shown = shownIndices(framework, hideEmpty: hideEmpty)
        var r = max(0, min(firstRow, shown.criteria.count - 1))
        var c = max(0, firstColumn)
        if let column, let position = shown.dimensions.firstIndex(of: column) {
            let probe = PresentationGrid(framework: framework, area: area, hideEmpty: hideEmpty, firstRow: 0, firstColumn: 0)
            let count = max(1, probe.columns.count)
            if position < c { c = position }
            if position >= c + count { c = position - count + 1 }
        }
        if let row, let position = shown.criteria.firstIndex(of: row) {
            if position < r { r = position }
            while r < position {
                let grid = PresentationGrid(framework: framework, area: area, hideEmpty: hideEmpty, firstRow: r, firstColumn: c)
                if grid.rows.contains(where: { $0.index == row && !$0.isCut }) { break }
                r += 1
            }
            while r > 0 {
                let grid = PresentationGrid(framework: framework, area: area, hideEmpty: hideEmpty, firstRow: r - 1, firstColumn: c)
                guard grid.rows.contains(where: { $0.index == row && !$0.isCut }) else { break }
                r -= 1
            }
        }
        return (r, c)
    }

    // MARK: Drawing

    func draw(selected: (row: Int, column: Int)?, query: String?, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        guard !rowIndices.isEmpty, !columnIndices.isEmpty else {
            let text = framework.criteria.isEmpty || framework.dimensions.isEmpty
                ? "The framework is empty." : "Every cell is empty: :hide-empty shows the grid again."
            buffer.put(text, x: area.x, y: area.y, style: Style(.stageQuiet), maxWidth: area.width)
            return
        }
        drawHeaders(selectedColumn: selected?.column, into: &buffer)
        for row in rows {
            drawRow(row, selected: selected, query: query, into: &buffer)
            if row.y + row.height < area.maxY { drawRule(y: row.y + row.height, into: &buffer) }
        }
        // Scroll marks go in the margins, clear of any text.
        let headerY = area.y
        if firstColumn > 0 { buffer.put("‹", x: area.x - 2, y: headerY, style: Style(.stageHeader)) }
        if moreColumnsRight { buffer.put("›", x: area.maxX + 1, y: headerY, style: Style(.stageHeader)) }
        if firstRow > 0, let top = rows.first { buffer.put("▴", x: area.x - 2, y: top.y, style: Style(.stageHeader)) }
        if moreRowsBelow { buffer.put("▾", x: area.x - 2, y: area.maxY - 1, style: Style(.stageHeader)) }
    }

    private func drawHeaders(selectedColumn: Int?, into buffer: inout ScreenBuffer) {
        for column in columns {
            for i in 0..<headerHeight {
                buffer.put("│", x: column.separatorX, y: area.y + i, style: Style(.stageRule))
            }
            let lines = TextWrap.wrap(PaneFrame.visible(framework.dimensions[column.index].name), width: column.textWidth)
            let isSelected = selectedColumn == column.index
            for (i, line) in lines.prefix(headerHeight).enumerated() {
                let cut = i == headerHeight - 1 && lines.count > headerHeight
                let text = cut ? TextWrap.truncate(line.text + "…", width: column.textWidth) : line.text
                buffer.put(text, x: column.textX, y: area.y + i, style: Style(.stageHeader, bold: true, underline: isSelected),
                           maxWidth: column.textWidth)
            }
        }
        drawRule(y: area.y + headerHeight, into: &buffer)
    }

    private func drawRule(y: Int, into buffer: inout ScreenBuffer) {
        buffer.put(String(repeating: "─", count: area.width), x: area.x, y: y, style: Style(.stageRule))
        for column in columns { buffer.put("┼", x: column.separatorX, y: y, style: Style(.stageRule)) }
    }

    private func drawRow(_ row: Row, selected: (row: Int, column: Int)?, query: String?, into buffer: inout ScreenBuffer) {
        let name = CellText.lines(framework.criteria[row.index].name, width: headerWidth, height: row.height)
        for (i, line) in name.enumerated() {
            buffer.put(line.text, x: area.x, y: row.y + i,
                       style: Style(.stageHeader, bold: true, underline: selected?.row == row.index && i == 0),
                       maxWidth: headerWidth)
        }
        for column in columns {
            for i in 0..<row.height { buffer.put("│", x: column.separatorX, y: row.y + i, style: Style(.stageRule)) }
            let key = CellKey(criterion: framework.criteria[row.index].id, dimension: framework.dimensions[column.index].id)
            let isSelected = selected.map { $0.row == row.index && $0.column == column.index } ?? false
            let style = isSelected ? Style(.stageSelected, bold: true) : Style(.stage)
            if isSelected {
                buffer.fill(Rect(x: column.separatorX + 1, y: row.y, width: column.cellWidth, height: row.height), style: style)
            }
            let text = framework[key]
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                // An empty cell says so quietly; when empty ones are hidden it is simply blank.
                if !hideEmpty { buffer.put("—", x: column.textX, y: row.y, style: isSelected ? style : Style(.stageQuiet)) }
                continue
            }
            for (i, line) in CellText.lines(text, width: column.textWidth, height: row.height).enumerated() {
                buffer.put(line.text, x: column.textX, y: row.y + i, style: style, maxWidth: column.textWidth)
                if let mark = line.mark {
                    buffer.put(mark, x: column.textX + column.textWidth - DisplayWidth.of(mark), y: row.y + i,
                               style: isSelected ? style : Style(.stageQuiet))
                }
                PaneFrame.highlight(query, in: line.text, x: column.textX, y: row.y + i, maxWidth: column.textWidth,
                                    into: &buffer)
            }
        }
    }
}
