import XCTest
import PanelModel
@testable import PanelTerminal

/// The workspace under the other built-in keymaps: sequences in every mode, and messages that
/// name the keys really bound.
final class WorkspaceKeymapTests: XCTestCase {
    private func driver(_ keymapName: String) throws -> WorkspaceDriver {
        var driver = WorkspaceDriver()
        let keymap = try KeymapLoader.load(keymapName, userFile: nil)
        driver.workspace = Workspace(document: TestPanel.make(), keymap: keymap, today: TestPanel.today)
        return driver
    }

    func testEmacsSequencesWorkOutsideAndInsideTheEditor() throws {
        var driver = try driver("emacs")
        driver.press("C-x o")
        XCTAssertEqual(driver.workspace.focus, .questions)
        driver.press("A-2", "C-n", "enter")
        driver.type("Waits")
        driver.press("C-c")
        XCTAssertEqual(driver.message, "C-c …")
        driver.press("C-c")
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "Waits")
        XCTAssertEqual(driver.workspace.mode, .normal)
        driver.press("C-c d r")
        XCTAssertEqual(driver.screen().line(23), "Delete criterion “Efficiency” and its 2 filled cells? (y/n)")
        driver.press("C-g")
        XCTAssertEqual(driver.message, "Nothing deleted")
        driver.press("C-x u")
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "")
        driver.press("C-q")
        XCTAssertEqual(driver.message, "C-q: not bound here — ? for help; C-x C-c quits, everything is saved")
        driver.press("C-x C-c")
        XCTAssertEqual(driver.effects.last, .quit)
    }

    func testEmacsPromptLeavesWithASequence() throws {
        var driver = try driver("emacs")
        driver.press("A-x")
        driver.type("und")
        driver.press("C-c C-k")
        XCTAssertEqual(driver.workspace.mode, .normal)
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testVimKeys() throws {
        var driver = try driver("vim")
        driver.press("$")
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Outcomes")
        driver.press("0", "i")
        driver.type(" Yes")
        driver.press("esc")
        XCTAssertEqual(driver.cell("effectiveness", "diagnosis"), "Depends on condition being diagnosed. Yes")
        driver.press("C-w w")
        XCTAssertEqual(driver.workspace.focus, .questions)
        driver.press("Z Z")
        XCTAssertEqual(driver.effects.last, .quit)
    }
}
