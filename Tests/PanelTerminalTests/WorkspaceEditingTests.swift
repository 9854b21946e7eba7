import XCTest
import PanelModel
@testable import PanelTerminal

/// Editing in place through the workspace: every editor key, pastes, undo of text edits.
final class WorkspaceEditingTests: XCTestCase {
    func testEnterEditsTheCellAndEnterFinishesAsOneUndoableEdit() {
        var driver = WorkspaceDriver()
        driver.press("j", "j", "l", "l", "enter")
        driver.type("Café — 日本 🎉")
        XCTAssertEqual(driver.cell("equity", "outcomes"), "", "nothing is written until the edit finishes")
        driver.press("enter")
        XCTAssertEqual(driver.cell("equity", "outcomes"), "Café — 日本 🎉")
        XCTAssertEqual(driver.saves.count, 1)
        XCTAssertEqual(driver.saves.last, driver.document)
        driver.press("u")
        XCTAssertEqual(driver.cell("equity", "outcomes"), "")
        XCTAssertEqual(driver.message, "Undid the edit of “Equity” × “Outcomes”")
        driver.press("C-r")
        XCTAssertEqual(driver.cell("equity", "outcomes"), "Café — 日本 🎉")
        XCTAssertEqual(driver.message, "Redid the edit of “Equity” × “Outcomes”")
        XCTAssertEqual(driver.saves.count, 3)
    }

    func testCursorStartsAtTheEndAndEscKeepsTheText() {
        var driver = WorkspaceDriver()
        driver.press("enter")
        driver.type(" More.")
        driver.press("esc")
        XCTAssertEqual(driver.cell("effectiveness", "diagnosis"), "Depends on condition being diagnosed. More.")
        XCTAssertEqual(driver.workspace.mode, .normal)
    }

