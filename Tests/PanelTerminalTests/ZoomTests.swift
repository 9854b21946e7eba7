import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// Zoom: one cell, criterion or dimension at full screen with its heading, scrolled when
/// longer than the screen; Esc returns exactly to where you were, from the workspace or from
/// presentation.
final class ZoomTests: XCTestCase {
    func testZoomIntoACellAt80x24ScrollsALongText() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "j", "l", "l", "z")
        XCTAssertEqual(driver.shown, """

            Equity × Outcomes
            ────────────────────────────────────────────────────────────────────────

            Point 1: co-production with parents varies from school to school. Point
            2: co-production with parents varies from school to school. Point 3:
            co-production with parents varies from school to school. Point 4:
            co-production with parents varies from school to school. Point 5:
            co-production with parents varies from school to school. Point 6:
            co-production with parents varies from school to school. Point 7:
            co-production with parents varies from school to school. Point 8:
            co-production with parents varies from school to school. Point 9:
            co-production with parents varies from school to school. Point 10:
            co-production with parents varies from school to school. Point 11:
            co-production with parents varies from school to school. Point 12:
            co-production with parents varies from school to school. Point 13:
            co-production with parents varies from school to school. Point 14:
            co-production with parents varies from school to school. Point 15:
            co-production with parents varies from school to school. Point 16:
            co-production with parents varies from school to school. Point 17:
            co-production with parents varies from school to school. Point 18:
            co-production with parents varies from school to school. Point 19:
          ▾ co-production with parents varies from school to school. Point 20:
                                                                      lines 1–19 of 30
        """)
        driver.press("pagedown")
        XCTAssertEqual(driver.shown, """

            Equity × Outcomes
            ────────────────────────────────────────────────────────────────────────

          ▴ co-production with parents varies from school to school. Point 13:
            co-production with parents varies from school to school. Point 14:
            co-production with parents varies from school to school. Point 15:
            co-production with parents varies from school to school. Point 16:
            co-production with parents varies from school to school. Point 17:
            co-production with parents varies from school to school. Point 18:
            co-production with parents varies from school to school. Point 19:
            co-production with parents varies from school to school. Point 20:
            co-production with parents varies from school to school. Point 21:
            co-production with parents varies from school to school. Point 22:
            co-production with parents varies from school to school. Point 23:
            co-production with parents varies from school to school. Point 24:
            co-production with parents varies from school to school. Point 25:
            co-production with parents varies from school to school. Point 26:
            co-production with parents varies from school to school. Point 27:
            co-production with parents varies from school to school. Point 28:
            co-production with parents varies from school to school. Point 29:
            co-production with parents varies from school to school. Point 30:
            co-production with parents varies from school to school.
                                                                     lines 12–30 of 30
        """)
        driver.press("k")
        XCTAssertTrue(driver.shown.hasSuffix("lines 11–29 of 30"))
        driver.press("g g")
        XCTAssertTrue(driver.shown.hasSuffix("lines 1–19 of 30"))
    }

    func testZoomIntoACriterionAt80x24() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "j", "l", "l", "Z")
        XCTAssertEqual(driver.shown, """

            Criterion: Equity
            ────────────────────────────────────────────────────────────────────────

            Diagnosis
              Lack of data

            Provision/Funding
              (empty)

            Outcomes
              Point 1: co-production with parents varies from school to school.
              Point 2: co-production with parents varies from school to school.
              Point 3: co-production with parents varies from school to school.
              Point 4: co-production with parents varies from school to school.
              Point 5: co-production with parents varies from school to school.
              Point 6: co-production with parents varies from school to school.
              Point 7: co-production with parents varies from school to school.
              Point 8: co-production with parents varies from school to school.
              Point 9: co-production with parents varies from school to school.
              Point 10: co-production with parents varies from school to school.
              Point 11: co-production with parents varies from school to school.
          ▾   Point 12: co-production with parents varies from school to school.
                                                                      lines 1–19 of 37
        """)
    }

    func testZoomIntoADimensionAt80x24() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "j", "l", "l", "A-z")
        XCTAssertEqual(driver.shown, """

            Dimension: Outcomes
            ────────────────────────────────────────────────────────────────────────

            Effectiveness
              (empty)

            Efficiency
              Nobody has suggested good outcomes could be cheaper.

            Equity
              Point 1: co-production with parents varies from school to school.
              Point 2: co-production with parents varies from school to school.
              Point 3: co-production with parents varies from school to school.
              Point 4: co-production with parents varies from school to school.
              Point 5: co-production with parents varies from school to school.
              Point 6: co-production with parents varies from school to school.
              Point 7: co-production with parents varies from school to school.
              Point 8: co-production with parents varies from school to school.
              Point 9: co-production with parents varies from school to school.
              Point 10: co-production with parents varies from school to school.
              Point 11: co-production with parents varies from school to school.
          ▾   Point 12: co-production with parents varies from school to school.
                                                                      lines 1–19 of 40
        """)
    }

    func testZoomIntoACellAt200x60() {
        var driver = PresentPanel.driver(width: 200, height: 60)
        driver.press("j", "j", "l", "l", "z")
        XCTAssertEqual(driver.shown, """

                                                            Equity × Outcomes
                                                            ────────────────────────────────────────────────────────────────────────────────────────────────

                                                            Point 1: co-production with parents varies from school to school. Point 2: co-production with
                                                            parents varies from school to school. Point 3: co-production with parents varies from school to
                                                            school. Point 4: co-production with parents varies from school to school. Point 5: co-production
                                                            with parents varies from school to school. Point 6: co-production with parents varies from
                                                            school to school. Point 7: co-production with parents varies from school to school. Point 8:
                                                            co-production with parents varies from school to school. Point 9: co-production with parents
                                                            varies from school to school. Point 10: co-production with parents varies from school to school.
                                                            Point 11: co-production with parents varies from school to school. Point 12: co-production with
                                                            parents varies from school to school. Point 13: co-production with parents varies from school to
                                                            school. Point 14: co-production with parents varies from school to school. Point 15:
                                                            co-production with parents varies from school to school. Point 16: co-production with parents
                                                            varies from school to school. Point 17: co-production with parents varies from school to school.
                                                            Point 18: co-production with parents varies from school to school. Point 19: co-production with
                                                            parents varies from school to school. Point 20: co-production with parents varies from school to
                                                            school. Point 21: co-production with parents varies from school to school. Point 22:
                                                            co-production with parents varies from school to school. Point 23: co-production with parents
                                                            varies from school to school. Point 24: co-production with parents varies from school to school.
                                                            Point 25: co-production with parents varies from school to school. Point 26: co-production with
                                                            parents varies from school to school. Point 27: co-production with parents varies from school to
                                                            school. Point 28: co-production with parents varies from school to school. Point 29:
                                                            co-production with parents varies from school to school. Point 30: co-production with parents
                                                            varies from school to school.


































        """)
        driver.press("pagedown")
        XCTAssertEqual(driver.shown, """

                                                            Equity × Outcomes
                                                            ────────────────────────────────────────────────────────────────────────────────────────────────

                                                            Point 1: co-production with parents varies from school to school. Point 2: co-production with
                                                            parents varies from school to school. Point 3: co-production with parents varies from school to
                                                            school. Point 4: co-production with parents varies from school to school. Point 5: co-production
                                                            with parents varies from school to school. Point 6: co-production with parents varies from
                                                            school to school. Point 7: co-production with parents varies from school to school. Point 8:
                                                            co-production with parents varies from school to school. Point 9: co-production with parents
                                                            varies from school to school. Point 10: co-production with parents varies from school to school.
                                                            Point 11: co-production with parents varies from school to school. Point 12: co-production with
                                                            parents varies from school to school. Point 13: co-production with parents varies from school to
                                                            school. Point 14: co-production with parents varies from school to school. Point 15:
                                                            co-production with parents varies from school to school. Point 16: co-production with parents
                                                            varies from school to school. Point 17: co-production with parents varies from school to school.
                                                            Point 18: co-production with parents varies from school to school. Point 19: co-production with
                                                            parents varies from school to school. Point 20: co-production with parents varies from school to
                                                            school. Point 21: co-production with parents varies from school to school. Point 22:
                                                            co-production with parents varies from school to school. Point 23: co-production with parents
                                                            varies from school to school. Point 24: co-production with parents varies from school to school.
                                                            Point 25: co-production with parents varies from school to school. Point 26: co-production with
                                                            parents varies from school to school. Point 27: co-production with parents varies from school to
                                                            school. Point 28: co-production with parents varies from school to school. Point 29:
                                                            co-production with parents varies from school to school. Point 30: co-production with parents
                                                            varies from school to school.


































        """, "it all fits: nothing to scroll")
    }

    func testZoomIntoACriterionAt200x60() {
        var driver = PresentPanel.driver(width: 200, height: 60)
        driver.press("j", "j", "l", "l", "Z")
        XCTAssertEqual(driver.shown, """

                                                            Criterion: Equity
                                                            ────────────────────────────────────────────────────────────────────────────────────────────────

                                                            Diagnosis
                                                              Lack of data

                                                            Provision/Funding
                                                              (empty)

                                                            Outcomes
                                                              Point 1: co-production with parents varies from school to school. Point 2: co-production with
                                                              parents varies from school to school. Point 3: co-production with parents varies from school
                                                              to school. Point 4: co-production with parents varies from school to school. Point 5:
                                                              co-production with parents varies from school to school. Point 6: co-production with parents
                                                              varies from school to school. Point 7: co-production with parents varies from school to
                                                              school. Point 8: co-production with parents varies from school to school. Point 9:
                                                              co-production with parents varies from school to school. Point 10: co-production with parents
                                                              varies from school to school. Point 11: co-production with parents varies from school to
                                                              school. Point 12: co-production with parents varies from school to school. Point 13:
                                                              co-production with parents varies from school to school. Point 14: co-production with parents
                                                              varies from school to school. Point 15: co-production with parents varies from school to
                                                              school. Point 16: co-production with parents varies from school to school. Point 17:
                                                              co-production with parents varies from school to school. Point 18: co-production with parents
                                                              varies from school to school. Point 19: co-production with parents varies from school to
                                                              school. Point 20: co-production with parents varies from school to school. Point 21:
                                                              co-production with parents varies from school to school. Point 22: co-production with parents
                                                              varies from school to school. Point 23: co-production with parents varies from school to
                                                              school. Point 24: co-production with parents varies from school to school. Point 25:
                                                              co-production with parents varies from school to school. Point 26: co-production with parents
                                                              varies from school to school. Point 27: co-production with parents varies from school to
                                                              school. Point 28: co-production with parents varies from school to school. Point 29:
                                                              co-production with parents varies from school to school. Point 30: co-production with parents
                                                              varies from school to school.


























        """)
    }

    func testZoomIntoADimensionAt200x60() {
        var driver = PresentPanel.driver(width: 200, height: 60)
        driver.press("j", "j", "l", "l", "A-z")
        XCTAssertEqual(driver.shown, """

                                                            Dimension: Outcomes
                                                            ────────────────────────────────────────────────────────────────────────────────────────────────

                                                            Effectiveness
                                                              (empty)

                                                            Efficiency
                                                              Nobody has suggested good outcomes could be cheaper.

                                                            Equity
                                                              Point 1: co-production with parents varies from school to school. Point 2: co-production with
                                                              parents varies from school to school. Point 3: co-production with parents varies from school
                                                              to school. Point 4: co-production with parents varies from school to school. Point 5:
                                                              co-production with parents varies from school to school. Point 6: co-production with parents
                                                              varies from school to school. Point 7: co-production with parents varies from school to
                                                              school. Point 8: co-production with parents varies from school to school. Point 9:
                                                              co-production with parents varies from school to school. Point 10: co-production with parents
                                                              varies from school to school. Point 11: co-production with parents varies from school to
                                                              school. Point 12: co-production with parents varies from school to school. Point 13:
                                                              co-production with parents varies from school to school. Point 14: co-production with parents
                                                              varies from school to school. Point 15: co-production with parents varies from school to
                                                              school. Point 16: co-production with parents varies from school to school. Point 17:
                                                              co-production with parents varies from school to school. Point 18: co-production with parents
                                                              varies from school to school. Point 19: co-production with parents varies from school to
                                                              school. Point 20: co-production with parents varies from school to school. Point 21:
                                                              co-production with parents varies from school to school. Point 22: co-production with parents
                                                              varies from school to school. Point 23: co-production with parents varies from school to
                                                              school. Point 24: co-production with parents varies from school to school. Point 25:
                                                              co-production with parents varies from school to school. Point 26: co-production with parents
                                                              varies from school to school. Point 27: co-production with parents varies from school to
                                                              school. Point 28: co-production with parents varies from school to school. Point 29:
                                                              co-production with parents varies from school to school. Point 30: co-production with parents
                                                              varies from school to school.

                                                            Sustainability
                                                              (empty)























        """)
    }

    func testEscReturnsExactlyToTheWorkspaceAsItWas() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "j", "l", "l")
        let before = driver.shown
        let selection = driver.workspace.selection
        driver.press("z", "pagedown", "j", "esc")
        XCTAssertEqual(driver.shown, before)
        XCTAssertEqual(driver.workspace.selection, selection)
        driver.press("Z", "z")
        XCTAssertEqual(driver.workspace.chair.zoom?.scope, .cell, "another zoom switches to it")
        driver.press("z")
        XCTAssertEqual(driver.shown, before, "the same zoom again closes it")
    }

    func testEscReturnsExactlyToPresentation() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "j", "l")
        let before = driver.shown
        driver.press("A-z", "G", "esc")
        XCTAssertEqual(driver.shown, before)
        driver.press("esc")
        XCTAssertFalse(driver.workspace.isInChairView, "a second Esc leaves presentation")
    }

    func testLeftAndRightStepToTheNeighbouringCellCriterionOrDimension() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "j", "z", "pagedown", "l", "l")
        XCTAssertEqual(driver.screen().line(1), "    Equity × Outcomes")
        XCTAssertTrue(driver.shown.hasSuffix("lines 1–19 of 30"), "new text starts at its top")
        driver.press("Z", "h")
        XCTAssertEqual(driver.screen().line(1), "    Criterion: Efficiency")
        driver.press("A-z", "h")
        XCTAssertEqual(driver.screen().line(1), "    Dimension: Provision/Funding")
    }

    /// The zoom makes strings only of the lines it shows, from runs (headings, each cell's
    /// wrapped text): a window starting anywhere, across the runs' edges, is that part of the
    /// whole list, and scrolling the criterion a line at a time shows each window in turn.
    func testEveryWindowOfACriterionIsThatPartOfAllItsLines() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "j", "l", "l", "Z")
        let workspace = driver.workspace
        guard let zoom = workspace.chair.zoom else { return XCTFail("zoomed") }
        let view = workspace.zoomView(zoom)
        let all = view.lines(from: 0, count: view.lineCount)
        XCTAssertEqual(all.count, 37)
        XCTAssertEqual(all.map(\.text).prefix(5), ["Diagnosis", "Lack of data", "", "Provision/Funding", "(empty)"])
        for first in 0...view.lineCount {
            XCTAssertEqual(view.lines(from: first, count: 7), Array(all[first..<min(all.count, first + 7)]), "from \(first)")
        }
        for line in 1...view.clamp(.max) {
            driver.press("j")
            let shown = driver.screen().line(4 + 18)  // the last line of the body, after the "▾"
            XCTAssertEqual(shown.trimmingCharacters(in: CharacterSet(charactersIn: " ▾")), all[line + 18].text,
                           "scrolled \(line)")
        }
    }

    func testHideEmptyLeavesEmptyCellsOutOfARowOrColumn() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "j", "Z", "E")
        XCTAssertFalse(driver.shown.contains("(empty)"))
        XCTAssertFalse(driver.shown.contains("Provision/Funding"))
        XCTAssertEqual(driver.screen().line(5), "      Lack of data")
    }

    func testZoomOnAnEmptyFrameworkSaysWhy() {
        var driver = WorkspaceDriver(PanelDocument(), width: 80, height: 24)
        driver.press("z")
        XCTAssertEqual(driver.message, "Nothing to zoom into: the framework is empty")
        XCTAssertFalse(driver.workspace.isInChairView)
    }

    func testEnterInAZoomedCellEditsItInTheGrid() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("j", "z", "enter")
        driver.type("x")
        driver.press("enter")
        XCTAssertFalse(driver.workspace.isInChairView)
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "x")
    }
}
