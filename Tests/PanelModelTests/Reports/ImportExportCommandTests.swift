import Foundation
import XCTest
@testable import PanelModel

/// `scrutiny import` and `scrutiny export`, run as the real binary that `swift test` builds
/// beside the test bundle: what a clerk types and sees, and what lands on disk.
final class ImportExportCommandTests: XCTestCase {
    private func withSeed(_ folder: ScratchFolder, as name: String = "report.txt", _ text: String? = nil) throws {
        try Data((text ?? SeedReport.text).utf8).write(to: folder.file(name))
    }

    func testImportCreatesAPrivateStoreThenChangesNothingTheSecondTime() throws {
        let scratch = try ScratchFolder()
        try withSeed(scratch)
        let first = try scrutiny(["import", "report.txt", "--into", "panel.json"], in: scratch)
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertEqual(first.out, "Created panel.json from report.txt: 17 header fields set, 7 sections added, "
                       + "22 schedule items added, 6 criteria added, 5 dimensions added, 20 cells filled or changed, "
                       + "8 questions added; mode 0600.\n")
        XCTAssertEqual(first.err, "")
        XCTAssertEqual(mode(of: scratch.file("panel.json").path), "600")
        let stored = try PanelStore.load(from: scratch.file("panel.json"))
        XCTAssertEqual(SeedReport.grid(stored.framework), SeedReport.expectedGrid)
        XCTAssertEqual(PanelValidator.problems(in: stored), [])

        let bytes = try Data(contentsOf: scratch.file("panel.json"))
        let second = try scrutiny(["import", "report.txt", "--into", "panel.json"], in: scratch)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(second.out, "panel.json: nothing changed (report.txt holds nothing new).\n")
        XCTAssertEqual(try Data(contentsOf: scratch.file("panel.json")), bytes)
    }

