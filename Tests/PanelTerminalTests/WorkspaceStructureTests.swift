import XCTest
import PanelModel
@testable import PanelTerminal

/// Adding, renaming, deleting (with y/n) and reordering rows, columns, questions and schedule
/// items, and undoing each.
final class WorkspaceStructureTests: XCTestCase {
    func testAddCriterionBelowTheSelectedOneAndUndo() {
        var driver = WorkspaceDriver()
        driver.press("o")
        XCTAssertEqual(driver.screen().line(23), "New criterion:")
        driver.type("Sustainability")
        driver.press("enter")
        XCTAssertEqual(driver.document.framework.criteria.map(\.name),
                       ["Effectiveness", "Sustainability", "Efficiency", "Equity"])
        XCTAssertEqual(driver.workspace.position, "Sustainability × Diagnosis")
        XCTAssertEqual(driver.message, "Added criterion “Sustainability”")
        driver.press("u")
        XCTAssertEqual(driver.document, TestPanel.make())
        XCTAssertEqual(driver.message, "Undid adding criterion “Sustainability”")
        driver.press("C-r")
        XCTAssertEqual(driver.document.framework.criteria.count, 4)
    }

    func testAddDimensionAfterTheSelectedOne() {
        var driver = WorkspaceDriver()
        driver.press("l", "O")
        driver.type("Voice")
        driver.press("enter")
        XCTAssertEqual(driver.document.framework.dimensions.map(\.name),
                       ["Diagnosis", "Provision/Funding", "Voice", "Outcomes"])
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Voice")
    }

    func testAddWithAnEmptyNameAddsNothingAndEscCancels() {
        var driver = WorkspaceDriver()
        driver.press("o", "enter")
        XCTAssertEqual(driver.message, "Nothing added: a criterion needs a name")
        driver.press("o")
        driver.type("Half")
        driver.press("esc")
        XCTAssertEqual(driver.document, TestPanel.make())
        XCTAssertEqual(driver.workspace.mode, .normal)
    }

