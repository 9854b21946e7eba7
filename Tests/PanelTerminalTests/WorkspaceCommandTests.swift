import XCTest
import PanelModel
@testable import PanelTerminal

/// The `:` command line: actions by name, friendly forms, completion, errors.
final class WorkspaceCommandTests: XCTestCase {
    func testFriendlyAddForms() {
        var driver = WorkspaceDriver()
        run(&driver, "add criterion Sustainability")
        run(&driver, "add dimension Voice of the child")
        run(&driver, "add question Transport")
        run(&driver, "add item Visit to Harmood")
        XCTAssertEqual(driver.document.framework.criteria.map(\.name)[1], "Sustainability")
        XCTAssertEqual(driver.document.framework.dimensions.map(\.name)[1], "Voice of the child")
        XCTAssertEqual(driver.document.questions.map(\.title), ["ENG and Clusters", "Transport", "Equity"])
        XCTAssertEqual(driver.document.schedule.last?.title, "Visit to Harmood")
        XCTAssertEqual(driver.workspace.focus, .schedule)
    }

    func testActionsByName() {
        var driver = WorkspaceDriver()
        run(&driver, "add-criterion Voice")
        XCTAssertEqual(driver.document.framework.criteria[1].name, "Voice")
        run(&driver, "undo")
        XCTAssertEqual(driver.document, TestPanel.make())
        run(&driver, "redo")
        run(&driver, "rename-criterion Child voice")
        XCTAssertEqual(driver.document.framework.criteria[1].name, "Child voice")
        run(&driver, "focus-questions")
        XCTAssertEqual(driver.workspace.focus, .questions)
        run(&driver, "rename Equity again")
        XCTAssertEqual(driver.document.questions[0].title, "Equity again")
        run(&driver, "status answered")
        XCTAssertEqual(driver.document.questions[0].status, .answered)
        run(&driver, "help")
        XCTAssertEqual(driver.workspace.mode, .help(firstLine: 0))
    }

    func testScheduleFieldsByCommand() {
        var driver = WorkspaceDriver()
        driver.press("1", "G")
        run(&driver, "date 6 May")
        XCTAssertEqual(driver.document.schedule[6].date, CalendarDate(year: 2024, month: 5, day: 6))
        run(&driver, "kind workshop")
        XCTAssertEqual(driver.document.schedule[6].kind, .workshop)
        run(&driver, "status cancelled")
        XCTAssertEqual(driver.document.schedule[6].status, .cancelled)
        run(&driver, "kind party")
        XCTAssertEqual(driver.message, "“party” is not a kind: interview, meeting, visit, forum, workshop, survey, other")
        run(&driver, "status maybe")
        XCTAssertEqual(driver.message, "“maybe” is not a status here: planned, held, cancelled")
    }

    func testQuitByCommand() {
        var driver = WorkspaceDriver()
        run(&driver, "q")
        XCTAssertEqual(driver.effects, [.quit])
        driver.effects = []
        run(&driver, "quit")
        XCTAssertEqual(driver.effects, [.quit])
    }

    func testErrorsAreShownNotThrown() {
        var driver = WorkspaceDriver()
        run(&driver, "frobnicate")
        XCTAssertEqual(driver.message, "“frobnicate” is not a command — Tab completes command names, ? lists the keys")
        run(&driver, "undo everything")
        XCTAssertEqual(driver.message, ":undo takes nothing after it")
        run(&driver, "add table Foo")
        XCTAssertEqual(driver.message, "Add what? :add criterion|dimension|question|item NAME")
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testTabCompletesCommandNames() {
        var driver = WorkspaceDriver()
        driver.press(":")
        driver.type("add-c")
        driver.press("tab")
        XCTAssertEqual(promptText(driver), "add-criterion ")
        driver.press("C-u")
        driver.type("re")
        driver.press("tab")
        XCTAssertEqual(promptText(driver), "re")
        XCTAssertEqual(driver.message, "redo redraw rename rename-criterion rename-dimension renumber")
        driver.type("na")
        driver.press("tab")
        XCTAssertEqual(promptText(driver), "rename")
        driver.press("C-u")
        driver.type("add d")
        driver.press("tab")
        XCTAssertEqual(promptText(driver), "add dimension ")
        driver.type("Voice")
        driver.press("enter")
        XCTAssertEqual(driver.document.framework.dimensions[1].name, "Voice")
    }

    func testCommandWithoutANameOpensThePrompt() {
        var driver = WorkspaceDriver()
        run(&driver, "add criterion")
        guard case .prompt(let prompt) = driver.workspace.mode else { return XCTFail("no prompt") }
        XCTAssertEqual(prompt.kind, .newCriterion(at: 1))
    }

    /// Every action runs from the command line by its name and visibly does something: changes
    /// the panel, the focus or selection, opens a prompt, editor or help, asks the host for
    /// something, or says why it can't.
    func testEveryActionRunsByNameAndDoesSomethingVisible() {
        for action in Action.allCases {
            var driver = WorkspaceDriver()
            // From the middle of the grid, so every move can move; from elsewhere for its focus key.
            driver.press("j", "l")
            if action == .focusFramework { driver.press("3") }
            let before = driver.workspace
            run(&driver, action.rawValue)
            let after = driver.workspace
            let changed = after.document != before.document || after.focus != before.focus
                || after.selection != before.selection || after.mode != before.mode || !driver.effects.isEmpty
                || after.message != nil || after.chair != before.chair
            XCTAssertTrue(changed, ":\(action.rawValue) did nothing visible")
        }
    }

    private func run(_ driver: inout WorkspaceDriver, _ command: String) {
        driver.press(":")
        driver.type(command)
        driver.press("enter")
    }

    private func promptText(_ driver: WorkspaceDriver) -> String? {
        if case .prompt(let prompt) = driver.workspace.mode { return prompt.input.text }
        return nil
    }
}
