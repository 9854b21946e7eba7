import XCTest
import PanelModel
@testable import PanelTerminal

/// Esc leaves a prompt at once but keeps what was typed: it comes back when the same prompt
/// opens again, and the message says which key brings it back.
final class KeptPromptTextTests: XCTestCase {
    private func promptText(_ driver: WorkspaceDriver) -> String? {
        if case .prompt(let prompt) = driver.workspace.mode { return prompt.input.text }
        return nil
    }

    func testANewCriterionNameComesBackWhenTheSamePromptOpens() {
        var driver = WorkspaceDriver()
        driver.press("o")
        driver.type("Sustainab")
        driver.press("esc")
        XCTAssertEqual(driver.workspace.mode, .normal)
        XCTAssertEqual(driver.message, "Kept “Sustainab” — o brings it back")
        XCTAssertEqual(driver.screen().line(23), " Kept “Sustainab” — o brings it back                  Effectiveness × Diagnosis")
        driver.press("o")
        XCTAssertEqual(promptText(driver), "Sustainab")
        driver.type("ility")
        driver.press("enter")
        XCTAssertEqual(driver.document.framework.criteria.map(\.name), ["Effectiveness", "Sustainability", "Efficiency", "Equity"])
        driver.press("o")
        XCTAssertEqual(promptText(driver), "", "a kept text comes back once, not after it was used")
    }

    func testEachPromptKeepsItsOwnText() {
        var driver = WorkspaceDriver()
        driver.press("/")
        driver.type("fund")
        driver.press("esc", ":")
        driver.type("add que")
        driver.press("esc")
        XCTAssertEqual(driver.message, "Kept “add que” — : brings it back")
        driver.press("O")
        XCTAssertEqual(promptText(driver), "", "the new-dimension prompt has nothing kept")
        driver.press("esc", "/")
        XCTAssertEqual(promptText(driver), "fund")
        driver.press("esc", ":")
        XCTAssertEqual(promptText(driver), "add que")
    }

    func testADateIsKeptOnlyWhenSomethingWasTyped() {
        var driver = WorkspaceDriver()
        driver.press("1", "j", "D")
        XCTAssertEqual(promptText(driver), "30 October 2023")
        driver.press("esc")
        XCTAssertNil(driver.message, "nothing was typed: nothing to keep")
        driver.press("D", "C-u")
        driver.type("6 Mar")
        driver.press("esc")
        XCTAssertEqual(driver.message, "Kept “6 Mar” — D brings it back")
        driver.press("D")
        XCTAssertEqual(promptText(driver), "6 Mar")
    }

    func testAnEmptiedPromptForgetsWhatWasKept() {
        var driver = WorkspaceDriver()
        driver.press("o")
        driver.type("Tmp")
        driver.press("esc", "o", "C-u", "esc", "o")
        XCTAssertEqual(promptText(driver), "")
    }
}
