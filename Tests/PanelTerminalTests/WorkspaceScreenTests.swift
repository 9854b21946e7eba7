import XCTest
import PanelModel
@testable import PanelTerminal

/// The whole workspace screen, compared line by line with what a clerk would see.
final class WorkspaceScreenTests: XCTestCase {
    func testWholeScreenAt80x24() {
        let driver = WorkspaceDriver()
        let expected = [
            " Scrutiny · SEND Provision Scrutiny Panel",
            "┌ Schedule ──────────────────┐┌ Framework ─────────────────────────────────────┐",
            "│ HELD                       ││               │ Diagnosis      │ Provision/Fu…›│",
            "│  3 Oct 23  I Vikram Hansra…││ Effectiveness │ Depends on     │ Some excellent│",
            "│ 30 Oct 23  I SENDIASS      ││               │ condition being│ provision but │",
            "│ UPCOMING                   ││               │ diagnosed.     │ depends on    │",
            "│  1 Mar 24  F ✗ Parents for…││               │                │ level of n… +4│",
            "│ ── today 13 Mar 24 ─────── ││ Efficiency    │                │               │",
            "│ 25 Mar 24  W 10 special sc…││               │                │               │",
            "│ 10 Apr 24  M Autism Partne…││               │                │               │",
            "│ TO BE SCHEDULED            ││               │                │               │",
            "│         —  S SENDCOs survey││ Equity        │ Lack of data 1◆│               │",
            "│         —  V Other boroughs││               │                │               │",
            "│                            ││               │                │               │",
            "│                            ││               │                │               │",
            "│                            ││                                                │",
            "│                            │└────────────────────────────────────────────────┘",
            "│                            │┌ Questions ─────────────────────────────────────┐",
            "│                            ││ 5.1 ENG and Clu… open      Continue to inve… 1◆│",
            "│                            ││ 5.2 Equity       pursuing  Focus on this acros…│",
            "│                            ││                                                │",
            "│                            ││                                                │",
            "└────────────────────────────┘└────────────────────────────────────────────────┘",
            " enter edit  n note  / search  z zoom  ? help         Effectiveness × Diagnosis",
        ]
        XCTAssertEqual(driver.screen().text, expected.joined(separator: "\n"))
    }

    func testWholeScreenAt160x50ShowsKindsWiderColumnsAndTallerRows() {
        let driver = WorkspaceDriver(width: 160, height: 50)
        let expected = [
            " Scrutiny · SEND Provision Scrutiny Panel",
            "┌ Schedule ────────────────────────────────────┐┌ Framework ───────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│ HELD                                         ││               │ Diagnosis                     │ Provision/Funding             │ Outcomes                     │",
            "│  3 Oct 23  interview Vikram Hansrani         ││ Effectiveness │ Depends on condition being    │ Some excellent provision but  │                              │",
            "│ 30 Oct 23  interview SENDIASS                ││               │ diagnosed.                    │ depends on level of need.     │                              │",
            "│ UPCOMING                                     ││               │                               │ Problematic school-to-school  │                              │",
            "│  1 Mar 24  forum     ✗ Parents forum         ││               │                               │ differences.                  │                              │",
            "│ ── today 13 Mar 24 ───────────────────────── ││               │                               │                               │                              │",
            "│ 25 Mar 24  workshop  10 special schools      ││               │                               │                               │                              │",
            "│ 10 Apr 24  meeting   Autism Partnership Board││               │                               │                               │                              │",
            "│ TO BE SCHEDULED                              ││               │                               │                               │                              │",
            "│         —  survey    SENDCOs survey          ││               │                               │                               │                              │",
            "│         —  visit     Other boroughs          ││               │                               │                               │                              │",
            "│                                              ││ Efficiency    │                               │                               │ Nobody has suggested good    │",
            "│                                              ││               │                               │                               │ outcomes could be cheaper.   │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││ Equity        │ Lack of data                1◆│                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││               │                               │                               │                              │",
            "│                                              ││                                                                                                              │",
            "│                                              │└──────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            "│                                              │┌ Questions ───────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│                                              ││ 5.1 ENG and Clusters            open      Continue to investigate how, why and whether these work.         1◆│",
            "│                                              ││ 5.2 Equity                      pursuing  Focus on this across the piece.                                    │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "│                                              ││                                                                                                              │",
            "└──────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            " tab panes  ←↑↓→ move  enter edit  n note  / search  z zoom  ? help  : command  N notes  o add row  O add column  u undo  q quit      Effectiveness × Diagnosis",
        ]
        XCTAssertEqual(driver.screen(width: 160, height: 50).text, expected.joined(separator: "\n"))
    }

