import XCTest
import PanelModel
@testable import PanelTerminal

/// In a read-only view every way into an editor is refused before it opens, so nothing is
/// typed (or pasted) only to be thrown away at Enter.
final class ReadOnlyRefusalTests: XCTestCase {
    private func readOnly() -> WorkspaceDriver {
        var driver = WorkspaceDriver()
        driver.workspace.readOnly = true
        return driver
    }

    func testAPasteOnTheGridOpensNoEditor() {
        var driver = readOnly()
        driver.paste("Pasted text")
        XCTAssertEqual(driver.workspace.mode, .normal)
        XCTAssertEqual(driver.message, "read-only view: nothing can be changed here")
    }

    func testAPasteInTheNotesDrawerOpensNoNoteBox() {
        var driver = readOnly()
        driver.press("N")
        driver.paste("Pasted note")
        if case .notes = driver.workspace.mode {} else { XCTFail("the drawer stays, with no note box over it") }
        XCTAssertEqual(driver.message, "read-only view: nothing can be changed here")
    }

    func testEditingANoteFromTheDrawerIsRefusedBeforeTheEditorOpens() {
        var document = TestPanel.make()
        document.notes = [Note(id: "n1", at: "2024-03-07T10:00:00+00:00", text: "A note",
                               subject: .cell(TestPanel.key("effectiveness", "diagnosis")))]
        var driver = WorkspaceDriver(document)
        driver.workspace.readOnly = true
        driver.press("N", "e")
        if case .notes = driver.workspace.mode {} else { XCTFail("no editor opened") }
        XCTAssertEqual(driver.message, "read-only view: nothing can be changed here")
    }

    func testEnterAndRenameOpenNoEditor() {
        var driver = readOnly()
        for key in ["enter", "3", "r"] {
            driver.press(key)
            if case .editing = driver.workspace.mode { XCTFail("\(key) opened an editor") }
        }
        XCTAssertEqual(driver.message, "read-only view: nothing can be changed here")
    }

    func testASearchStillTakesAPaste() {
        var driver = readOnly()
        driver.press("/")
        driver.paste("data")
        if case .prompt(let prompt) = driver.workspace.mode { XCTAssertEqual(prompt.input.text, "data") } else {
            XCTFail("the search prompt stays open")
        }
    }
}
