import XCTest
@testable import PanelModel

/// Tables into the grid: pasted tab-separated text from the cursor, and CSV/TSV files read by
/// SwiftCSV (quotes, doubled quotes, line breaks inside cells).
final class GridImportTests: XCTestCase {
    private func panel() throws -> PanelDocument {
        try ImportMerge.edit(into: PanelDocument(), from: SeedReport.imported().document).edit.applied(to: PanelDocument())
    }

    private func key(_ doc: PanelDocument, _ criterion: String, _ dimension: String) -> CellKey {
        CellKey(criterion: doc.framework.criteria.first { $0.name == criterion }!.id,
                dimension: doc.framework.dimensions.first { $0.name == dimension }!.id)
    }

    // MARK: Paste

    func testPasteFillsFromTheCursorAndCountsOverwrites() throws {
        let doc = try panel()
        // Equity × Mild… and Institutions are empty; Accountability × Mild… is empty too;
        // Equity × Outcomes (one to the left) is not touched.
        let text = "Few specialist places.\tSchools differ.\r\nNo data on severity.\t\n"
        let origin = key(doc, "Equity", "Mild/ Moderate/ Severe need")
        let plan = GridPaste.plan(doc, text: text, at: origin)
        XCTAssertEqual(plan.overwrites, 0)
        XCTAssertEqual(plan.outside, 0)
        XCTAssertEqual(plan.changed, 3)
        let pasted = try plan.edit.applied(to: doc)
        XCTAssertEqual(pasted.framework[origin], "Few specialist places.")
        XCTAssertEqual(pasted.framework[key(doc, "Equity", "Institutions")], "Schools differ.")
        XCTAssertEqual(pasted.framework[key(doc, "Accountability", "Mild/ Moderate/ Severe need")], "No data on severity.")
        XCTAssertEqual(pasted.framework[key(doc, "Accountability", "Institutions")], "", "an empty pasted cell erases nothing")
        guard case .batch(let label, let edits) = plan.edit else { return XCTFail("one batch") }
        XCTAssertEqual(label, "paste 3 cells")
        XCTAssertEqual(edits.count, 3)
        XCTAssertEqual(try plan.edit.inverse.applied(to: pasted), doc)
    }

    func testPasteOverNonEmptyCellsAndBeyondTheGrid() throws {
        let doc = try panel()
        let origin = key(doc, "Sufficiency", "Outcomes")
        let (edit, overwrites) = GridPaste.edit(doc, text: "A\tB\tC\tD\nE\tF", at: origin)
        XCTAssertEqual(overwrites, 0)
        let plan = GridPaste.plan(doc, text: "A\tB\tC\tD\nE\tF", at: origin)
        XCTAssertEqual(plan.outside, 3, "D is beyond the last dimension; E and F below the last criterion")
        XCTAssertEqual(plan.edit, edit)

        // The first pasted cell repeats what Appropriacy × Diagnosis holds: no change, no
        // question asked. The second replaces Appropriacy × Provision/ Funding.
        let same = "Early Years diagnosis delayed under 'developmental' heading. Reception children being left on part time timetables (often due to wrong placement)"
        let over = GridPaste.plan(doc, text: same + "\tnew text", at: key(doc, "Appropriacy", "Diagnosis"))
        XCTAssertEqual(over.overwrites, 1)
        XCTAssertEqual(over.changed, 1)
    }

    func testPasteAtACellThatDoesNotExist() throws {
        let doc = try panel()
        let plan = GridPaste.plan(doc, text: "A\tB", at: CellKey(criterion: "gone", dimension: "gone"))
        XCTAssertEqual(plan.edit, .batch("paste", []))
        XCTAssertEqual(plan.outside, 2)
    }

    func testPasteRows() {
        XCTAssertEqual(GridPaste.rows("a\tb\r\nc\n\n"), [["a", "b"], ["c"]])
        XCTAssertEqual(GridPaste.rows(" a \t\tb"), [["a", "", "b"]])
    }

    // MARK: Files

    func testCSVWithQuotesCommasAndLineBreaks() throws {
        let csv = ",Diagnosis,Workforce\r\n"
            + "Equity,\"Costs, and \"\"private\"\" diagnoses\nvary\",Few staff\r\n"
            + "Reach,,\"Two\r\nlines\"\r\n"
        let rows = try GridImporter.rows(Data(csv.utf8), format: .csv, file: "grid.csv")
        XCTAssertEqual(rows, [["", "Diagnosis", "Workforce"],
                              ["Equity", "Costs, and \"private\" diagnoses\nvary", "Few staff"],
                              ["Reach", "", "Two\nlines"]])

        let doc = try panel()
        let (edit, summary) = GridImporter.edit(doc, rows: rows)
        let merged = try edit.applied(to: doc)
        XCTAssertEqual(summary.description, "1 criterion added, 1 dimension added, 3 cells filled or changed")
        XCTAssertEqual(merged.framework[key(merged, "Equity", "Diagnosis")], "Costs, and \"private\" diagnoses\nvary")
        XCTAssertEqual(merged.framework[key(merged, "Equity", "Workforce")], "Few staff")
        XCTAssertEqual(merged.framework[key(merged, "Reach", "Workforce")], "Two\nlines")
        XCTAssertEqual(merged.framework.criteria.count, 7)
    }

    func testTSVAndAWordTableWithAStrayQuote() throws {
        let tsv = "\tDiagnosis\tOutcomes\nEquity\t\"Quoted\" words, then more\tBetter\n"
        let rows = try GridImporter.rows(Data(tsv.utf8), format: .tsv, file: "grid.tsv")
        XCTAssertEqual(rows, [["", "Diagnosis", "Outcomes"], ["Equity", "\"Quoted\" words, then more", "Better"]])
        let quoted = "\tDiagnosis\nEquity\t\"two\nlines\"\n"
        XCTAssertEqual(try GridImporter.rows(Data(quoted.utf8), format: .tsv, file: "grid.tsv"),
                       [["", "Diagnosis"], ["Equity", "two\nlines"]])
    }

    func testBrokenCSVIsRefusedWithAMessage() {
        XCTAssertThrowsError(try GridImporter.rows(Data("a,\"b\"c\n".utf8), format: .csv, file: "grid.csv")) { error in
            guard case ReportImportError.notATable(let file, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "grid.csv")
            XCTAssertTrue(reason.hasSuffix("Check that quoted cells close their quotes, and that quotes inside a cell are doubled (\"\")"))
        }
        XCTAssertThrowsError(try GridImporter.rows(Data(), format: .csv, file: "grid.csv")) { error in
            XCTAssertEqual(error as? ReportImportError, .empty(file: "grid.csv"))
        }
    }

    func testUnplacedTableCellsAreReported() {
        let rows = [["", "Diagnosis", ""], ["Equity", "x", "beyond"], ["", "no criterion"]]
        XCTAssertEqual(GridImporter.unplaced(rows).map(\.row), [2, 3])
        XCTAssertEqual(GridImporter.unplaced(rows).map(\.text), ["beyond", "no criterion"])
    }

    func testFormatFromTheFileName() {
        XCTAssertEqual(GridImporter.Format(path: "grid.CSV"), .csv)
        XCTAssertEqual(GridImporter.Format(path: "a/grid.tsv"), .tsv)
        XCTAssertNil(GridImporter.Format(path: "grid.xlsx"))
    }
}
