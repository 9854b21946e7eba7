import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// Presentation mode, drawn in-process and compared as text: the grid alone with the panel's
/// title, rows as tall as their text, a rule between rows, no hints or save state; arrows move
/// and scroll whole rows; `:hide-empty` leaves out criteria and dimensions with no text.
final class PresentModeTests: XCTestCase {
    func testPresentationAt80x24ShowsTheGridAloneWithEveryCellWrappedInFull() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.workspace.setSaveStatus(.saved(at: Date(timeIntervalSince1970: 0)))
        driver.press("P")
        XCTAssertEqual(driver.shown, """
                                 SEND Provision Scrutiny Panel

                         │ Diagnosis          │ Provision/Funding │ Outcomes
          ───────────────┼────────────────────┼───────────────────┼───────────────────
          Effectiveness  │ Depends on         │ Some excellent    │ —
                         │ condition being    │ provision but     │
                         │ diagnosed.         │ depends on level  │
                         │                    │ of need.          │
                         │                    │ Problematic       │
                         │                    │ school-to-school  │
                         │                    │ differences.      │
          ───────────────┼────────────────────┼───────────────────┼───────────────────
          Efficiency     │ —                  │ —                 │ Nobody has
                         │                    │                   │ suggested good
                         │                    │                   │ outcomes could be
                         │                    │                   │ cheaper.
          ───────────────┼────────────────────┼───────────────────┼───────────────────




        ▾

                                                             Effectiveness × Diagnosis
        """)
    }

    /// A row is as tall as its text as drawn: a long word hyphenated across lines needs more
    /// lines than the same word cut without hyphens, and none of them may be cut off.
    func testARowIsAsTallAsItsHyphenatedText() {
        var document = PresentPanel.make()
        let word = "Pneumonoultramicroscopicsilicovolcan"  // 36 letters: 2 lines cut, 3 hyphenated
        // The only text in its row, so the row's height is the word's alone.
        document.framework[CellKey(criterion: "crit-sustainability", dimension: "dim-diagnosis")] = word
        var driver = WorkspaceDriver(document, width: 80, height: 40)
        driver.press("P", "G")  // the last criterion: Equity's text above is taller than the screen
        let shown = driver.shown
        XCTAssertTrue(shown.contains(" Sustainability │ Pneumonoultramicr- │"), shown)
        XCTAssertTrue(shown.contains("                 │ oscopicsilicovolc- │"), shown)
        XCTAssertTrue(shown.contains("                 │ an                 │"), shown)
        XCTAssertFalse(shown.contains("+1"), shown)
    }

    func testPresentationAt200x60() {
        var driver = PresentPanel.driver(width: 200, height: 60)
        driver.press("F5")
        XCTAssertEqual(driver.shown, """
                                                                                             SEND Provision Scrutiny Panel

                         │ Diagnosis                                                  │ Provision/Funding                                         │ Outcomes
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Effectiveness  │ Depends on condition being diagnosed.                      │ Some excellent provision but depends on level of need.    │ —
                         │                                                            │ Problematic school-to-school differences.                 │
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Efficiency     │ —                                                          │ —                                                         │ Nobody has suggested good outcomes could be cheaper.
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Equity         │ Lack of data                                               │ —                                                         │ Point 1: co-production with parents varies from school to
                         │                                                            │                                                           │ school. Point 2: co-production with parents varies from
                         │                                                            │                                                           │ school to school. Point 3: co-production with parents
                         │                                                            │                                                           │ varies from school to school. Point 4: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 5:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 6: co-production with parents varies from school to
                         │                                                            │                                                           │ school. Point 7: co-production with parents varies from
                         │                                                            │                                                           │ school to school. Point 8: co-production with parents
                         │                                                            │                                                           │ varies from school to school. Point 9: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 10:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 11: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 12: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 13: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 14:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 15: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 16: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 17: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 18:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 19: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 20: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 21: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 22:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 23: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 24: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 25: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 26:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 27: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 28: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 29: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 30:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Sustainability │ —                                                          │ —                                                         │ —
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────










                                                                                                                                                                                     Effectiveness × Diagnosis
        """)
    }

    func testArrowsMoveAndScrollByWholeRowsAndARowTallerThanTheScreenIsCut() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "j", "j", "l", "l")
        XCTAssertEqual(driver.shown, """
                                 SEND Provision Scrutiny Panel

                         │ Diagnosis          │ Provision/Funding │ Outcomes
          ───────────────┼────────────────────┼───────────────────┼───────────────────
        ▴ Equity         │ Lack of data       │ —                 │ Point 1:
                         │                    │                   │ co-production
                         │                    │                   │ with parents
                         │                    │                   │ varies from
                         │                    │                   │ school to school.
                         │                    │                   │ Point 2:
                         │                    │                   │ co-production
                         │                    │                   │ with parents
                         │                    │                   │ varies from
                         │                    │                   │ school to school.
                         │                    │                   │ Point 3:
                         │                    │                   │ co-production
                         │                    │                   │ with parents
                         │                    │                   │ varies from
                         │                    │                   │ school to school.
                         │                    │                   │ Point 4:
                         │                    │                   │ co-production
        ▾                │                    │                   │ with parent… +132

                                                                     Equity × Outcomes
        """)
        XCTAssertEqual(driver.workspace.position, "Equity × Outcomes")
    }

    func testMovedAt200x60TheTallRowFitsInFull() {
        var driver = PresentPanel.driver(width: 200, height: 60)
        driver.press("P", "down", "down", "right", "right")
        XCTAssertEqual(driver.shown, """
                                                                                             SEND Provision Scrutiny Panel

                         │ Diagnosis                                                  │ Provision/Funding                                         │ Outcomes
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Effectiveness  │ Depends on condition being diagnosed.                      │ Some excellent provision but depends on level of need.    │ —
                         │                                                            │ Problematic school-to-school differences.                 │
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Efficiency     │ —                                                          │ —                                                         │ Nobody has suggested good outcomes could be cheaper.
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Equity         │ Lack of data                                               │ —                                                         │ Point 1: co-production with parents varies from school to
                         │                                                            │                                                           │ school. Point 2: co-production with parents varies from
                         │                                                            │                                                           │ school to school. Point 3: co-production with parents
                         │                                                            │                                                           │ varies from school to school. Point 4: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 5:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 6: co-production with parents varies from school to
                         │                                                            │                                                           │ school. Point 7: co-production with parents varies from
                         │                                                            │                                                           │ school to school. Point 8: co-production with parents
                         │                                                            │                                                           │ varies from school to school. Point 9: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 10:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 11: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 12: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 13: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 14:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 15: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 16: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 17: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 18:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 19: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 20: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 21: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 22:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 23: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 24: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 25: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 26:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 27: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 28: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 29: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 30:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Sustainability │ —                                                          │ —                                                         │ —
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────










                                                                                                                                                                                             Equity × Outcomes
        """)
    }

    /// Decision: hiding empties drops criteria and dimensions with no text in any cell (so the
    /// grid shrinks to what the panel has found) and leaves the remaining empty cells blank
    /// instead of "—". A selection on a hidden row moves to the nearest shown one.
    func testHideEmptyDropsEmptyCriteriaAndBlanksEmptyCells() {
        var driver = PresentPanel.driver(width: 200, height: 60)
        driver.press("P")
        XCTAssertTrue(driver.shown.contains("Sustainability │ —"))
        driver.press("j", "j", "l", "l", "G", "E")
        XCTAssertEqual(driver.shown, """
                                                                                             SEND Provision Scrutiny Panel

                        │ Diagnosis                                                  │ Provision/Funding                                          │ Outcomes
          ──────────────┼────────────────────────────────────────────────────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Effectiveness │ Depends on condition being diagnosed.                      │ Some excellent provision but depends on level of need.     │
                        │                                                            │ Problematic school-to-school differences.                  │
          ──────────────┼────────────────────────────────────────────────────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Efficiency    │                                                            │                                                            │ Nobody has suggested good outcomes could be cheaper.
          ──────────────┼────────────────────────────────────────────────────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Equity        │ Lack of data                                               │                                                            │ Point 1: co-production with parents varies from school to
                        │                                                            │                                                            │ school. Point 2: co-production with parents varies from
                        │                                                            │                                                            │ school to school. Point 3: co-production with parents
                        │                                                            │                                                            │ varies from school to school. Point 4: co-production with
                        │                                                            │                                                            │ parents varies from school to school. Point 5:
                        │                                                            │                                                            │ co-production with parents varies from school to school.
                        │                                                            │                                                            │ Point 6: co-production with parents varies from school to
                        │                                                            │                                                            │ school. Point 7: co-production with parents varies from
                        │                                                            │                                                            │ school to school. Point 8: co-production with parents
                        │                                                            │                                                            │ varies from school to school. Point 9: co-production with
                        │                                                            │                                                            │ parents varies from school to school. Point 10:
                        │                                                            │                                                            │ co-production with parents varies from school to school.
                        │                                                            │                                                            │ Point 11: co-production with parents varies from school
                        │                                                            │                                                            │ to school. Point 12: co-production with parents varies
                        │                                                            │                                                            │ from school to school. Point 13: co-production with
                        │                                                            │                                                            │ parents varies from school to school. Point 14:
                        │                                                            │                                                            │ co-production with parents varies from school to school.
                        │                                                            │                                                            │ Point 15: co-production with parents varies from school
                        │                                                            │                                                            │ to school. Point 16: co-production with parents varies
                        │                                                            │                                                            │ from school to school. Point 17: co-production with
                        │                                                            │                                                            │ parents varies from school to school. Point 18:
                        │                                                            │                                                            │ co-production with parents varies from school to school.
                        │                                                            │                                                            │ Point 19: co-production with parents varies from school
                        │                                                            │                                                            │ to school. Point 20: co-production with parents varies
                        │                                                            │                                                            │ from school to school. Point 21: co-production with
                        │                                                            │                                                            │ parents varies from school to school. Point 22:
                        │                                                            │                                                            │ co-production with parents varies from school to school.
                        │                                                            │                                                            │ Point 23: co-production with parents varies from school
                        │                                                            │                                                            │ to school. Point 24: co-production with parents varies
                        │                                                            │                                                            │ from school to school. Point 25: co-production with
                        │                                                            │                                                            │ parents varies from school to school. Point 26:
                        │                                                            │                                                            │ co-production with parents varies from school to school.
                        │                                                            │                                                            │ Point 27: co-production with parents varies from school
                        │                                                            │                                                            │ to school. Point 28: co-production with parents varies
                        │                                                            │                                                            │ from school to school. Point 29: co-production with
                        │                                                            │                                                            │ parents varies from school to school. Point 30:
                        │                                                            │                                                            │ co-production with parents varies from school to school.
          ──────────────┼────────────────────────────────────────────────────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────












          Hiding empty criteria and dimensions                                                                                                                                               Equity × Outcomes
        """)
        XCTAssertEqual(driver.workspace.selection.criterion, "crit-equity")
        driver.press("E")
        XCTAssertEqual(driver.message, "Showing empty criteria and dimensions")
        XCTAssertTrue(driver.shown.contains("Sustainability │ —"))
    }

    func testHideEmptyAt80x24() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "j", "j", "l", "l", "G")
        driver.runCommand("hide-empty")
        XCTAssertEqual(driver.shown, """
                                 SEND Provision Scrutiny Panel

                        │ Diagnosis          │ Provision/Funding  │ Outcomes
          ──────────────┼────────────────────┼────────────────────┼───────────────────
        ▴ Equity        │ Lack of data       │                    │ Point 1:
                        │                    │                    │ co-production
                        │                    │                    │ with parents
                        │                    │                    │ varies from
                        │                    │                    │ school to school.
                        │                    │                    │ Point 2:
                        │                    │                    │ co-production
                        │                    │                    │ with parents
                        │                    │                    │ varies from
                        │                    │                    │ school to school.
                        │                    │                    │ Point 3:
                        │                    │                    │ co-production
                        │                    │                    │ with parents
                        │                    │                    │ varies from
                        │                    │                    │ school to school.
                        │                    │                    │ Point 4:
                        │                    │                    │ co-production
        ▾               │                    │                    │ with parent… +132

          Hiding empty criteria and dimensions                       Equity × Outcomes
        """)
    }

    func testResizingRelayoutsAndKeepsTheSelection() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "j", "j", "l", "l")
        driver.resize(200, 60)
        XCTAssertEqual(driver.shown, """
                                                                                             SEND Provision Scrutiny Panel

                         │ Diagnosis                                                  │ Provision/Funding                                         │ Outcomes
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Effectiveness  │ Depends on condition being diagnosed.                      │ Some excellent provision but depends on level of need.    │ —
                         │                                                            │ Problematic school-to-school differences.                 │
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Efficiency     │ —                                                          │ —                                                         │ Nobody has suggested good outcomes could be cheaper.
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Equity         │ Lack of data                                               │ —                                                         │ Point 1: co-production with parents varies from school to
                         │                                                            │                                                           │ school. Point 2: co-production with parents varies from
                         │                                                            │                                                           │ school to school. Point 3: co-production with parents
                         │                                                            │                                                           │ varies from school to school. Point 4: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 5:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 6: co-production with parents varies from school to
                         │                                                            │                                                           │ school. Point 7: co-production with parents varies from
                         │                                                            │                                                           │ school to school. Point 8: co-production with parents
                         │                                                            │                                                           │ varies from school to school. Point 9: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 10:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 11: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 12: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 13: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 14:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 15: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 16: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 17: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 18:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 19: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 20: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 21: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 22:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 23: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 24: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 25: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 26:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
                         │                                                            │                                                           │ Point 27: co-production with parents varies from school
                         │                                                            │                                                           │ to school. Point 28: co-production with parents varies
                         │                                                            │                                                           │ from school to school. Point 29: co-production with
                         │                                                            │                                                           │ parents varies from school to school. Point 30:
                         │                                                            │                                                           │ co-production with parents varies from school to school.
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────
          Sustainability │ —                                                          │ —                                                         │ —
          ───────────────┼────────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────┼───────────────────────────────────────────────────────────










                                                                                                                                                                                             Equity × Outcomes
        """, "rows above come back when there is room")
        driver.resize(80, 24)
        XCTAssertEqual(driver.shown, """
                                 SEND Provision Scrutiny Panel

                         │ Diagnosis          │ Provision/Funding │ Outcomes
          ───────────────┼────────────────────┼───────────────────┼───────────────────
        ▴ Equity         │ Lack of data       │ —                 │ Point 1:
                         │                    │                   │ co-production
                         │                    │                   │ with parents
                         │                    │                   │ varies from
                         │                    │                   │ school to school.
                         │                    │                   │ Point 2:
                         │                    │                   │ co-production
                         │                    │                   │ with parents
                         │                    │                   │ varies from
                         │                    │                   │ school to school.
                         │                    │                   │ Point 3:
                         │                    │                   │ co-production
                         │                    │                   │ with parents
                         │                    │                   │ varies from
                         │                    │                   │ school to school.
                         │                    │                   │ Point 4:
                         │                    │                   │ co-production
        ▾                │                    │                   │ with parent… +132

                                                                     Equity × Outcomes
        """)
    }

    func testTheSelectedCellIsHighlightedAndItsHeadersUnderlined() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "j", "l")
        let screen = driver.screen(width: 80, height: 24)
        // Efficiency × Provision/Funding: the "—" of the empty cell, and the space before it.
        let row = (0..<24).first { screen.line($0).hasPrefix("  Efficiency") }!
        let dash = screen.line(row).distance(from: screen.line(row).startIndex,
                                              to: screen.line(row).range(of: "│ —                 │")!.lowerBound) + 2
        XCTAssertEqual(screen[dash, row].style, Style(.stageSelected, bold: true))
        XCTAssertEqual(screen[dash - 1, row].style, Style(.stageSelected, bold: true))
        XCTAssertEqual(screen[0, 1].style, Style(.stage), "the whole screen is on the stage's ground")
        XCTAssertEqual(screen[dash - 2, row].style, Style(.stageRule))
        XCTAssertEqual(screen[2, row].style, Style(.stageHeader, bold: true, underline: true))
        let other = (0..<24).first { screen.line($0).hasPrefix("  Effectiveness") }!
        XCTAssertEqual(screen[2, other].style, Style(.stageHeader, bold: true), "Effectiveness is not selected")
    }

    func testF5AndEscLeavePresentationInTheClerksInstance() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        let workspace = driver.shown
        driver.press("P", "j")
        XCTAssertFalse(driver.shown.contains("Schedule"))
        driver.press("F5")
        XCTAssertTrue(driver.shown.hasPrefix(" Scrutiny · SEND Provision Scrutiny Panel"))
        XCTAssertEqual(driver.workspace.selection.criterion, "crit-efficiency", "the selection moved in presentation stays")
        driver.press("k", "P", "esc")
        XCTAssertEqual(driver.shown, workspace)
    }

    func testHelpOpensOverPresentationAndClosesBackToIt() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P")
        let presenting = driver.shown
        driver.press("?")
        XCTAssertTrue(driver.shown.contains("Keys — Esc closes"))
        XCTAssertTrue(HelpOverlay.lines(for: TestKeys.defaultKeymap).contains {
            $0.text.hasPrefix("  F5, P ") && $0.text.hasSuffix("presentation mode: the grid alone, large, for a shared screen (again to leave)")
        })
        driver.press("esc")
        XCTAssertEqual(driver.shown, presenting)
    }

    /// An edit key returns to the workspace and opens the editor there, over the cell.
    func testAnEditKeyReturnsToTheWorkspaceAndEdits() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "j", "enter")
        driver.type("Cheaper?")
        driver.press("enter")
        XCTAssertFalse(driver.workspace.isInChairView)
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "Cheaper?")
    }

    func testOtherPanesReturnToTheWorkspace() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "3")
        XCTAssertFalse(driver.workspace.isInChairView)
        XCTAssertEqual(driver.workspace.focus, .questions)
    }

    /// A note taken while presenting goes where the clerk can see it typed, and lands on the cell.
    func testANoteTakenWhilePresentingOpensItsBoxInTheWorkspace() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "j", "n")
        XCTAssertFalse(driver.workspace.isInChairView)
        driver.type("Heard at the forum")
        driver.press("enter")
        XCTAssertEqual(driver.workspace.document.notes.last?.text, "Heard at the forum")
        XCTAssertEqual(driver.workspace.document.notes.last?.subject,
                       .cell(CellKey(criterion: "crit-efficiency", dimension: "dim-diagnosis")))
    }

    /// The notes drawer needs the workspace's panes, so it too leaves presentation.
    func testTheNotesDrawerReturnsToTheWorkspace() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.press("P", "N")
        XCTAssertFalse(driver.workspace.isInChairView)
    }

    func testEveryChairActionRunsFromTheCommandLine() {
        var driver = PresentPanel.driver(width: 80, height: 24)
        driver.runCommand("presentation")
        XCTAssertTrue(driver.workspace.chair.presenting)
        driver.runCommand("zoom-criterion")
        XCTAssertEqual(driver.workspace.chair.zoom?.scope, .criterion)
        driver.runCommand("zoom-dimension")
        XCTAssertEqual(driver.workspace.chair.zoom?.scope, .dimension)
        driver.runCommand("zoom")
        XCTAssertEqual(driver.workspace.chair.zoom?.scope, .cell)
        driver.runCommand("hide-empty")
        XCTAssertTrue(driver.workspace.chair.hideEmpty)
        driver.runCommand("presentation")
        XCTAssertFalse(driver.workspace.isInChairView)
    }

    func testEveryChairActionHasAKeyInEveryBuiltInMap() throws {
        let chairActions: [Action] = [.presentation, .hideEmpty, .zoom, .zoomCriterion, .zoomDimension]
        for name in ["default", "vim", "emacs"] {
            let keymap = try KeymapLoader.load(name, userFile: nil)
            for action in chairActions {
                let keys = keymap.keys(for: action, in: .grid) + keymap.keys(for: action, in: .global)
                XCTAssertFalse(keys.isEmpty, "\(name): \(action.rawValue)")
                XCTAssertEqual(keymap.lookup(keys[0], in: .grid), .action(action), "\(name): \(action.rawValue)")
            }
            XCTAssertEqual(keymap.lookup([Key(.function(5))], in: .grid), .action(.presentation), name)
        }
    }

    func testTooSmallStillSaysSo() {
        var driver = PresentPanel.driver(width: 60, height: 20)
        driver.press("P")
        XCTAssertTrue(driver.shown.contains("terminal too small (need 80×24)"))
    }
}

extension WorkspaceDriver {
    /// Types a `:` command and runs it.
    mutating func runCommand(_ line: String) {
        press(":")
        type(line)
        press("enter")
    }
}
