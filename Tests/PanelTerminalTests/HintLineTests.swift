import XCTest
import PanelModel
@testable import PanelTerminal

/// The hint line shows the focused pane's most useful keys in the order of the design sketch,
/// and when the line is short the least important give way first.
final class HintLineTests: XCTestCase {
    func testAWideLineShowsTheSketchsKeysInItsOrder() {
        let screen = WorkspaceDriver(width: 120, height: 32).screen(width: 120, height: 32)
        XCTAssertTrue(screen.line(31).hasPrefix(" tab panes  ←↑↓→ move  enter edit  n note  / search  z zoom  ? help  : command "),
                      screen.line(31))
    }

    func testAt80ColumnsEditNoteSearchZoomAndHelpStayAndPanesGivesWay() {
        XCTAssertEqual(WorkspaceDriver().screen().line(23),
                       " enter edit  n note  / search  z zoom  ? help         Effectiveness × Diagnosis")
    }

    func testFittingKeepsTheLowestRanksAndTheGivenOrder() {
        let hints = [HintLine.Hint(keys: "tab", label: "panes", rank: 5), HintLine.Hint(keys: "enter", label: "edit", rank: 0),
                     HintLine.Hint(keys: "?", label: "help", rank: 2), HintLine.Hint(keys: "q", label: "quit", rank: 9)]
        XCTAssertEqual(HintLine.fitted(hints, width: 22), " enter edit  ? help ")
        XCTAssertEqual(HintLine.fitted(hints, width: 33), " tab panes  enter edit  ? help ")
        XCTAssertEqual(HintLine.fitted(hints, width: 40), " tab panes  enter edit  ? help  q quit ")
    }

    func testTheArrowsHintNeedsAllFourArrowsBoundToMoving() {
        let keymap = TestKeys.defaultKeymap
        XCTAssertEqual(HintLine.arrowsHint(context: .grid, keymap: keymap, rank: 7),
                       HintLine.Hint(keys: "←↑↓→", label: "move", rank: 7))
        XCTAssertNil(HintLine.arrowsHint(context: .editor, keymap: keymap, rank: 7), "in the editor the arrows move the cursor")
    }
}
