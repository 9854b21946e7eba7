import XCTest
@testable import PanelModel

/// Importing into an existing panel: one undoable batch; matches by name and title; never
/// erases; importing the same report again changes nothing.
final class ImportMergeTests: XCTestCase {
    private func seedPanel() throws -> PanelDocument {
        let imported = try SeedReport.imported().document
        return try ImportMerge.edit(into: PanelDocument(), from: imported).edit.applied(to: PanelDocument())
    }

    func testImportingIntoAnEmptyPanelGivesTheImportedDocument() throws {
        let imported = try SeedReport.imported().document
        let (edit, summary) = ImportMerge.edit(into: PanelDocument(), from: imported)
        guard case .batch(let label, _) = edit else { return XCTFail("an import is one batch") }
        XCTAssertEqual(label, "import")
        XCTAssertEqual(try edit.applied(to: PanelDocument()), imported)
        XCTAssertEqual(summary.description,
                       "17 header fields set, 7 sections added, 22 schedule items added, 6 criteria added, 5 dimensions added, 20 cells filled or changed, 8 questions added")
    }

    func testReimportingTheSameReportChangesNothing() throws {
        let panel = try seedPanel()
        // A fresh import has fresh ids: matching is by names and titles, not ids.
        let again = try ReportImporter.read(text: SeedReport.text, options: .init(fileName: "seed.txt"))
        let (edit, summary) = ImportMerge.edit(into: panel, from: again.document)
        XCTAssertTrue(edit.isNoOp)
        XCTAssertEqual(edit, .batch("import", []))
        XCTAssertEqual(summary.description, "nothing changed")
        XCTAssertEqual(try edit.applied(to: panel), panel)
    }

    func testAChangedCellIsUpdatedInPlaceAndUndoRestoresIt() throws {
        let panel = try seedPanel()
        let changed = try SeedReport.text.replacingOccurrences(
            of: "Some questions about equitable access to independent specialist schools.",
            with: "Clear evidence of unequal access to independent specialist schools.")
        let imported = try ReportImporter.read(text: changed, options: .init(fileName: "march.txt"))
        let (edit, summary) = ImportMerge.edit(into: panel, from: imported.document, label: "import march.txt")

        let equity = panel.framework.criteria.first { $0.name == "Equity" }!.id
        let funding = panel.framework.dimensions.first { $0.name == "Provision/ Funding" }!.id
        let key = CellKey(criterion: equity, dimension: funding)
        XCTAssertEqual(edit, .batch("import march.txt", [.setCell(key,
            from: "Some questions about equitable access to independent specialist schools.",
            to: "Clear evidence of unequal access to independent specialist schools.")]))
        XCTAssertEqual(summary.cellsChanged, 1)

        var document = panel
        var history = History()
        try edit.apply(to: &document)
        history.record(edit)
        XCTAssertEqual(document.framework[key], "Clear evidence of unequal access to independent specialist schools.")
        XCTAssertEqual(document.framework.criteria, panel.framework.criteria, "ids are kept, nothing added")
        _ = try history.undo(&document)
        XCTAssertEqual(document, panel)
    }