    func testSelectedCellIsHighlightedWholeAndBoldForMonochrome() {
        let screen = WorkspaceDriver().screen()
        // Effectiveness × Diagnosis: columns 47–62, rows 3–6 (three criteria share the pane's
        // height); the separators either side are not.
        for y in 3...6 {
            for x in 47...62 {
                XCTAssertEqual(screen[x, y].style, Style(.selected, bold: true), "at \(x),\(y)")
            }
            XCTAssertEqual(screen[46, y].style.role, .border)
            XCTAssertEqual(screen[63, y].style.role, .border)
        }
        XCTAssertEqual(screen[47, 7].style.role, .normal)
    }

    func testFocusedPaneBorderFollowsFocus() {
        var driver = WorkspaceDriver()
        XCTAssertEqual(driver.screen()[30, 1].style, Style(.focusedBorder, bold: true))
        XCTAssertEqual(driver.screen()[0, 1].style, Style(.border))
        driver.press("1")
        XCTAssertEqual(driver.screen()[0, 1].style, Style(.focusedBorder, bold: true))
        XCTAssertEqual(driver.screen()[30, 1].style, Style(.border))
        // The focused schedule's selected line is highlighted across the pane.
        XCTAssertEqual(driver.screen()[5, 3].style, Style(.selected, bold: true))
    }

    func testTitleBarShowsSaveState() {
        var driver = WorkspaceDriver()
        driver.workspace.setSaveStatus(.saved(at: Date(timeIntervalSince1970: 1_709_721_667)))
        XCTAssertEqual(driver.screen().line(0), " Scrutiny · SEND Provision Scrutiny Panel" + String(repeating: " ", count: 24)
            + "saved 10:41:07")
        driver.workspace.setSaveStatus(.saving)
        XCTAssertTrue(driver.screen().line(0).hasSuffix("   saving…"))
        driver.workspace.setSaveStatus(.failed(reason: "disk full"))
        let screen = driver.screen()
        XCTAssertTrue(screen.line(0).hasSuffix("   NOT SAVED: disk full"))
        XCTAssertEqual(screen[59, 0].style, Style(.alarm, bold: true))
        XCTAssertEqual(screen[59, 0].character, "N")
    }

    func testControlCharactersFromTheStoreAreShownNotSent() {
        var document = TestPanel.make()
        document.panel.title = "Panel\u{1B}]0;owned\u{07}\u{202E}txet"
        document.questions[0].title = "Bell\u{07}\u{85}"
        let screen = WorkspaceDriver(document).screen()
        XCTAssertEqual(screen.line(0), " Scrutiny · Panel␛]0;owned^G⟨RLO⟩txet")
        XCTAssertEqual(screen.line(18), "│                            ││ 5.1 Bell^GM-^E   open      Continue to inve… 1◆│")
    }

    func testBelow80x24SaysTooSmallAndRecoversOnResize() {
        var driver = WorkspaceDriver()
        driver.resize(79, 24)
        let small = driver.screen(width: 79, height: 24)
        XCTAssertEqual(small.text, Array(repeating: "", count: 12).joined(separator: "\n") + "\n"
            + String(repeating: " ", count: 24) + "terminal too small (need 80×24)"
            + Array(repeating: "", count: 12).joined(separator: "\n"))
        driver.resize(120, 20)
        XCTAssertEqual(driver.screen(width: 120, height: 20).line(10), String(repeating: " ", count: 44)
            + "terminal too small (need 80×24)")
        driver.resize(80, 24)
        XCTAssertEqual(driver.screen().text, WorkspaceDriver().screen().text)
    }

    func testTinyAndEmptyTerminalsNeitherCrashNorLoseAnEdit() {
        var driver = WorkspaceDriver()
        driver.press("enter")
        for (w, h) in [(0, 0), (1, 1), (12, 3), (80, 2)] {
            driver.resize(w, h)
            driver.type("x")
            driver.press("up", "down")
            XCTAssertEqual(driver.screen(width: w, height: h).width, w)
        }
        XCTAssertEqual(driver.screen(width: 12, height: 3).line(1), "terminal too")
        driver.resize(80, 24)
        driver.press("enter")
        XCTAssertEqual(driver.cell("effectiveness", "diagnosis"), "Depends on condition being diagnosed.xxxx")
    }

