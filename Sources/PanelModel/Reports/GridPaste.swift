/// Pasting a block of cells into the framework from the cursor, as Word and spreadsheets put a
/// table on the clipboard: one row per line, cells separated by tabs.
///
/// A paste fills only cells that exist: it never adds criteria or dimensions, and cells that
/// would fall beyond the grid are counted so the workspace can say so. An empty pasted cell
/// leaves the cell under it alone (a paste never erases). The workspace asks before applying a
/// plan whose `overwrites` is not zero.
public struct GridPastePlan: Equatable, Sendable {
    /// One `Edit.batch` of `setCell`s: one step of undo.
    public var edit: Edit
    /// Cells that already hold different text and would be replaced.
    public var overwrites: Int
    /// Non-empty pasted cells that fall outside the grid and are left out.
    public var outside: Int
    /// Cells that will change.
    public var changed: Int
}

public enum GridPaste {
    /// What the workspace needs to ask "overwrite N cells?" and then apply the paste.
    public static func edit(_ document: PanelDocument, text: String, at origin: CellKey) -> (edit: Edit, overwrites: Int) {
        let plan = plan(document, text: text, at: origin)
        return (plan.edit, plan.overwrites)
    }

    public static func plan(_ document: PanelDocument, text: String, at origin: CellKey) -> GridPastePlan {
        plan(document, rows: rows(text), at: origin)
    }

    /// Places `rows` with its top-left cell at `origin` (a criterion × dimension of the grid).
    public static func plan(_ document: PanelDocument, rows: [[String]], at origin: CellKey) -> GridPastePlan {
        let framework = document.framework
        let criteria = framework.criteria, dimensions = framework.dimensions
        guard let row0 = criteria.firstIndex(where: { $0.id == origin.criterion }),
              let col0 = dimensions.firstIndex(where: { $0.id == origin.dimension }) else {
            let outside = rows.joined().filter { !$0.isEmpty }.count
            return GridPastePlan(edit: .batch("paste", []), overwrites: 0, outside: outside, changed: 0)
        }
        var edits: [Edit] = []
        var overwrites = 0, outside = 0
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                guard row0 + r < criteria.count, col0 + c < dimensions.count else { outside += 1; continue }
                let key = CellKey(criterion: criteria[row0 + r].id, dimension: dimensions[col0 + c].id)
                let old = framework[key]
                guard old != text else { continue }
                if !old.isEmpty { overwrites += 1 }
                edits.append(.setCell(key, from: old, to: text))
            }
        }
        let label = edits.count == 1 ? "paste 1 cell" : "paste \(edits.count) cells"
        return GridPastePlan(edit: .batch(label, edits), overwrites: overwrites, outside: outside, changed: edits.count)
    }

    /// Clipboard text as rows of cells: lines by CRLF, CR or LF (one final line end is not an
    /// empty row), cells by tab, spaces around each cell trimmed.
    public static func rows(_ text: String) -> [[String]] {
        var lines = ReportLines.lines(of: text).map(\.text)
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.map(ReportText.cells)
    }
}
