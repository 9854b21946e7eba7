import PanelModel

/// Draws the framework: criteria as rows, dimensions as columns, each cell's text wrapped to
/// its column. Headers stay in place while the cells scroll; a cell whose text does not fit
/// ends in "…" with a "+N" count of the lines not shown.
struct GridPane {
    let framework: Framework
    let geometry: GridGeometry
    /// (criterion index, dimension index) of the selected cell.
    let selected: (row: Int, column: Int)?
    let focused: Bool
    let query: String?
    /// How many notes back each cell: shown as "3◆" in the cell's top right corner.
    var notes: NoteIndex = NoteIndex()
    /// What carries a merge-conflict mark ("≠"): cells, and criteria and dimensions by id.
    var conflicts = Workspace.ConflictMarks()
    /// The workspace's memory of wrapped cells; without one every cell is wrapped afresh.
    var cellLines: CellLinesCache? = nil

    func draw(into buffer: inout ScreenBuffer) {
        let g = geometry
        let area = g.interior
        guard !area.isEmpty else { return }
        if framework.criteria.isEmpty || framework.dimensions.isEmpty {
            // Below the header row, where the dimensions (if any) are named.
            buffer.put("Empty: :add criterion NAME, :add dimension NAME",
                       x: area.x + 1, y: area.y + 1, style: Style(.dim), maxWidth: area.width - 1)
            drawHeaders(into: &buffer)
            return
        }
        drawHeaders(into: &buffer)
        for row in g.visibleRows {
            drawRowHeader(row, into: &buffer)
            for column in g.columns { drawCell(row: row, column: column, into: &buffer) }
        }
        drawScrollMarks(into: &buffer)
    }

    /// Redraws, over this grid as drawn with another selection, only what shows the selection:
    /// the header line (the selected column's name is underlined), the headers of `rows` and
    /// the cells `cells` (those selected before and now); nothing else in the grid depends on
    /// it. Each is blanked first, as the whole grid is before it is drawn; the scroll marks
    /// go back on top. False when there is no grid to update (an empty framework).
    func redrawSelection(rows: [Int], cells: [(row: Int, column: Int)], into buffer: inout ScreenBuffer) -> Bool {
        let g = geometry
        guard !g.interior.isEmpty, !framework.criteria.isEmpty, !framework.dimensions.isEmpty else { return false }
        buffer.fill(Rect(x: g.interior.x, y: g.interior.y, width: g.interior.width, height: 1))
        drawHeaders(into: &buffer)
        for row in rows {
            guard let y = g.rowY(row) else { continue }
            buffer.fill(Rect(x: g.interior.x, y: y, width: g.rowHeaderWidth, height: g.rowHeight(row)))
            drawRowHeader(row, into: &buffer)
        }
        for (row, index) in cells {
            guard let cell = g.cellRect(row: row, column: index), let column = g.column(index) else { continue }
            buffer.fill(cell)
            drawCell(row: row, column: column, into: &buffer)
        }
        drawScrollMarks(into: &buffer)
        return true
    }

    private func drawHeaders(into buffer: inout ScreenBuffer) {
        let y = geometry.interior.y
        for column in geometry.columns {
            buffer.put("│", x: column.separatorX, y: y, style: Style(.border))
            let isSelected = selected?.column == column.index
            let name = framework.dimensions[column.index].name
            // The last header leaves its final column to the "›" that says more columns follow.
            let moreRight = column.index == geometry.columns.last?.index && column.index < geometry.dimensionsCount - 1
            let width = column.textWidth - (moreRight ? 1 : 0)
            buffer.put(TextWrap.truncate(PaneFrame.visible(PaneFrame.firstLine(name)), width: width), x: column.textX, y: y,
                       style: Style(.header, bold: true, underline: isSelected), maxWidth: width)
            if conflicts.dimensions.contains(framework.dimensions[column.index].id) {
                buffer.put("≠", x: column.textX + column.textWidth - 1, y: y, style: Self.conflictMark)
            }
        }
    }

    private func drawRowHeader(_ row: Int, into buffer: inout ScreenBuffer) {
        guard let y = geometry.rowY(row) else { return }
        let width = geometry.rowHeaderWidth - 2
        let lines = TextWrap.wrap(PaneFrame.visible(framework.criteria[row].name), width: width)
        let isSelected = selected?.row == row
        let height = geometry.rowHeight(row)
        for (i, line) in lines.prefix(height).enumerated() {
            let last = i == height - 1 && lines.count > height
            let text = last ? TextWrap.truncate(line.text + "…", width: width) : line.text
            buffer.put(text, x: geometry.interior.x + 1, y: y + i,
                       style: Style(.header, bold: true, underline: isSelected && i == 0), maxWidth: width)
        }
        if conflicts.criteria.contains(framework.criteria[row].id) {
            buffer.put("≠", x: geometry.interior.x, y: y, style: Self.conflictMark)
        }
    }