    func testNewItemsAreAddedAndMatchesUpdatedFieldByField() throws {
        var panel = try seedPanel()
        // The clerk has worked on the panel since: a status, a note filed under a cell.
        let forum = panel.schedule.firstIndex { $0.title == "Special Parents Forum 2" }!
        panel.schedule[forum].status = .held
        panel.questions[0].status = .pursuing
        let equity = panel.framework.criteria.first { $0.name == "Equity" }!
        panel.notes.append(Note(id: "note-1", at: "2024-03-06T10:00:00+00:00", text: "Parents raised cost",
                                subject: .cell(CellKey(criterion: equity.id, dimension: panel.framework.dimensions[0].id))))

        let next = try SeedReport.text
            .replacingOccurrences(of: "Special Parents Forum 2\t6 March 2024", with: "Special Parents Forum 2\t7 March 2024")
            .replacingOccurrences(of: "Visits to other boroughs (best practice, neighbours etc)\t",
                                  with: "Visits to other boroughs (best practice, neighbours etc)\t\nFocus group with young people\t")
            .replacingOccurrences(of: "5.8. Addressing trauma", with: "5.8. Addressing trauma together")
            .replacingOccurrences(of: "\tInstitutions\n", with: "\tInstitutions\tWorkforce\n")
        let imported = try ReportImporter.read(text: next, options: .init(fileName: "april.txt"))
        let (edit, summary) = ImportMerge.edit(into: panel, from: imported.document)
        let merged = try edit.applied(to: panel)

        XCTAssertEqual(summary.scheduleAdded, 1)
        XCTAssertEqual(summary.scheduleUpdated, 1)
        XCTAssertEqual(summary.questionsUpdated, 1)
        XCTAssertEqual(summary.dimensionsAdded, 1)
        XCTAssertEqual(summary.cellsChanged, 0)
        let updated = merged.schedule[forum]
        XCTAssertEqual(updated.id, panel.schedule[forum].id)
        XCTAssertEqual(updated.date?.iso, "2024-03-07")
        XCTAssertEqual(updated.status, .held, "a report never makes a held item planned again")
        XCTAssertEqual(merged.schedule.last?.title, "Focus group with young people")
        XCTAssertEqual(merged.questions[7].title, "Addressing trauma together")
        XCTAssertEqual(merged.questions[7].id, panel.questions[7].id)
        XCTAssertEqual(merged.questions[0].status, .pursuing)
        XCTAssertEqual(merged.framework.dimensions.map(\.name), SeedReport.seedDimensions + ["Workforce"])
        XCTAssertEqual(merged.notes, panel.notes, "notes filed under the panel's cells stay filed")
        XCTAssertEqual(merged.framework.cells.count, 20)
        XCTAssertEqual(PanelValidator.problems(in: merged), [])
    }

    func testAnImportNeverErases() throws {
        let panel = try seedPanel()
        var sparse = PanelDocument()
        sparse.panel.chair = ""
        sparse.panel.reportTitle = "Panel Update"
        sparse.framework = Framework(criteria: [AxisItem(id: "c", name: "EQUITY")],
                                     dimensions: [AxisItem(id: "d", name: "outcomes")])
        sparse.questions = [Question(id: "q", number: "5.2", title: "", text: "")]
        let (edit, summary) = ImportMerge.edit(into: panel, from: sparse)
        XCTAssertEqual(summary.description, "1 header field set")
        let merged = try edit.applied(to: panel)
        XCTAssertEqual(merged.panel.chair, "Councillor Sylvia McNamara")
        XCTAssertEqual(merged.framework, panel.framework, "names match whatever their case")
        XCTAssertEqual(merged.questions, panel.questions)
    }

    func testImportedNotesAreNotRepeated() throws {
        let text = try SeedReport.text.replacingOccurrences(of: "- SEND engagement and quality\n",
                                                            with: "- SEND engagement and quality\nThe panel also read many papers.\n")
        let first = try ReportImporter.read(text: text, options: .init(fileName: "a.txt"))
        let panel = try ImportMerge.edit(into: PanelDocument(), from: first.document).edit.applied(to: PanelDocument())
        XCTAssertEqual(panel.notes.count, 1)
        XCTAssertTrue(PanelValidator.isTimestamp(panel.notes[0].at), "a real import stamps its notes with now")
        XCTAssertEqual(PanelValidator.problems(in: panel), [])
        let second = try ReportImporter.read(text: text, options: .init(fileName: "a.txt"))
        XCTAssertTrue(ImportMerge.edit(into: panel, from: second.document).edit.isNoOp)
    }

    func testIdsAlreadyUsedInThePanelAreNotReused() throws {
        var panel = PanelDocument()
        panel.schedule = [ScheduleItem(id: "item-royal-free-hospital-visit", kind: .other, title: "Something else")]
        let imported = try SeedReport.imported().document
        let merged = try ImportMerge.edit(into: panel, from: imported).edit.applied(to: panel)
        let ids = merged.schedule.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(merged.schedule.count, 23)
    }
}