    func testRenameCriterionAndDimensionInPlace() {
        var driver = WorkspaceDriver()
        driver.press("j", "j", "r", "C-u")
        driver.type("Fairness")
        driver.press("enter", "R")
        driver.type(" done")
        driver.press("enter")
        XCTAssertEqual(driver.document.framework.criteria[2], AxisItem(id: "crit-equity", name: "Fairness"))
        XCTAssertEqual(driver.document.framework.dimensions[0], AxisItem(id: "dim-diagnosis", name: "Diagnosis done"))
        XCTAssertEqual(driver.cell("equity", "diagnosis"), "Lack of data", "renaming never moves text")
        driver.press("u")
        XCTAssertEqual(driver.message, "Undid renaming dimension “Diagnosis” to “Diagnosis done”")
        driver.press("u")
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testEmptyingANameKeepsTheOldOne() {
        var driver = WorkspaceDriver()
        driver.press("r", "C-u", "enter")
        XCTAssertEqual(driver.document.framework.criteria[0].name, "Effectiveness")
        XCTAssertEqual(driver.message, "A name cannot be empty: the old name is kept")
    }

    func testDeleteCriterionAsksFirstSayingWhatHappensToNotes() {
        var driver = WorkspaceDriver()
        driver.press("G", "d r")
        XCTAssertEqual(driver.screen().line(23),
                       "Delete criterion “Equity” and its 1 filled cell? 1 note becomes unfiled. (y/n)")
        driver.press("n")
        XCTAssertEqual(driver.document, TestPanel.make())
        XCTAssertEqual(driver.message, "Nothing deleted")
        driver.press("d r", "z")
        XCTAssertEqual(driver.message, "y deletes, n keeps it")
        driver.press("y")
        XCTAssertEqual(driver.document.framework.criteria.map(\.name), ["Effectiveness", "Efficiency"])
        XCTAssertNil(driver.document.notes[0].subject, "its note is kept, unfiled")
        XCTAssertEqual(driver.workspace.position, "Efficiency × Diagnosis")
        driver.press("u")
        XCTAssertEqual(driver.document, TestPanel.make())
        XCTAssertEqual(driver.workspace.position, "Equity × Diagnosis")
    }

    func testDeleteDimensionWithEscCancelling() {
        var driver = WorkspaceDriver()
        driver.press("l", "d c")
        XCTAssertEqual(driver.screen().line(23), "Delete dimension “Provision/Funding” and its 1 filled cell? (y/n)")
        driver.press("esc")
        XCTAssertEqual(driver.document, TestPanel.make())
        driver.press("d c", "y")
        XCTAssertEqual(driver.document.framework.dimensions.map(\.name), ["Diagnosis", "Outcomes"])
        XCTAssertEqual(driver.message, "Deleted — u undoes")
    }

    func testReorderCriteriaAndDimensionsAndUndo() {
        var driver = WorkspaceDriver()
        driver.press("J", "J", "J")
        XCTAssertEqual(driver.document.framework.criteria.map(\.name), ["Efficiency", "Equity", "Effectiveness"])
        XCTAssertEqual(driver.message, "Already at the end")
        driver.press("L", "H", "H")
        XCTAssertEqual(driver.document.framework.dimensions.map(\.name), ["Diagnosis", "Provision/Funding", "Outcomes"])
        for _ in 0..<4 { driver.press("u") }
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testScheduleAddRenameStatusKindReorderDelete() {
        var driver = WorkspaceDriver()
        driver.press("1", "a")
        driver.type("Site visit")
        driver.press("enter")
        let added = driver.document.schedule.last!
        XCTAssertEqual(added.title, "Site visit")
        XCTAssertNil(added.date)
        XCTAssertEqual(driver.workspace.selection.scheduleItem, added.id)
        driver.press("K")
        XCTAssertEqual(ScheduleList.itemIDs(driver.document.schedule, today: TestPanel.today).suffix(3),
                       ["item-survey", added.id, "item-visit"])
        driver.press("s")
        XCTAssertEqual(driver.document.schedule.first { $0.id == added.id }?.status, .held)
        XCTAssertEqual(driver.message, "“Site visit” is now held")
        driver.press("T")
        XCTAssertEqual(driver.document.schedule.first { $0.id == added.id }?.kind, .visit)
        driver.press("r", "C-u")
        driver.type("School visit")
        driver.press("enter")
        XCTAssertEqual(driver.document.schedule.first { $0.id == added.id }?.title, "School visit")
        driver.press("d d")
        XCTAssertEqual(driver.screen().line(23), "Delete “School visit”? (y/n)")
        driver.press("y")
        XCTAssertNil(driver.document.scheduleIndex(added.id))
        for _ in 0..<6 { driver.press("u") }
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testDatedScheduleItemsCannotBeReorderedAgainstTheirDates() {
        var driver = WorkspaceDriver()
        driver.press("1", "j", "j", "j", "K")
        XCTAssertEqual(driver.message, "The schedule is in date order: change the date to move “10 special schools”")
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testDeletingAScheduleItemSaysItsNotesLoseTheirSource() {
        var driver = WorkspaceDriver()
        driver.press("1", "j", "d d")
        XCTAssertEqual(driver.screen().line(23), "Delete “SENDIASS”? 1 note loses its source. (y/n)")
        driver.press("y")
        XCTAssertNil(driver.document.notes[1].source)
        XCTAssertEqual(driver.workspace.selection.scheduleItem, "item-autism")
    }

    func testQuestionsAddStatusReorderDelete() {
        var driver = WorkspaceDriver()
        driver.press("3", "j", "a")
        driver.type("Transport")
        driver.press("enter")
        XCTAssertEqual(driver.document.questions.map(\.number), ["5.1", "5.2", "5.3"])
        XCTAssertEqual(driver.document.questions[2].title, "Transport")
        XCTAssertEqual(driver.workspace.position, "Question 5.3 · open")
        driver.press("s", "s")
        XCTAssertEqual(driver.document.questions[2].status, .answered)
        driver.press("K")
        XCTAssertEqual(driver.document.questions.map(\.title), ["ENG and Clusters", "Transport", "Equity"])
        driver.press("g g", "d d")
        XCTAssertEqual(driver.screen().line(23), "Delete question 5.1 “ENG and Clusters”? 1 note becomes unfiled. (y/n)")
        driver.press("y")
        XCTAssertEqual(driver.document.questions.map(\.title), ["Transport", "Equity"])
        XCTAssertNil(driver.document.notes[1].subject)
        for _ in 0..<5 { driver.press("u") }
        XCTAssertEqual(driver.document, TestPanel.make())
        XCTAssertEqual(driver.message, "Undid adding question 5.3")
        driver.press("u")
        XCTAssertEqual(driver.message, "Nothing to undo")
    }

    func testNextQuestionNumberFollowsTheLastOne() {
        XCTAssertEqual(Workspace.nextQuestionNumber([]), "1")
        XCTAssertEqual(Workspace.nextQuestionNumber(["5.1", "5.9"]), "5.10")
        XCTAssertEqual(Workspace.nextQuestionNumber(["3"]), "4")
        XCTAssertEqual(Workspace.nextQuestionNumber(["A", "B"]), "3")
    }
}
