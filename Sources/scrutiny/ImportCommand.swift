import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny import REPORT --into FILE`: starts a panel from its last report, or brings a
/// report or a table into an existing one. The store is written once, at the end, and only
/// when the whole import has succeeded.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Fill a panel store from a panel update report, or its framework from a table.",
        discussion: """
        A report is plain text in the shape of the committee reports (header block, interviews, \
        meetings, the framework table, suggested questions, next steps), or the Markdown that \
        `scrutiny export --format markdown` writes. Into an existing store \
        it merges: items with the same title (criteria and dimensions by name, questions by \
        number or title) are updated, others added; nothing is removed. Lines it cannot place \
        are kept as imported notes and listed as warnings.

        With --grid, SOURCE is a table (.csv, or .tsv/.txt tab-separated). By default its first \
        row names the dimensions and its first column the criteria: they are matched by name and \
        added when missing. With --at CRITERION,DIMENSION the table is plain cells placed from \
        that cell, like a paste: nothing is added and cells beyond the grid are left out.
        """
    )

    @Argument(help: "The report (plain text), or with --grid a .csv or .tsv table.")
    var source: String

    @Option(help: ArgumentHelp("The panel store to merge into; created (readable by you only) when missing.",
                               valueName: "file"))
    var into: String

    @Flag(help: "SOURCE is a table of the framework, not a report.")
    var grid = false

    @Option(help: ArgumentHelp("With --grid: place plain cells from this cell, e.g. \"Equity,Outcomes\".",
                               valueName: "criterion,dimension"))
    var at: String?

    func validate() throws {
        if at != nil && !grid { throw ValidationError("--at only applies with --grid.") }
        if grid && GridImporter.Format(path: source) == nil {
            throw ValidationError("\(source): name the table .csv (comma-separated) or .tsv (tab-separated) so it can be read.")
        }
    }

    func run() throws {
        do {
            try importSource()
        } catch {
            // As the other commands do: one line naming the file and what to do, exit status 1.
            FileHandle.standardError.write(Data("scrutiny: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func importSource() throws {
        let storeURL = URL(fileURLWithPath: into)
        let exists = FileManager.default.fileExists(atPath: storeURL.path)
        let document = exists ? try PanelStore.load(from: storeURL) : PanelDocument()
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: source)) } catch {
            throw CommandError("\(source): cannot be read: \(error.localizedDescription)")
        }

        let (edit, summary, warnings) = try grid ? gridEdit(document, data) : reportEdit(document, data)
        let result = try edit.applied(to: document)

        if edit.isNoOp && exists {
            print("\(into): nothing changed (\(source) holds nothing new).")
        } else {
            if exists {
                try PanelStore.save(result, to: storeURL)
            } else {
                // A new store holds a panel's evidence: `create` makes it readable by its owner only.
                try PanelStore.create(result, at: storeURL)
            }
            print("\(exists ? "Merged" : "Created") \(into) from \(source): \(summary)\(exists ? "" : "; mode 0600").")
        }
        for warning in warnings { print("\(source):\(warning.line): warning: \(warning.message)") }
        if !warnings.isEmpty {
            print("\(warnings.count) warning\(warnings.count == 1 ? "" : "s"): nothing was dropped; see the imported notes.")
        }
    }

    private func reportEdit(_ document: PanelDocument, _ data: Data) throws -> (Edit, String, [ImportWarning]) {
        let name = URL(fileURLWithPath: source).lastPathComponent
        let imported = try ReportImporter.read(data, options: .init(fileName: name))
        let (edit, summary) = ImportMerge.edit(into: document, from: imported.document, label: "import \(name)")
        return (edit, summary.description, imported.warnings)
    }

    private func gridEdit(_ document: PanelDocument, _ data: Data) throws -> (Edit, String, [ImportWarning]) {
        let rows = try GridImporter.rows(data, format: GridImporter.Format(path: source)!, file: source)
        guard let at else {
            let (edit, summary) = GridImporter.edit(document, rows: rows)
            let warnings = GridImporter.unplaced(rows).map {
                ImportWarning(line: $0.row, message: "“\($0.text)” has no criterion or dimension heading and was not imported")
            }
            return (edit, summary.description, warnings)
        }
        guard let origin = cell(named: at, in: document.framework) else {
            throw CommandError("\(into): no cell “\(at)”: give a criterion and a dimension of the grid, as in \"Equity,Outcomes\".")
        }
        let plan = GridPaste.plan(document, rows: rows, at: origin)
        var summary = "\(plan.changed) cells filled or changed (\(plan.overwrites) of them replaced text)"
        if plan.outside > 0 { summary += "; \(plan.outside) \(plan.outside == 1 ? "cell" : "cells") fell beyond the grid and \(plan.outside == 1 ? "was" : "were") left out" }
        return (plan.edit, summary, [])
    }

    /// "Equity,Outcomes" → the cell's key, by names (or ids); names may themselves hold commas.
    private func cell(named text: String, in framework: Framework) -> CellKey? {
        func find(_ items: [AxisItem], _ name: String) -> AxisItem? {
            let n = name.trimmingCharacters(in: .whitespaces).lowercased()
            return items.first { $0.name.lowercased() == n || $0.id == n }
        }
        for comma in text.indices where text[comma] == "," {
            if let c = find(framework.criteria, String(text[..<comma])),
               let d = find(framework.dimensions, String(text[text.index(after: comma)...])) {
                return CellKey(criterion: c.id, dimension: d.id)
            }
        }
        return nil
    }
}

/// A failure the user can act on, printed as "scrutiny: …" with exit status 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
