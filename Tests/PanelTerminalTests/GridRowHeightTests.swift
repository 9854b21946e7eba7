import XCTest
import PanelModel
@testable import PanelTerminal

/// The grid's rows share the pane's height when every criterion fits, so the chair reads as
/// much of each cell as the screen allows; when they do not fit, rows keep their fixed height
/// and scroll as before.
final class GridRowHeightTests: XCTestCase {
    private func framework(criteria: Int) -> Framework {
        Framework(criteria: (0..<criteria).map { AxisItem(id: "c\($0)", name: "C\($0)") },
                  dimensions: [AxisItem(id: "d", name: "D")])
    }

    func testRowsShareTheHeightWhenEveryCriterionFits() {
        // 26 lines: one for the dimensions' names, 25 for six rows of four (one line left over).
        let g = GridGeometry(framework: framework(criteria: 6), interior: Rect(x: 0, y: 0, width: 60, height: 26),
                             firstRow: 0, firstColumn: 0)
        XCTAssertEqual(g.linesPerRow, 4)
        XCTAssertEqual(g.visibleRows, 0..<6)
        XCTAssertEqual(g.rowY(5), 21)
        XCTAssertEqual(g.textRect(row: 5, column: 0)?.height, 4)
    }

    func testRowsKeepTheirFixedHeightAndScrollWhenTheyDoNotFit() {
        let g = GridGeometry(framework: framework(criteria: 20), interior: Rect(x: 0, y: 0, width: 60, height: 26),
                             firstRow: 3, firstColumn: 0)
        XCTAssertEqual(g.linesPerRow, 3)
        XCTAssertEqual(g.visibleRows, 3..<11)
        XCTAssertEqual(g.rowY(3), 1)
    }

    func testTheExampleAt120x40ShowsMoreOfEachCellAndNoEmptyBlockBelowTheLastRow() {
        let driver = WorkspaceDriver(PanelTemplates.example, width: 120, height: 40)
        let screen = driver.screen(width: 120, height: 40)
        // Six criteria share 24 lines: four each, where they had three and left six lines empty.
        XCTAssertEqual((3...6).map { String(screen.line($0).dropFirst(36)) }, [
            "│ Effectiveness  │ Depends on     │ Some excellent │ No data for   │ More attention│",
            "│                │ condition being│ provision but  │ outcome       │ needed to     │",
            "│                │ diagnosed. Not │ depends on     │ measures re   │ this.         │",
            "│                │ all diagnos… +5│ level of n… +17│ ENG such … +15│ Interview… +16│",
        ])
        XCTAssertEqual(String(screen.line(23).dropFirst(36)),
                       "│ Sufficiency    │ Evidently      │ Interventions  │               │               │")
        XCTAssertEqual(String(screen.line(26).dropFirst(36)),
                       "│                │ waiting tim… +9│ with high … +12│               │               │")
        XCTAssertEqual(String(screen.line(27).dropFirst(36)),
                       "└──────────────────────────────────────────────────────────────────────────────────┘")
    }
}
