import XCTest
import PanelModel
@testable import PanelTerminal

/// A question added among others takes the next number, out of order; the message says so,
/// and `:renumber` puts every number in list order as one change that u undoes.
final class RenumberQuestionsTests: XCTestCase {
    func testAddingInTheMiddleSaysHowToRenumberAndRenumberIsOneUndoableChange() {
        var driver = WorkspaceDriver()
        driver.press("3", "a")
        driver.type("Outcomes")
        driver.press("enter")
        XCTAssertEqual(driver.document.questions.map(\.number), ["5.1", "5.3", "5.2"])
        XCTAssertEqual(driver.message, "Added question 5.3; Enter writes its text · :renumber puts the numbers in order")
        driver.press(":")
        driver.type("renumber")
        driver.press("enter")
        XCTAssertEqual(driver.document.questions.map(\.number), ["5.1", "5.2", "5.3"])
        XCTAssertEqual(driver.document.questions.map(\.title), ["ENG and Clusters", "Outcomes", "Equity"])
        XCTAssertEqual(driver.message, "Renumbered the questions 5.1–5.3 in order — u undoes")
        XCTAssertEqual(driver.screen().line(19), "│                            ││ 5.2 Outcomes     open                          │")
        driver.press("u")
        XCTAssertEqual(driver.document.questions.map(\.number), ["5.1", "5.3", "5.2"])
        driver.press(":")
        driver.type("renumber")
        driver.press("enter", ":")
        driver.type("renumber")
        driver.press("enter")
        XCTAssertEqual(driver.message, "The questions are already numbered in order")
    }

    func testAddingAtTheEndSaysNothingAboutNumbers() {
        var driver = WorkspaceDriver()
        driver.press("3", "G", "a")
        driver.type("Last")
        driver.press("enter")
        XCTAssertEqual(driver.message, "Added question 5.3; Enter writes its text")
    }

    func testTheCommandLineCompletesRenumber() {
        var driver = WorkspaceDriver()
        driver.press(":")
        driver.type("renu")
        driver.press("tab")
        guard case .prompt(let prompt) = driver.workspace.mode else { return XCTFail("the command line stays open") }
        XCTAssertEqual(prompt.input.text, "renumber ")
    }
}