    func testAltEnterStartsANewLineAndLettersAreTextNotCommands() {
        var driver = WorkspaceDriver()
        driver.press("j", "enter")
        driver.type("quit")
        driver.press("A-enter")
        driver.type("u?:/")
        driver.press("C-c")
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "quit\nu?:/")
        XCTAssertFalse(driver.effects.contains(.quit))
    }

    func testEditorKeysMoveAndDelete() {
        var driver = WorkspaceDriver()
        driver.press("j", "enter")
        driver.type("one two three")
        driver.press("C-w")
        XCTAssertEqual(editorText(driver), "one two ")
        driver.press("backspace", "C-a")
        driver.type("x")
        driver.press("C-e")
        driver.type("y")
        XCTAssertEqual(editorText(driver), "xone twoy")
        driver.press("A-b", "del")
        XCTAssertEqual(editorText(driver), "xone woy")
        driver.press("C-right")
        driver.type("!")
        XCTAssertEqual(editorText(driver), "xone woy!")
        driver.press("left", "left", "C-k")
        XCTAssertEqual(editorText(driver), "xone wo")
        driver.press("C-a", "right", "C-u")
        XCTAssertEqual(editorText(driver), "one wo")
        driver.press("C-e", "C-d", "backspace", "backspace")
        XCTAssertEqual(editorText(driver), "one ")
        driver.press("C-left", "A-f")
        driver.type("d")
        XCTAssertEqual(editorText(driver), "oned ")
        driver.press("C-e", "C-u")
        XCTAssertEqual(editorText(driver), "")
        driver.type("a")
        driver.press("A-enter")
        driver.type("b")
        driver.press("up", "home")
        driver.type("^")
        driver.press("down", "end")
        driver.type("$")
        driver.press("enter")
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "^a\nb$")
        driver.press("u")
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "", "the whole edit is one step of undo")
    }

    func testUnboundKeyInTheEditorChangesNothingAndSaysHowToLeave() {
        var driver = WorkspaceDriver()
        driver.press("enter", "C-x")
        XCTAssertEqual(driver.message, "C-x: not bound in the editor — enter finishes, esc leaves (both keep the text)")
        XCTAssertEqual(editorText(driver), "Depends on condition being diagnosed.")
    }

    func testScheduleAndQuestionEditsInPlace() {
        var driver = WorkspaceDriver()
        driver.press("1", "enter")
        driver.type(" (Director)")
        driver.press("enter")
        XCTAssertEqual(driver.document.schedule[0].title, "Vikram Hansrani (Director)")
        driver.press("3", "j", "enter")
        driver.type(" Ask more.")
        driver.press("enter")
        XCTAssertEqual(driver.document.questions[1].text, "Focus on this across the piece. Ask more.")
        driver.press("r")
        driver.type(" and fairness")
        driver.press("enter")
        XCTAssertEqual(driver.document.questions[1].title, "Equity and fairness")
        driver.press("u")
        XCTAssertEqual(driver.document.questions[1].title, "Equity")
        driver.press("u")
        XCTAssertEqual(driver.document.questions[1].text, "Focus on this across the piece.")
        driver.press("u")
        XCTAssertEqual(driver.document.schedule[0].title, "Vikram Hansrani")
        XCTAssertEqual(driver.workspace.focus, .schedule, "undo shows where it happened")
    }

    func testTitlesStayOneLine() {
        var driver = WorkspaceDriver()
        driver.press("1", "enter", "A-enter")
        XCTAssertEqual(driver.message, "A name is one line: Enter finishes it")
        driver.paste("a\nb")
        driver.press("enter")
        XCTAssertEqual(driver.document.schedule[0].title, "Vikram Hansrania b")
    }

    func testPasteGoesIntoTheEditorAsTextNeverAsKeys() {
        var driver = WorkspaceDriver()
        driver.press("j", "enter")
        driver.paste("q\r\nline two\u{1B}[201~\u{1B}[31m:q")
        XCTAssertEqual(editorText(driver), "q\nline two[31m:q")
        XCTAssertFalse(driver.effects.contains(.quit))
        driver.press("enter")
        XCTAssertEqual(driver.cell("efficiency", "diagnosis"), "q\nline two[31m:q")
    }

    func testPasteOutsideTheEditorOpensItOnTheSelectionWithThePasteAppended() {
        var driver = WorkspaceDriver()
        driver.press("j", "j")
        driver.paste(" Pasted.")
        XCTAssertEqual(driver.workspace.mode, .editing(EditSession(
            target: .cell(criterion: "crit-equity", dimension: "dim-diagnosis"),
            editor: {
                var editor = TextEditor(text: "Lack of data")
                editor.insert(" Pasted.")
                return editor
            }())))
        driver.press("enter")
        XCTAssertEqual(driver.cell("equity", "diagnosis"), "Lack of data Pasted.")
    }

    func testResizeKeepsAnOpenEditAndItsText() {
        var driver = WorkspaceDriver()
        driver.press("enter")
        driver.type(" Typed")
        driver.resize(60, 20)
        XCTAssertTrue(driver.screen(width: 60, height: 20).text.contains("terminal too small (need 80×24)"))
        driver.type(" on")
        driver.resize(160, 50)
        XCTAssertEqual(editorText(driver), "Depends on condition being diagnosed. Typed on")
        XCTAssertTrue(driver.screen(width: 160, height: 50).line(4).contains("diagnosed. Typed on"))
        driver.press("enter")
        XCTAssertEqual(driver.cell("effectiveness", "diagnosis"), "Depends on condition being diagnosed. Typed on")
    }

    func testClearEmptiesTheCellAndUndoBringsItBack() {
        var driver = WorkspaceDriver()
        driver.press("x")
        XCTAssertEqual(driver.cell("effectiveness", "diagnosis"), "")
        driver.press("l", "del")
        XCTAssertEqual(driver.cell("effectiveness", "funding"), "")
        driver.press("u", "u")
        XCTAssertEqual(driver.document, TestPanel.make())
        XCTAssertEqual(driver.workspace.position, "Effectiveness × Diagnosis")
    }

    private func editorText(_ driver: WorkspaceDriver) -> String? {
        if case .editing(let session) = driver.workspace.mode { return session.editor.text }
        return nil
    }
}
