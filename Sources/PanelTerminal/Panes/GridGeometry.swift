import PanelModel

/// Where the framework grid's headers and cells fall inside its pane, for a given scroll
/// position: shared by the grid's drawing, the workspace's scrolling and the editor's anchor,
/// so the editor opens exactly over the cell that is drawn.
///
/// Columns share the width equally, never narrower than `minimumColumnWidth`; when they do not
/// all fit, whole columns scroll. Rows are at least a fixed number of lines (more on taller
/// screens); when every criterion fits at that height, the rows share the pane's whole height
/// equally, so no block of empty lines sits below the last row while cells say "+16". When they
/// do not all fit, whole rows scroll.
struct GridGeometry: Equatable {
    static let minimumColumnWidth = 15

    struct Column: Equatable {
        /// Index of the dimension in the framework.
        let index: Int
        /// The column of the "│" before it.
        let separatorX: Int
        /// Columns of the cell after the separator (a margin of one, then the text).
        let width: Int
        var textX: Int { separatorX + 2 }
        var textWidth: Int { max(1, width - 1) }
    }

    let interior: Rect
    let rowHeaderWidth: Int
    let linesPerRow: Int
    let firstRow: Int
    let rowCapacity: Int
    let columnCapacity: Int
    let columns: [Column]
    let criteriaCount: Int
    let dimensionsCount: Int

    /// `firstRow`/`firstColumn` are clamped so the grid never scrolls past its end.
    init(framework: Framework, interior: Rect, firstRow: Int, firstColumn: Int) {
        self.interior = interior
        criteriaCount = framework.criteria.count
        dimensionsCount = framework.dimensions.count
        let rowLines = interior.height - 1  // below the dimensions' header line
        let fixed = interior.height < 20 ? 2 : interior.height < 40 ? 3 : 4
        if criteriaCount > 0 && criteriaCount * fixed <= rowLines {
            // Every row fits: share the height, so the chair reads as much of each cell as fits.
            linesPerRow = rowLines / criteriaCount
        } else {
            linesPerRow = fixed
        }
        rowCapacity = max(1, rowLines / linesPerRow)
        let longest = framework.criteria.map { DisplayWidth.of($0.name) }.max() ?? 0
        rowHeaderWidth = min(max(longest + 2, 8), interior.width < 70 ? 16 : 22)
        let available = interior.width - rowHeaderWidth
        columnCapacity = max(1, available / (Self.minimumColumnWidth + 1))
        self.firstRow = max(0, min(firstRow, criteriaCount - rowCapacity))
        let shown = min(columnCapacity, dimensionsCount)
        let first = max(0, min(firstColumn, dimensionsCount - shown))
        var columns: [Column] = []
        if shown > 0 {
            let base = available / shown - 1
            var extra = available - shown * (base + 1)
            var x = interior.x + rowHeaderWidth
            for index in first..<first + shown {
                let width = base + (extra > 0 ? 1 : 0)
                extra -= 1
                columns.append(Column(index: index, separatorX: x, width: width))
                x += width + 1
            }
        }
        self.columns = columns
    }

    var firstColumn: Int { columns.first?.index ?? 0 }
    var visibleRows: Range<Int> { firstRow..<min(criteriaCount, firstRow + rowCapacity) }

    /// The top line of a visible row.
    func rowY(_ row: Int) -> Int? {
        guard visibleRows.contains(row) else { return nil }
        let shown = row - firstRow
        return interior.y + 1 + shown * linesPerRow
    }

    /// How many lines a row has on screen.
    func rowHeight(_ row: Int) -> Int {
        linesPerRow
    }

    func column(_ index: Int) -> Column? { columns.first { $0.index == index } }

    /// The whole cell, highlighted when selected.
    func cellRect(row: Int, column index: Int) -> Rect? {
        guard let y = rowY(row), let column = column(index) else { return nil }
        return Rect(x: column.separatorX + 1, y: y, width: column.width, height: rowHeight(row))
    }

    /// Where a cell's text is drawn: the editor's anchor.
    func textRect(row: Int, column index: Int) -> Rect? {
        guard let y = rowY(row), let column = column(index) else { return nil }
        return Rect(x: column.textX, y: y, width: column.textWidth, height: rowHeight(row))
    }

    /// The scroll position that keeps (row, column) in view, moving as little as possible.
    static func reveal(row: Int, column: Int, framework: Framework, interior: Rect,
                       scroll: (row: Int, column: Int)) -> (row: Int, column: Int) {
        let probe = GridGeometry(framework: framework, interior: interior, firstRow: 0, firstColumn: 0)
        let shown = max(1, min(probe.columnCapacity, probe.dimensionsCount))
        var r = scroll.row, c = scroll.column
        if row < r { r = row }
        if row >= r + probe.rowCapacity { r = row - probe.rowCapacity + 1 }
        if column < c { c = column }
        if column >= c + shown { c = column - shown + 1 }
        return (max(0, r), max(0, c))
    }
}