    func testHelpOverlayListsTheKeymapAndScrolls() {
        var driver = WorkspaceDriver()
        driver.press("?")
        var screen = driver.screen()
        XCTAssertEqual(screen.line(1), "┌ Keys — Esc closes " + String(repeating: "─", count: 59) + "┐")
        XCTAssertEqual(screen.line(2), "│ Anywhere (outside the editor)" + String(repeating: " ", count: 48) + "│")
        XCTAssertEqual(screen.line(3), "│   q         save and quit" + String(repeating: " ", count: 52) + "│")
        XCTAssertEqual(screen.line(23), " j scroll  pagedown page  ? close                     Effectiveness × Diagnosis")
        driver.press("j")
        screen = driver.screen()
        XCTAssertEqual(screen.line(2), "│   q         save and quit" + String(repeating: " ", count: 52) + "│")
        driver.press("G")
        let lines = HelpOverlay.lines(for: TestKeys.defaultKeymap)
        XCTAssertEqual(driver.screen().line(21).trimmingCharacters(in: CharacterSet(charactersIn: "│ ")),
                       lines.last!.text.trimmingCharacters(in: .whitespaces))
        driver.press("esc")
        XCTAssertEqual(driver.workspace.mode, .normal)
        XCTAssertEqual(driver.screen().text, WorkspaceDriver().screen().text)
    }

    func testHelpIsGeneratedFromTheActiveKeymap() {
        var keymap = Keymap()
        keymap.bind([.char("Z")], to: .undo, in: .global)
        keymap.bind([Key(.enter)], to: .edit, in: .grid)
        let lines = HelpOverlay.lines(for: keymap).map(\.text)
        XCTAssertEqual(Array(lines.prefix(6)), [
            "Anywhere (outside the editor)",
            "  Z  undo the last change",
            "",
            "Framework grid",
            "  enter  edit the selected text in place",
            "",
        ])
    }

    func testEveryActionHasASummary() {
        for action in Action.allCases {
            XCTAssertFalse(action.summary.isEmpty, action.rawValue)
        }
    }

    func testEditorOpensOverTheCellWithTheCursorAtTheEnd() {
        var driver = WorkspaceDriver()
        driver.press("l", "l", "enter")
        driver.type("Short")
        var screen = driver.screen()
        // Text that fits is edited in the cell itself.
        XCTAssertEqual(screen.line(3), "│  3 Oct 23  I Vikram Hansra…││ Effectiveness │ Some excellent │ Short         │")
        XCTAssertEqual(screen[65, 3].style.role, .editing)
        XCTAssertEqual(screen.cursor?.x, 70)
        XCTAssertEqual(screen.cursor?.y, 3)
        XCTAssertEqual(screen.line(23), " enter finish  esc leave  A-enter new line" + String(repeating: " ", count: 13)
            + "Effectiveness × Outcomes")
        // Text that needs more room grows into a box anchored at the cell.
        // (Effectiveness × Provision/Funding, at the right edge, so the box grows to the left.)
        driver.press("esc", "home", "l", "enter")
        screen = driver.screen()
        XCTAssertEqual(screen.line(3), "│  3 Oct 23  I Vikram Hansra…││ Effectiveness │ Depends ┌──────────────────────┐")
        XCTAssertEqual(screen.line(4), "│ 30 Oct 23  I SENDIASS      ││               │ conditio│ Some excellent       │")
        XCTAssertEqual(screen.line(8), "│ 25 Mar 24  W 10 special sc…││               │         │ school-to-school     │")
        XCTAssertEqual(screen.line(9), "│ 10 Apr 24  M Autism Partne…││               │         │ differences.         │")
        XCTAssertEqual(screen.line(10), "│ TO BE SCHEDULED            ││               │         └──────────────────────┘")
        XCTAssertEqual(screen.cursor?.x, 70)
        XCTAssertEqual(screen.cursor?.y, 9)
    }

    func testPromptLineShowsWhatIsTypedWithTheCursor() {
        var driver = WorkspaceDriver()
        driver.press(":")
        driver.type("add cri")
        let screen = driver.screen()
        XCTAssertEqual(screen.line(23), ":add cri")
        XCTAssertEqual(screen.cursor?.x, 8)
        XCTAssertEqual(screen.cursor?.y, 23)
    }

    func testLongPromptKeepsTheCursorInViewAndCompletionsShowAtTheRight() {
        var driver = WorkspaceDriver()
        driver.press("/")
        driver.type(String(repeating: "x", count: 100))
        var screen = driver.screen()
        XCTAssertEqual(screen.line(23), "/" + String(repeating: "x", count: 77))
        XCTAssertEqual(screen.cursor?.x, 78)
        driver.press("esc", ":")
        driver.type("re")
        driver.press("tab")
        screen = driver.screen()
        XCTAssertEqual(screen.line(23), ":re" + String(repeating: " ", count: 15)
            + "redo redraw rename rename-criterion rename-dimension renumber")
        XCTAssertEqual(screen.cursor?.x, 3)
    }
}
