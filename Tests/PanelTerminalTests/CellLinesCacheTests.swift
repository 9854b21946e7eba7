import XCTest
import PanelModel
@testable import PanelTerminal

/// The workspace's memory of wrapped cells gives exactly what wrapping afresh gives, and
/// forgets a cell's lines as soon as its text changes.
final class CellLinesCacheTests: XCTestCase {
    let key = CellKey(criterion: "effectiveness", dimension: "diagnosis")

    func testRemembersACellUntilItsTextChanges() {
        let cache = CellLinesCache()
        let long = "Depends on condition being diagnosed and on the waiting list in each locality"
        let first = cache.lines(long, cell: key, width: 12, height: 3)
        XCTAssertEqual(first, CellText.lines(long, width: 12, height: 3))
        XCTAssertEqual(first.last?.mark, "+5")
        XCTAssertEqual(cache.lines(long, cell: key, width: 12, height: 3), first)
        XCTAssertEqual(cache.count, 1)

        let edited = "Depends"
        XCTAssertEqual(cache.lines(edited, cell: key, width: 12, height: 3), [CellText.Line(text: "Depends", mark: nil)])
        XCTAssertEqual(cache.count, 1, "the edit replaced the cell's entry")
    }

    func testEachSizeIsItsOwnEntry() {
        let cache = CellLinesCache()
        let text = "Waiting times for assessment vary by locality"
        XCTAssertEqual(cache.lines(text, cell: key, width: 10, height: 2), CellText.lines(text, width: 10, height: 2))
        XCTAssertEqual(cache.lines(text, cell: key, width: 30, height: 2), CellText.lines(text, width: 30, height: 2))
        XCTAssertEqual(cache.count, 2)
    }

    func testStartsAgainPastItsCapacity() {
        let cache = CellLinesCache()
        for i in 0..<CellLinesCache.capacity {
            _ = cache.lines("text \(i)", cell: CellKey(criterion: "c\(i)", dimension: "d"), width: 10, height: 2)
        }
        XCTAssertEqual(cache.count, CellLinesCache.capacity)
        _ = cache.lines("one more", cell: key, width: 10, height: 2)
        XCTAssertEqual(cache.count, 1)
    }
}

/// Through the workspace: a screen drawn from remembered cells is the screen a fresh workspace
/// draws for the same document, after an edit and after its undo.
final class CellLinesCacheWorkspaceTests: XCTestCase {
    /// Every line but the last, where messages differ between the two workspaces.
    func panes(_ screen: ScreenBuffer) -> [String] {
        (0..<(screen.height - 1)).map { screen.line($0) }
    }

    func fresh(_ document: PanelDocument, width: Int = 80, height: Int = 24) -> [String] {
        panes(WorkspaceDriver(document, width: width, height: height).screen(width: width, height: height))
    }

    func testAnEditedCellIsRedrawnWithItsNewText() {
        var driver = WorkspaceDriver()
        let before = driver.screen()
        XCTAssertTrue(before.text.contains("Depends"))
        driver.press("enter")
        driver.paste(" Zebra crossing.")
        driver.press("enter")
        XCTAssertEqual(driver.cell("effectiveness", "diagnosis"), "Depends on condition being diagnosed. Zebra crossing.")
        XCTAssertEqual(panes(driver.screen()), fresh(driver.document))
        XCTAssertNotEqual(panes(driver.screen()), panes(before))
        driver.press("u")
        XCTAssertEqual(panes(driver.screen()), panes(before))
        driver.resize(100, 30)
        XCTAssertEqual(panes(driver.screen(width: 100, height: 30)), fresh(driver.document, width: 100, height: 30))
    }
}
