import XCTest
import PanelModel
@testable import PanelTerminal

/// `/` search over cells, questions, schedule and panel fields; C-n / C-p (n and N are the notes); highlights.
final class WorkspaceSearchTests: XCTestCase {
    func testSearchGoesToTheNextMatchAndNAndShiftNWalkThem() {
        var driver = WorkspaceDriver()
        driver.press("/")
        driver.type("SCHOOL")
        driver.press("enter")
        // From Effectiveness × Diagnosis, the next match in screen order is the next cell.
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Provision/Funding")
        XCTAssertEqual(driver.message, "Match 2 of 2 for “SCHOOL”")
        driver.press("C-n")
        XCTAssertEqual(driver.workspace.focus, .schedule)
        XCTAssertEqual(driver.workspace.selection.scheduleItem, "item-workshop")
        XCTAssertEqual(driver.message, "Match 1 of 2 for “SCHOOL”")
        driver.press("C-p")
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Provision/Funding")
        driver.press("C-p")
        XCTAssertEqual(driver.workspace.selection.scheduleItem, "item-workshop")
        XCTAssertEqual(driver.workspace.focus, .schedule)
    }

    func testSearchFindsQuestionsAndPanelFields() {
        var driver = WorkspaceDriver()
        driver.press("/")
        driver.type("whole")
        driver.press("enter")
        XCTAssertEqual(driver.message, "No match for “whole”")
        driver.press("/")
        driver.type("clusters")
        driver.press("enter")
        XCTAssertEqual(driver.workspace.position, "Question 5.1 · open")
        driver.press("/")
        driver.type("mcnamara")
        driver.press("enter")
        XCTAssertEqual(driver.message,
                       "Match 1 of 1 for “mcnamara” in the panel's Chair: Councillor Sylvia McNamara")
    }

    func testNWithoutASearchSaysSo() {
        var driver = WorkspaceDriver()
        driver.press("C-n")
        XCTAssertEqual(driver.message, "No search yet: / searches")
    }

    func testMatchesAreHighlightedUntilEsc() {
        var driver = WorkspaceDriver()
        driver.press("/")
        driver.type("data")
        driver.press("enter")
        XCTAssertEqual(driver.workspace.position, "Equity × Diagnosis")
        driver.press("k")  // move off the match so the highlight is not hidden by the selection
        var screen = driver.screen()
        // "Lack of data" on line 11 from column 48: "data" is columns 56–59.
        XCTAssertEqual(screen.line(11), "│         —  S SENDCOs survey││ Equity        │ Lack of data 1◆│               │")
        XCTAssertEqual((55...60).map { screen[$0, 11].style.role }, [.normal, .match, .match, .match, .match, .normal])
        driver.press("esc")
        screen = driver.screen()
        XCTAssertEqual(screen[56, 11].style.role, .normal)
    }

    func testMatchesInTheScheduleAndQuestionsAreHighlightedToo() {
        var driver = WorkspaceDriver()
        driver.press("/")
        driver.type("forum")
        driver.press("enter", "2")
        var screen = driver.screen()
        XCTAssertEqual(screen.line(6), "│  1 Mar 24  F ✗ Parents for…││               │                │ level of n… +4│")
        // The title starts at column 15, after the kind's initial; "forum" starts at column 25
        // and is cut at the pane's edge. The line is the schedule's (unfocused) selection, so it
        // is not dimmed.
        XCTAssertEqual((24...28).map { screen[$0, 6].style.role }, [.normal, .match, .match, .match, .match])
        driver.press("/")
        driver.type("piece")
        driver.press("enter", "2")
        screen = driver.screen()
        XCTAssertEqual(screen.line(19), "│                            ││ 5.2 Equity       pursuing  Focus on this acros…│")
        XCTAssertEqual(screen[59, 19].style.role, .normal, "the match is past the visible text")
        driver.press("/")
        driver.type("focus")
        driver.press("enter", "2")
        screen = driver.screen()
        XCTAssertEqual((58...63).map { screen[$0, 19].style.role }, [.normal, .match, .match, .match, .match, .match])
    }
}
