import PanelModel
import XCTest
@testable import PanelTerminal

/// Merge conflicts in the workspace: marked where they are, found with `c n`, resolved with
/// `c o` (keep ours: the text in place, edited or not) or `c t` (take theirs), undoable.
final class WorkspaceConflictTests: XCTestCase {
    let equityDiagnosis = TestPanel.key("equity", "diagnosis")

    /// The test panel after a merge: a cell, a question title and a note each changed on both sides.
    var merged: PanelDocument {
        var doc = TestPanel.make()
        doc.conflicts = [
            MergeConflict(kind: .editedOnBothSides, place: .cell(equityDiagnosis),
                          base: "", ours: "Lack of data", theirs: "Data from 2022 only"),
            MergeConflict(kind: .editedOnBothSides, place: .item(.question, id: "q-equity", field: "title"),
                          base: "Equity?", ours: "Equity", theirs: "Fairness"),
            MergeConflict(kind: .editedOnBothSides, place: .item(.note, id: "note-2", field: "text"),
                          base: "Clusters", ours: "Clusters vary", theirs: "Clusters differ"),
        ]
        return doc
    }

    func testConflictsAreMarkedWhereTheyAre() {
        let screen = WorkspaceDriver(merged).screen()
        // The cell's one note keeps its evidence mark beside the conflict mark.
        XCTAssertEqual(screen.line(11), "│         —  S SENDCOs survey││ Equity        │ Lack of     1◆≠│               │")
        XCTAssertEqual(screen[62, 11].style, Style(.mark, bold: true))
        XCTAssertEqual(screen.line(19), "│                            ││≠5.2 Equity       pursuing  Focus on this acros…│")
        XCTAssertEqual(screen[31, 19].style, Style(.mark, bold: true))
        // Nothing else is marked.
        XCTAssertEqual(screen.text.filter { $0 == "≠" }.count, 2)
    }

    func testNextConflictSelectsItAndTheBottomLineShowsTheirs() {
        var driver = WorkspaceDriver(merged)
        driver.press("c n")
        XCTAssertEqual(driver.workspace.focus, .framework)
        XCTAssertEqual(driver.workspace.selection.criterion, "crit-equity")
        XCTAssertEqual(driver.workspace.selection.dimension, "dim-diagnosis")
        XCTAssertEqual(driver.message, "Conflict 1 of 3: cell Equity × Diagnosis")
        XCTAssertTrue(driver.screen().line(23).hasSuffix("≠ theirs: “Data from 2022 only”"), driver.screen().line(23))

        driver.press("c n")
        XCTAssertEqual(driver.workspace.focus, .questions)
        XCTAssertEqual(driver.workspace.selection.question, "q-equity")
        XCTAssertEqual(driver.message, "Conflict 2 of 3: question 5.2 title")
        // With no message, the hints lead with the conflict keys.
        driver.press("esc")
        XCTAssertTrue(driver.screen().line(23).hasPrefix(" c o keep ours  c t take theirs  enter edit to combine "),
                      driver.screen().line(23))

        driver.press("c n")
        XCTAssertEqual(driver.message, "Conflict 3 of 3: note note-2 text: changed differently on both sides "
                       + "(ours “Clusters vary”, theirs “Clusters differ”)")
        driver.press("c n")
        XCTAssertEqual(driver.message, "Conflict 1 of 3: cell Equity × Diagnosis")
    }

    func testTakingTheirsIsOneUndoableStep() {
        var driver = WorkspaceDriver(merged)
        driver.press("c n", "c t")
        XCTAssertEqual(driver.document.framework[equityDiagnosis], "Data from 2022 only")
        XCTAssertEqual(driver.document.conflicts.count, 2)
        XCTAssertEqual(driver.message, "Took theirs in cell Equity × Diagnosis; 2 conflicts left")
        XCTAssertEqual(driver.saves.last, driver.document)
        XCTAssertEqual(driver.screen().text.filter { $0 == "≠" }.count, 1)

        driver.press("u")
        XCTAssertEqual(driver.document, merged)
        XCTAssertEqual(driver.message, "Undid resolve conflict in cell Equity × Diagnosis")
    }

    func testEditingThenKeepingOursCombinesBothVersions() {
        var driver = WorkspaceDriver(merged)
        driver.press("c n", "enter")
        driver.type(", but data from 2022")
        driver.press("enter", "c o")
        XCTAssertEqual(driver.document.framework[equityDiagnosis], "Lack of data, but data from 2022")
        XCTAssertEqual(driver.document.conflicts.map(\.place),
                       [.item(.question, id: "q-equity", field: "title"), .item(.note, id: "note-2", field: "text")])
        XCTAssertEqual(driver.message, "Kept ours in cell Equity × Diagnosis; 2 conflicts left")
    }

    func testAConflictNoPaneShowsIsResolvedAfterNextConflictNamesIt() {
        var driver = WorkspaceDriver(merged)
        driver.press("c n", "c n", "c n", "c t")
        XCTAssertEqual(driver.document.notes.first { $0.id == "note-2" }?.text, "Clusters differ")
        XCTAssertEqual(driver.message, "Took theirs in note note-2 text; 2 conflicts left")
    }

    func testTheKeysSayWhenThereIsNoConflictHere() {
        var driver = WorkspaceDriver(merged)
        driver.press("c o")
        XCTAssertEqual(driver.message, "No merge conflict here; 3 elsewhere (c n goes to one)")
        XCTAssertEqual(driver.document, merged)
        var clean = WorkspaceDriver()
        clean.press("c n")
        XCTAssertEqual(clean.message, "No merge conflicts")
    }
}
