import XCTest
import PanelModel
@testable import PanelTerminal

/// Moving around by key names: focus, panes, and the selection in each pane.
final class WorkspaceNavigationTests: XCTestCase {
    func testStartsOnTheGridsFirstCell() {
        let driver = WorkspaceDriver()
        XCTAssertEqual(driver.workspace.focus, .framework)
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Diagnosis")
    }

    func testArrowsAndHJKLMoveInTheGridStoppingAtTheEdges() {
        var driver = WorkspaceDriver()
        driver.press("j", "j", "l")
        XCTAssertEqual(driver.workspace.position, "Equity × Provision/Funding")
        driver.press("down", "right", "right", "right")
        XCTAssertEqual(driver.workspace.position, "Equity × Outcomes")
        driver.press("up", "h", "left")
        XCTAssertEqual(driver.workspace.position, "Efficiency × Diagnosis")
        driver.press("end")
        XCTAssertEqual(driver.workspace.position, "Efficiency × Outcomes")
        driver.press("home", "G")
        XCTAssertEqual(driver.workspace.position, "Equity × Diagnosis")
        driver.press("g g")
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Diagnosis")
        driver.press("pagedown")
        XCTAssertEqual(driver.workspace.position, "Equity × Diagnosis")
        driver.press("pageup")
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Diagnosis")
    }

    func testTabCyclesThePanesAndNumbersFocusThem() {
        var driver = WorkspaceDriver()
        driver.press("tab")
        XCTAssertEqual(driver.workspace.focus, .questions)
        driver.press("tab")
        XCTAssertEqual(driver.workspace.focus, .schedule)
        driver.press("tab")
        XCTAssertEqual(driver.workspace.focus, .framework)
        driver.press("S-tab")
        XCTAssertEqual(driver.workspace.focus, .schedule)
        driver.press("3")
        XCTAssertEqual(driver.workspace.focus, .questions)
        driver.press("1")
        XCTAssertEqual(driver.workspace.focus, .schedule)
        driver.press("2")
        XCTAssertEqual(driver.workspace.focus, .framework)
    }

    func testScheduleMovesInListedOrderHeldThenUpcomingThenUnscheduled() {
        var driver = WorkspaceDriver()
        driver.press("1")
        var visited = [driver.workspace.selection.scheduleItem!]
        for _ in 0..<7 {
            driver.press("j")
            visited.append(driver.workspace.selection.scheduleItem!)
        }
        XCTAssertEqual(visited, ["item-vikram", "item-sendiass", "item-forum", "item-workshop", "item-autism",
                                 "item-survey", "item-visit", "item-visit"])
        XCTAssertEqual(driver.workspace.position, "to be scheduled · visit")
        driver.press("g g")
        XCTAssertEqual(driver.workspace.position, "3 Oct 23 · interview")
    }

    func testQuestionsMove() {
        var driver = WorkspaceDriver()
        driver.press("3", "j")
        XCTAssertEqual(driver.workspace.position, "Question 5.2 · pursuing")
        driver.press("k")
        XCTAssertEqual(driver.workspace.position, "Question 5.1 · open")
    }

    func testSelectionFollowsTheItemWhenItIsReordered() {
        var driver = WorkspaceDriver()
        driver.press("G", "K")
        XCTAssertEqual(driver.document.framework.criteria.map(\.name), ["Effectiveness", "Equity", "Efficiency"])
        XCTAssertEqual(driver.workspace.position, "Equity × Diagnosis")
        driver.press("l", "L")
        XCTAssertEqual(driver.document.framework.dimensions.map(\.name), ["Diagnosis", "Outcomes", "Provision/Funding"])
        XCTAssertEqual(driver.workspace.position, "Equity × Provision/Funding")
    }

    func testUnboundKeysSayWhatToDoInsteadOfDoingSomething() {
        var driver = WorkspaceDriver()
        let before = driver.document
        driver.press("C-c")
        XCTAssertEqual(driver.message, "C-c: not bound here — ? for help; q quits, everything is saved")
        driver.press("d", "x")
        XCTAssertEqual(driver.message, "d x: not bound here — ? for help; q quits, everything is saved")
        XCTAssertEqual(driver.document, before)
        XCTAssertEqual(driver.effects, [])
    }

    func testQuitSuspendAndRedrawAreAskedOfTheHost() {
        var driver = WorkspaceDriver()
        driver.press("q")
        XCTAssertEqual(driver.effects, [.quit])
        driver.effects = []
        driver.press("C-z")
        XCTAssertEqual(driver.effects, [.suspend])
        driver.effects = []
        driver.press("C-l")
        XCTAssertEqual(driver.effects, [.redraw])
    }

    func testGridScrollsBothWaysKeepingHeadersInView() {
        var document = PanelDocument()
        document.framework = Framework(
            criteria: (1...12).map { AxisItem(id: "c\($0)", name: "Row \($0)") },
            dimensions: (1...5).map { AxisItem(id: "d\($0)", name: "Column \($0)") })
        document.framework["c12", "d5"] = "last cell"
        var driver = WorkspaceDriver(document)
        driver.press("G", "end")
        let screen = driver.screen()
        XCTAssertEqual(String(screen.line(2).dropFirst(30)), "│      ‹▴│ Column 4          │ Column 5          │")
        XCTAssertEqual(String(screen.line(13).dropFirst(30)), "│ Row 12 │                   │ last cell         │")
        XCTAssertEqual(driver.workspace.position, "Row 12 × Column 5")
        driver.press("g g", "home")
        XCTAssertEqual(String(driver.screen().line(2).dropFirst(30)), "│        │ Column 1          │ Column 2         ›│")
        XCTAssertEqual(String(driver.screen().line(3).dropFirst(30)), "│ Row 1  │                   │                   │")
    }

    func testResizeKeepsTheSelection() {
        var driver = WorkspaceDriver()
        driver.press("j", "l")
        driver.resize(160, 50)
        XCTAssertEqual(driver.workspace.position, "Efficiency × Provision/Funding")
        driver.resize(60, 20)
        driver.resize(80, 24)
        XCTAssertEqual(driver.workspace.position, "Efficiency × Provision/Funding")
    }
}