    private func drawCell(row: Int, column: GridGeometry.Column, into buffer: inout ScreenBuffer) {
        guard let y = geometry.rowY(row), let cell = geometry.cellRect(row: row, column: column.index) else { return }
        for i in 0..<cell.height {
            buffer.put("│", x: column.separatorX, y: y + i, style: Style(.border))
        }
        let key = CellKey(criterion: framework.criteria[row].id, dimension: framework.dimensions[column.index].id)
        // The evidence mark keeps its corner at any column width: the text wraps beside it.
        let evidence = EvidenceMark.text(notes.count(.cell(key)))
        // A merge-conflict mark, if any, takes the very corner; the evidence mark sits beside it.
        let conflictRoom = conflicts.cells.contains(key) ? 1 : 0
        let markRoom = evidence.map { min(column.textWidth - 1 - conflictRoom, DisplayWidth.of($0) + 1) + conflictRoom } ?? 0
        let width = column.textWidth - markRoom
        let lines = cellLines?.lines(framework[key], cell: key, width: width, height: cell.height)
            ?? CellText.lines(framework[key], width: width, height: cell.height)
        let isSelected = selected.map { $0.row == row && $0.column == column.index } ?? false
        if isSelected { buffer.fill(cell, style: Style(.selected, bold: true)) }
        let textStyle = isSelected ? Style(.selected, bold: true) : Style.normal
        if let evidence {
            let width = markRoom - 1 - conflictRoom
            buffer.put(TextWrap.truncate(evidence, width: width), x: column.textX + column.textWidth - conflictRoom - width, y: y,
                       style: isSelected ? textStyle : Style(.mark, bold: true), maxWidth: width)
        }
        for (i, line) in lines.enumerated() {
            buffer.put(line.text, x: column.textX, y: y + i, style: textStyle, maxWidth: column.textWidth)
            if let mark = line.mark {
                // In the right gutter, under the evidence mark.
                let markX = column.textX + column.textWidth - DisplayWidth.of(mark)
                buffer.put(mark, x: markX, y: y + i, style: isSelected ? textStyle : Style(.dim))
            }
            PaneFrame.highlight(query, in: line.text, x: column.textX, y: y + i, maxWidth: column.textWidth, into: &buffer)
        }
        if conflicts.cells.contains(key) {
            buffer.put("≠", x: column.textX + column.textWidth - 1, y: y, style: Self.conflictMark)
        }
    }

    static let conflictMark = Style(.mark, bold: true)

    private func drawScrollMarks(into buffer: inout ScreenBuffer) {
        let g = geometry
        let markX = g.interior.x + g.rowHeaderWidth - 1
        if g.firstColumn > 0 { buffer.put("‹", x: markX - 1, y: g.interior.y, style: Style(.mark)) }
        if g.firstRow > 0 { buffer.put("▴", x: markX, y: g.interior.y, style: Style(.mark)) }
        if let last = g.columns.last, last.index < g.dimensionsCount - 1 {
            buffer.put("›", x: g.interior.maxX - 1, y: g.interior.y, style: Style(.mark))
        }
        if g.visibleRows.upperBound < g.criteriaCount {
            buffer.put("▾", x: markX, y: g.interior.maxY - 1, style: Style(.mark))
        }
    }
}

/// The lines of a cell as the grid shows them: wrapped to the column, at most `height` lines,
/// the last one ending in "…" and carrying a "+N" mark (lines not shown) when text is cut.
enum CellText {
    struct Line: Equatable {
        var text: String
        var mark: String?
    }

    /// How a cell's text wraps, for drawing it and for sizing the rows that hold it alike.
    static func wrap(_ text: String, width: Int) -> [TextWrap.Line] {
        TextWrap.wrap(PaneFrame.visible(text), width: width, hyphenate: true)
    }

    static func lines(_ text: String, width: Int, height: Int) -> [Line] {
        let wrapped = wrap(text, width: width)
        guard wrapped.count > height else { return wrapped.map { Line(text: $0.text, mark: nil) } }
        var out = wrapped.prefix(height - 1).map { Line(text: $0.text, mark: nil) }
        let mark = "+\(wrapped.count - height)"
        let room = max(1, width - DisplayWidth.of(mark) - 1)
        let cut = TextWrap.truncate(wrapped[height - 1].text + "…", width: room)
        out.append(Line(text: cut.hasSuffix("…") ? cut : cut + "…", mark: mark))
        return out
    }
}
