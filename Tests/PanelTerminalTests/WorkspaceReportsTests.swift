import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// `:export`, `:import`, `:warnings`, `:sync` and pasting a table into the grid, driven by keys
/// in-process; the host's part is played by handing the workspace the replies a host would give.
final class WorkspaceReportsTests: XCTestCase {
    private let store = URL(fileURLWithPath: "/panels/send/panel.json")

    private func driver(_ document: PanelDocument = TestPanel.make()) -> WorkspaceDriver {
        var driver = WorkspaceDriver(document)
        driver.workspace.storeURL = store
        return driver
    }

    private func command(_ driver: inout WorkspaceDriver, _ line: String) {
        driver.effects = []
        driver.press(":")
        driver.type(line)
        driver.press("enter")
    }

    private func exports(_ driver: WorkspaceDriver) -> [ExportRequest] {
        driver.effects.compactMap { if case .exportFile(let r) = $0 { r } else { nil } }
    }

    private func reply(_ driver: inout WorkspaceDriver, _ reply: HostReply) {
        driver.effects += driver.workspace.hostReplied(reply)
    }

    private static var seedReport: Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/send-panel-update-2024-03.txt")
        return try! Data(contentsOf: url)
    }

    // MARK: Export

    func testExportMarkdownBesideTheStore() {
        var d = driver()
        command(&d, "export md")
        let expected = ExportRequest(path: "/panels/send/panel.md", bytes: Data(MarkdownExporter.export(d.document).utf8),
                                     formatName: "Markdown", replacing: false)
        XCTAssertEqual(exports(d), [expected])
        XCTAssertEqual(d.message, "Exporting Markdown to /panels/send/panel.md…")
        reply(&d, .exported(expected))
        let kb = Int((Double(expected.bytes.count) / 1024).rounded())
        XCTAssertEqual(d.message, expected.bytes.count < 1024 ? "Exported Markdown to /panels/send/panel.md (\(expected.bytes.count) bytes)"
                       : "Exported Markdown to /panels/send/panel.md (\(kb) KB)")
    }

    func testExportFormatsAndPaths() {
        var d = driver()
        command(&d, "export html ~/out/panel page.html")
        let home = NSString(string: "~").expandingTildeInPath
        XCTAssertEqual(exports(d).map(\.path), [home + "/out/panel page.html"])
        XCTAssertEqual(exports(d).first?.bytes, Data(HTMLExporter.export(d.document).utf8))
        command(&d, "export CSV")
        XCTAssertEqual(exports(d).map(\.path), ["/panels/send/panel.csv"])
        XCTAssertEqual(exports(d).first?.bytes, Data(CSVExporter.export(d.document).utf8))
        command(&d, "export json")
        XCTAssertEqual(exports(d).first?.bytes, PanelStore.encode(d.document))
        XCTAssertEqual(exports(d).first?.formatName, "JSON")
    }

    func testTabCompletesTheFormat() {
        var d = driver()
        d.press(":")
        d.type("export m")
        d.press("tab")
        guard case .prompt(let prompt) = d.workspace.mode else { return XCTFail("the command line closed") }
        XCTAssertEqual(prompt.input.text, "export markdown ")
    }

    func testExportOfAnUnknownFormatSaysWhichAreKnown() {
        var d = driver()
        command(&d, "export pdf")
        XCTAssertEqual(exports(d), [])
        XCTAssertEqual(d.message, "Export as what? :export markdown|html|csv|json [PATH]")
        XCTAssertEqual(d.workspace.message?.isError, true)
    }

    func testExportOverAnExistingFileAsksFirst() {
        var d = driver()
        command(&d, "export md")
        let request = exports(d)[0]
        reply(&d, .exportExists(request))
        XCTAssertEqual(d.screen().line(23).trimmingCharacters(in: .whitespaces),
                       "/panels/send/panel.md exists — replace it with the Markdown export? (y/n)")
        d.effects = []
        d.press("x")
        XCTAssertEqual(d.message, "y replaces the file, n keeps it")
        XCTAssertEqual(exports(d), [])
        d.press("n")
        XCTAssertEqual(d.message, "Nothing exported: /panels/send/panel.md left as it was")
        XCTAssertEqual(exports(d), [])

        reply(&d, .exportExists(request))
        d.effects = []
        d.press("y")
        var replacing = request
        replacing.replacing = true
        XCTAssertEqual(exports(d), [replacing])
        XCTAssertEqual(d.workspace.mode, .normal)
    }

    func testAFailedExportSaysWhy() {
        var d = driver()
        command(&d, "export md /nowhere/x.md")
        reply(&d, .exportFailed(exports(d)[0], reason: "the folder /nowhere does not exist"))
        XCTAssertEqual(d.message, "Could not export to /nowhere/x.md: the folder /nowhere does not exist")
        XCTAssertEqual(d.workspace.message?.isError, true)
    }

    // MARK: Import

    func testImportOfTheSeedIntoABlankPanelIsOneUndoableChange() {
        var d = driver(PanelTemplates.blank)
        command(&d, "import report.txt")
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertEqual(d.effects.filter { if case .readReport = $0 { true } else { false } },
                       [.readReport(path: URL(fileURLWithPath: cwd + "/report.txt").standardizedFileURL.path)])
        d.effects = []
        reply(&d, .reportRead(path: "/panels/send/report.txt", data: Self.seedReport))

        let imported = try! ReportImporter.read(Self.seedReport, options: .init(fileName: "report.txt"))
        let (_, summary) = ImportMerge.edit(into: PanelTemplates.blank, from: imported.document)
        XCTAssertEqual(d.document.framework.criteria.map(\.name), imported.document.framework.criteria.map(\.name))
        XCTAssertEqual(d.document.questions.map(\.title), imported.document.questions.map(\.title))
        XCTAssertEqual(d.document.schedule.map(\.title), imported.document.schedule.map(\.title))
        XCTAssertEqual(d.document.panel.title, imported.document.panel.title)
        let warnings = imported.warnings.count
        let warningWords = warnings == 0 ? "" : warnings == 1
            ? " · 1 warning — :warnings shows it (its line is kept as an imported note)"
            : " · \(warnings) warnings — :warnings shows them (their lines are kept as imported notes)"
        XCTAssertEqual(d.message, "Imported report.txt: \(summary) — u undoes" + warningWords)
        // One change for the journal, then one save.
        XCTAssertEqual(d.effects.filter { if case .record = $0 { true } else { false } }.count, 1)
        XCTAssertEqual(d.saves.count, 1)

        d.press("u")
        XCTAssertEqual(d.document, PanelTemplates.blank)
        d.press("C-r")
        XCTAssertEqual(d.document.framework.criteria.map(\.name), imported.document.framework.criteria.map(\.name))
    }

    func testWarningsAreShownOneAtATime() {
        var d = driver(PanelTemplates.blank)
        command(&d, "warnings")
        XCTAssertEqual(d.message, "No warnings from an import in this session")
        // A report with a line that fits nowhere: between the header and the first section.
        let report = String(decoding: Self.seedReport, as: UTF8.self)
            .replacingOccurrences(of: "1. Purpose of Report", with: "~~~ stray line ~~~\n\n1. Purpose of Report")
        let imported = try! ReportImporter.read(text: report, options: .init(fileName: "r.txt"))
        XCTAssertGreaterThan(imported.warnings.count, 0, "the fixture must produce a warning for this test")
        command(&d, "import r.txt")
        reply(&d, .reportRead(path: "/tmp/r.txt", data: Data(report.utf8)))
        XCTAssertTrue(d.message?.contains(imported.warnings.count == 1 ? "1 warning — :warnings shows it"
                                          : "\(imported.warnings.count) warnings — :warnings shows them") == true, d.message ?? "")
        command(&d, "warnings")
        let last = imported.warnings.count == 1 ? "" : " — :warnings for the next"
        XCTAssertEqual(d.message, "r.txt warning 1 of \(imported.warnings.count): \(imported.warnings[0])" + last)
    }

    func testImportOfGarbageChangesNothingAndSaysWhy() {
        var d = driver()
        command(&d, "import x.bin")
        reply(&d, .reportRead(path: "/tmp/x.bin", data: Data()))
        XCTAssertEqual(d.document, TestPanel.make())
        XCTAssertEqual(d.workspace.message?.isError, true)
        XCTAssertTrue(d.message?.hasPrefix("Could not import x.bin: ") == true, d.message ?? "")
        XCTAssertTrue(d.message?.hasSuffix(" — the panel is unchanged") == true, d.message ?? "")
        reply(&d, .readFailed(path: "/tmp/none.txt", reason: "there is no such file — check the name, or give the whole path"))
        XCTAssertEqual(d.message, "Could not read /tmp/none.txt: there is no such file — check the name, or give the whole path")
    }

    func testImportNeedsAFile() {
        var d = driver()
        command(&d, "import")
        XCTAssertEqual(d.message, "Import which report? :import PATH (a panel update in plain text)")
    }

    // MARK: Pasting a table into the grid

    func testTablePasteIntoEmptyCellsFillsThemAtOnce() {
        var d = driver()
        // From Efficiency × Diagnosis: an empty pasted cell leaves "Lack of data" below alone.
        d.press("j")
        d.effects = []
        d.paste("A1\tB1\n\tA2\n")
        XCTAssertEqual(d.cell("efficiency", "diagnosis"), "A1")
        XCTAssertEqual(d.cell("efficiency", "funding"), "B1")
        XCTAssertEqual(d.cell("equity", "diagnosis"), "Lack of data")
        XCTAssertEqual(d.cell("equity", "funding"), "A2")
        XCTAssertEqual(d.message, "Pasted 3 cells — u undoes")
        XCTAssertEqual(d.workspace.mode, .normal)
        XCTAssertEqual(d.workspace.selection.criterion, "crit-efficiency")
        XCTAssertEqual(d.workspace.selection.dimension, "dim-diagnosis")
        XCTAssertEqual(d.saves.count, 1)
    }

    func testTablePasteOverTextAsksAndYesReplacesAsOneChange() {
        var d = driver()
        d.paste("one\ttwo\tthree\nfour\tfive\tsix")
        XCTAssertEqual(d.screen().line(23).trimmingCharacters(in: .whitespaces),
                       "Paste 2×3 cells, replacing 3 that have text? (y/n)")
        XCTAssertEqual(d.document, TestPanel.make())
        d.press("y")
        XCTAssertEqual(d.cell("effectiveness", "diagnosis"), "one")
        XCTAssertEqual(d.cell("effectiveness", "outcomes"), "three")
        XCTAssertEqual(d.cell("efficiency", "outcomes"), "six")
        XCTAssertEqual(d.message, "Pasted 6 cells — u undoes")
        d.press("u")
        XCTAssertEqual(d.document, TestPanel.make())
    }

    func testTablePasteOverTextAndNoLeavesTheCells() {
        var d = driver()
        d.paste("one\ttwo")
        d.press("n")
        XCTAssertEqual(d.document, TestPanel.make())
        XCTAssertEqual(d.message, "Nothing pasted")
        XCTAssertEqual(d.saves, [])
    }

    func testCellsBeyondTheGridAreLeftOutAndCounted() {
        var d = driver()
        // The last dimension of the last criterion: only the top-left pasted cell fits.
        d.press("G", "l", "l")
        d.paste("x\ty\nz\tw")
        XCTAssertEqual(d.cell("equity", "outcomes"), "x")
        XCTAssertEqual(d.message, "Pasted 1 cell — u undoes · 3 cells beyond the grid left out")
    }

    func testAReadOnlyViewAsksNothingAndPastesNothing() {
        var d = driver()
        d.workspace.readOnly = true
        d.paste("one\ttwo")
        XCTAssertEqual(d.workspace.mode, .normal)
        XCTAssertEqual(d.document, TestPanel.make())
        XCTAssertEqual(d.message, "read-only view: nothing can be changed here")
    }

    func testAPasteWithoutTabsStillOpensTheEditor() {
        var d = driver()
        d.press("j")
        d.paste("two lines\nof one cell")
        guard case .editing(let session) = d.workspace.mode else { return XCTFail("the editor did not open") }
        XCTAssertEqual(session.editor.text, "two lines\nof one cell")
    }

    // MARK: Sync

    func testSyncAsksTheHostAndTakesTheMergedPanelKeepingTheSelection() {
        var d = driver()
        d.press("j", "l")
        run(&d)
        XCTAssertEqual(d.effects.filter { if case .sync = $0 { true } else { false } }, [.sync(TestPanel.make())])
        XCTAssertEqual(d.message, "Syncing…")

        var merged = TestPanel.make()
        merged.framework[TestPanel.key("efficiency", "funding")] = "From clerk B"
        merged.framework.criteria.insert(AxisItem(id: "crit-new", name: "New"), at: 0)
        reply(&d, .synced(merged, succeeded: true))
        XCTAssertEqual(d.document, merged)
        XCTAssertEqual(d.workspace.selection.criterion, "crit-efficiency")
        XCTAssertEqual(d.workspace.selection.dimension, "dim-funding")
        XCTAssertEqual(d.message, "Synced: the panel now holds everyone's changes · undo history cleared")
        d.press("u")
        XCTAssertEqual(d.message, "Nothing to undo")
        XCTAssertEqual(d.document, merged)
    }

    func testAFailedSyncKeepsThePanel() {
        var d = driver()
        run(&d)
        reply(&d, .syncFailed(reason: "the panel could not be saved first, so nothing was synced: disk full"))
        XCTAssertEqual(d.document, TestPanel.make())
        XCTAssertEqual(d.message, "Sync failed: the panel could not be saved first, so nothing was synced: disk full")
    }

    func testAReadOnlyViewDoesNotSync() {
        var d = driver()
        d.workspace.readOnly = true
        run(&d)
        XCTAssertEqual(d.effects.filter { if case .sync = $0 { true } else { false } }, [])
        XCTAssertEqual(d.message, "read-only view: the Scrutiny that has the store open can sync it")
    }

    private func run(_ d: inout WorkspaceDriver) { command(&d, "sync") }
}
