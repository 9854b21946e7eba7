import PanelModel
import XCTest
@testable import PanelTerminal

/// The window `scrutiny present` opens: it moves and zooms like presentation, but every change
/// is refused with "read-only view", it never asks for anything to be written, and it cannot
/// be turned back into a clerk's workspace.
final class PresentReadOnlyTests: XCTestCase {
    private func readOnly(width: Int = 80, height: Int = 24) -> WorkspaceDriver {
        var driver = PresentPanel.driver(width: width, height: height)
        driver.workspace.present(readOnly: true)
        return driver
    }

    func testEveryEditKeyIsRefused() {
        // The grid's edit keys in the default map, and undo / redo.
        for keys in ["enter", "x", "del", "o", "O", "r", "R", "d r", "d c", "K", "J", "H", "L", "u", "C-r"] {
            var driver = readOnly()
            driver.press("j")
            driver.press(keys)
            XCTAssertEqual(driver.message, "read-only view: nothing can be changed here", keys)
            XCTAssertEqual(driver.document, PresentPanel.make(), keys)
            XCTAssertEqual(driver.effects, [], keys)
            XCTAssertEqual(driver.workspace.mode, .normal, keys)
        }
    }

    func testEveryChangingActionIsRefusedFromTheCommandLineToo() {
        for line in ["add criterion Sustainability", "add-dimension Cost", "rename Fairness", "clear",
                     "undo", "status cancelled", "date 6 May", "add question Why?", "delete-criterion"] {
            var driver = readOnly()
            driver.runCommand(line)
            XCTAssertEqual(driver.message, "read-only view: nothing can be changed here", line)
            XCTAssertEqual(driver.document, PresentPanel.make(), line)
            XCTAssertFalse(driver.effects.contains { $0.writesStore }, line)
        }
    }

    func testItMovesZoomsAndHidesLikePresentation() {
        var driver = readOnly()
        driver.press("j", "l", "z")
        XCTAssertEqual(driver.screen().line(1), "    Efficiency × Provision/Funding")
        driver.press("esc", "G")
        XCTAssertEqual(driver.workspace.position, "Sustainability × Provision/Funding")
        driver.press("E")
        XCTAssertEqual(driver.workspace.position, "Equity × Provision/Funding", "Sustainability has no text: hidden")
    }

    func testItStaysPresentingAndOnTheGrid() {
        var driver = readOnly()
        driver.press("F5")
        XCTAssertEqual(driver.message, "This window always presents: q closes it")
        driver.press("esc")
        XCTAssertTrue(driver.workspace.chair.presenting)
        driver.press("tab")
        XCTAssertEqual(driver.message, "This view shows the framework only")
        XCTAssertEqual(driver.workspace.focus, .framework)
        driver.press("q")
        XCTAssertEqual(driver.effects, [.quit])
    }
}
