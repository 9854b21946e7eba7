import Foundation
@testable import PanelModel
import XCTest
@testable import PanelTerminal

/// The question asked before the screen starts when another Scrutiny holds the store.
final class HostJournalLockPromptTests: XCTestCase {
    private let holder = StoreLockError.heldHere(
        StoreLock.Owner(pid: 4242, host: "clerk-laptop", started: "2024-03-06T10:41:07Z", program: "scrutiny 0.1"),
        lockFile: "panel.json.lock", storeName: "panel.json")

    private func ask(_ answers: [String]) -> (LockPrompt.Choice, [String]) {
        var answers = answers
        var said: [String] = []
        let choice = LockPrompt.ask(holder, read: { prompt in
            said.append(prompt)
            return answers.isEmpty ? nil : answers.removeFirst()
        }, say: { said.append($0) })
        return (choice, said)
    }

    func testItSaysWhoHoldsTheStoreAndSinceWhenThenOffersReadOnly() {
        let (choice, said) = ask(["r"])
        XCTAssertEqual(choice, .readOnly)
        XCTAssertEqual(said, [
            "panel.json is open in pid 4242 on clerk-laptop since 2024-03-06T10:41:07Z (scrutiny 0.1). "
                + "Close it there, or open this copy read-only.",
            "[r]ead-only / [q]uit: ",
        ])
    }

    func testAnythingElseIsAskedAgainAndQuitOrEndOfInputQuits() {
        let (choice, said) = ask(["yes", " R "])
        XCTAssertEqual(choice, .readOnly)
        XCTAssertEqual(said.dropFirst(), ["[r]ead-only / [q]uit: ", "Type r to open it read-only, or q to quit.",
                                          "[r]ead-only / [q]uit: "])
        XCTAssertEqual(ask(["q"]).0, .quit)
        XCTAssertEqual(ask([""]).0, .quit, "Enter alone does not open anything")
        XCTAssertEqual(ask([]).0, .quit, "end of input")
    }
}
