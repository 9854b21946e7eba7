import Foundation
import SwiftCSV

/// Fills the framework from a table file (`scrutiny import grid.csv --grid`).
///
/// Two ways, chosen by the caller:
/// - as a headed table (the default): the first row names the dimensions after a corner cell,
///   the first column names the criteria. Rows and columns are matched to the panel's by name
///   and added when missing; cells are merged like a report import (`ImportMerge`).
/// - as plain cells placed from one cell of the grid (`--at CRITERION,DIMENSION`), exactly like
///   a paste in the workspace (`GridPaste`): nothing is added, cells beyond the grid are counted.
///
/// CSV and TSV are read by SwiftCSV, so quoted fields with commas, doubled quotes and line
/// breaks come through whole. Tab-separated text that is not valid quoted TSV (a Word table
/// with a stray quote mark) is read plainly, line by line and tab by tab.
public enum GridImporter {
    public enum Format: String, Sendable {
        case csv, tsv

        /// By extension: ".csv" is CSV; ".tsv", ".tab" and ".txt" are tab-separated.
        public init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "csv": self = .csv
            case "tsv", "tab", "txt": self = .tsv
            default: return nil
            }
        }
    }

    /// The rows of a table file, blank rows left out. Cells keep their line breaks (as "\n").
    public static func rows(_ data: Data, format: Format, file: String) throws(ReportImportError) -> [[String]] {
        let text = try ReportLines.decode(data, file: file)
        var rows: [[String]]
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: format == .csv ? .comma : .tab, loadColumns: false)
            rows = [csv.header] + csv.rows
        } catch {
            guard format == .tsv else {
                throw .notATable(file: file, reason: "\(error). Check that quoted cells close their quotes, and that quotes inside a cell are doubled (\"\")")
            }
            rows = GridPaste.rows(text)
        }
        rows = rows.map { row in
            row.map { $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .trimmingCharacters(in: .whitespaces) }
        }
        rows.removeAll { $0.allSatisfy(\.isEmpty) }
        guard !rows.isEmpty else { throw .empty(file: file) }
        return rows
    }

    /// A headed table as a framework of its own, with readable ids (they are remapped on merge).
    public static func framework(_ rows: [[String]]) -> Framework {
        var framework = Framework()
        guard let header = rows.first else { return framework }
        var names = Array(header.dropFirst())
        while names.last?.isEmpty == true { names.removeLast() }
        framework.dimensions = names.enumerated().map {
            AxisItem(id: "dim-\($0.offset)", name: $0.element.isEmpty ? "Column \($0.offset + 2)" : $0.element)
        }
        for (r, row) in rows.dropFirst().enumerated() {
            guard let name = row.first, !name.isEmpty else { continue }
            let criterion = AxisItem(id: "crit-\(r)", name: name)
            framework.criteria.append(criterion)
            for (dimension, text) in zip(framework.dimensions, row.dropFirst()) {
                framework[criterion.id, dimension.id] = text
            }
        }
        return framework
    }

    /// Cells of a headed table that cannot be placed: beyond the header's last dimension, or
    /// in a row with no criterion name. Reported by the command; nothing else is dropped.
    public static func unplaced(_ rows: [[String]]) -> [(row: Int, text: String)] {
        guard let header = rows.first else { return [] }
        var width = header.count
        while width > 1 && header[width - 1].isEmpty { width -= 1 }
        var out: [(Int, String)] = []
        for (r, row) in rows.enumerated().dropFirst() {
            let cells = row.first?.isEmpty == true ? Array(row.dropFirst()) : Array(row.dropFirst(width))
            for text in cells where !text.isEmpty { out.append((r + 1, text)) }
        }
        return out
    }

    /// The merge of a headed table into the panel: one undoable batch.
    public static func edit(_ document: PanelDocument, rows: [[String]]) -> (edit: Edit, summary: ImportMerge.Summary) {
        ImportMerge.edit(into: document, from: PanelDocument(framework: framework(rows)), label: "import grid")
    }
}