    func testWarningsNameTheFileAndLine() throws {
        let scratch = try ScratchFolder()
        let text = try SeedReport.text.replacingOccurrences(of: "- SEND engagement and quality\n",
                                                            with: "- SEND engagement and quality\nThe panel also read papers.\n")
        try withSeed(scratch, text)
        let run = try scrutiny(["import", "report.txt", "--into", "panel.json"], in: scratch)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.hasSuffix("""
            report.txt:31: warning: a line in the list “Interviews carried out so far” that is not an item; kept as an imported note: “The panel also read papers.”
            1 warning: nothing was dropped; see the imported notes.

            """), run.out)
        let stored = try PanelStore.load(from: scratch.file("panel.json"))
        XCTAssertEqual(stored.notes.map(\.origin), ["import: report.txt line 31"])
    }

    func testGarbageLeavesNoStoreAndAnExistingStoreUntouched() throws {
        let scratch = try ScratchFolder()
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: scratch.file("photo.txt"))
        let refused = try scrutiny(["import", "photo.txt", "--into", "panel.json"], in: scratch)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.out, "")
        XCTAssertEqual(refused.err, "scrutiny: photo.txt: not a text file (binary data at byte 0). "
                       + "Save the report as plain text (.txt, UTF-8) and import that.\n")
        XCTAssertEqual(try scratch.names(), ["photo.txt"])

        try withSeed(scratch)
        XCTAssertEqual(try scrutiny(["import", "report.txt", "--into", "panel.json"], in: scratch).status, 0)
        let bytes = try Data(contentsOf: scratch.file("panel.json"))
        try Data().write(to: scratch.file("empty.txt"))
        let empty = try scrutiny(["import", "empty.txt", "--into", "panel.json"], in: scratch)
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.err, "scrutiny: empty.txt: the file is empty, so there is nothing to import.\n")
        XCTAssertEqual(try Data(contentsOf: scratch.file("panel.json")), bytes)
        XCTAssertEqual(try scratch.names(), ["empty.txt", "panel.json", "photo.txt", "report.txt"])
    }

    func testGridFromCSVAndPlainCellsAtACell() throws {
        let scratch = try ScratchFolder()
        try withSeed(scratch)
        XCTAssertEqual(try scrutiny(["import", "report.txt", "--into", "panel.json"], in: scratch).status, 0)
        try Data(",Workforce\r\nEquity,\"Few staff, \"\"high\"\" turnover\nand vacancies\"\r\n".utf8).write(to: scratch.file("grid.csv"))
        let grid = try scrutiny(["import", "grid.csv", "--into", "panel.json", "--grid"], in: scratch)
        XCTAssertEqual(grid.status, 0, grid.err)
        XCTAssertEqual(grid.out, "Merged panel.json from grid.csv: 1 dimension added, 1 cell filled or changed.\n")
        var stored = try PanelStore.load(from: scratch.file("panel.json"))
        let equity = stored.framework.criteria.first { $0.name == "Equity" }!.id
        XCTAssertEqual(stored.framework[equity, stored.framework.dimensions.last!.id], "Few staff, \"high\" turnover\nand vacancies")

        try Data("one\ttwo\nthree\n".utf8).write(to: scratch.file("cells.tsv"))
        let cells = try scrutiny(["import", "cells.tsv", "--into", "panel.json", "--grid", "--at", "Sufficiency,Outcomes"], in: scratch)
        XCTAssertEqual(cells.out, "Merged panel.json from cells.tsv: 2 cells filled or changed (0 of them replaced text); "
                       + "1 cell fell beyond the grid and was left out.\n")
        stored = try PanelStore.load(from: scratch.file("panel.json"))
        let sufficiency = stored.framework.criteria.last!.id
        XCTAssertEqual(stored.framework[sufficiency, stored.framework.dimensions[2].id], "one")
        XCTAssertEqual(stored.framework[sufficiency, stored.framework.dimensions[3].id], "two")

        let wrong = try scrutiny(["import", "cells.tsv", "--into", "panel.json", "--grid", "--at", "Nope,Outcomes"], in: scratch)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.err, "scrutiny: panel.json: no cell “Nope,Outcomes”: give a criterion and a dimension of the grid, as in \"Equity,Outcomes\".\n")
    }

    func testExportToStandardOutputAndToAFile() throws {
        let scratch = try ScratchFolder()
        try withSeed(scratch)
        XCTAssertEqual(try scrutiny(["import", "report.txt", "--into", "panel.json"], in: scratch).status, 0)
        let stored = try PanelStore.load(from: scratch.file("panel.json"))

        let markdown = try scrutiny(["export", "panel.json", "--format", "markdown"], in: scratch)
        XCTAssertEqual(markdown.status, 0, markdown.err)
        XCTAssertEqual(markdown.out, MarkdownExporter.export(stored))

        let csv = try scrutiny(["export", "panel.json", "--format", "csv", "--bom", "-o", "grid.csv"], in: scratch)
        XCTAssertEqual(csv.status, 0, csv.err)
        XCTAssertEqual(csv.out, "")
        XCTAssertEqual(try Data(contentsOf: scratch.file("grid.csv")), Data(CSVExporter.export(stored, byteOrderMark: true).utf8))

        let html = try scrutiny(["export", "panel.json", "--format", "html", "-o", "update.html"], in: scratch)
        XCTAssertEqual(html.status, 0, html.err)
        XCTAssertEqual(try String(contentsOf: scratch.file("update.html"), encoding: .utf8), HTMLExporter.export(stored))

        let json = try scrutiny(["export", "panel.json", "--format", "json"], in: scratch)
        XCTAssertEqual(Data(json.out.utf8), try Data(contentsOf: scratch.file("panel.json")))

        let bom = try scrutiny(["export", "panel.json", "--format", "html", "--bom"], in: scratch)
        XCTAssertEqual(bom.status, 64)
        XCTAssertTrue(bom.err.contains("--bom only applies to --format csv."), bom.err)

        let missing = try scrutiny(["export", "panel.json", "-o", "no/such/folder/update.md"], in: scratch)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.hasPrefix("scrutiny: "), missing.err)
        XCTAssertTrue(missing.err.contains("does not exist"), missing.err)
    }
}
