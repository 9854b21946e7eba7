import Foundation
import PanelModel
import XCTest

/// `:sync` in the real workspace, in tmux, with real git and a bare shared repository: the
/// clerk sees git's output on the plain terminal, presses Enter, and is back in the workspace
/// with the other clerk's cell merged in, while their own is pushed for the other clerk.
final class SyncInWorkspaceTests: XCTestCase {
    let equity = CellKey(criterion: "crit-equity", dimension: "dim-outcomes")
    let efficiency = CellKey(criterion: "crit-efficiency", dimension: "dim-outcomes")

    func testSyncInTheWorkspaceMergesTheOtherClerksCellAndPushesOurs() throws {
        let sandbox = try SyncSandbox()
        defer { sandbox.remove() }
        var start = PanelDocument()
        start.panel.title = "SEND Provision Scrutiny Panel"
        start.framework = Framework(
            criteria: [AxisItem(id: "crit-equity", name: "Equity"), AxisItem(id: "crit-efficiency", name: "Efficiency")],
            dimensions: [AxisItem(id: "dim-outcomes", name: "Outcomes")])
        let a = try sandbox.startPanel(start, clerk: "a")
        let b = try sandbox.join(clerk: "b")
        try sandbox.edit(in: b) { $0.framework[self.efficiency] = "From clerk B" }
        let bSync = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(bSync.status, 0, bSync.err + bSync.out)

        // The sandbox's git identity and HOME, and nothing else of this machine's environment.
        let environment = sandbox.environment.filter { $0.key == "HOME" || $0.key.hasPrefix("GIT_") }
        let session = try TmuxSession([ScrutinyBinary.path(), "panel.json"], environment: environment, directory: a)
        defer { session.close() }
        try session.waitFor("Equity × Outcomes")
        try session.press("Enter")
        try session.type("From clerk A")
        try session.press("Enter")
        try session.waitFor("saved ")
        try session.type(":sync")
        try session.press("Enter")
        try session.waitFor("Press Enter to return to Scrutiny.", timeout: 60)
        let output = try session.screen()
        XCTAssertTrue(output.contains("Pushed to origin/main."), output)
        try session.press("Enter")
        try session.waitFor("Synced: the panel now holds everyone's changes · undo history cleared")
        try session.waitFor("From clerk B")
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)

        let mine = try sandbox.panel(in: a)
        XCTAssertEqual(mine.framework[efficiency], "From clerk B")
        XCTAssertEqual(mine.framework[equity], "From clerk A")
        XCTAssertEqual(mine.conflicts.count, 0)
        // Nothing of the session's own files was committed: only the store and .gitattributes.
        XCTAssertEqual(try sandbox.git(["ls-files"], in: a), ".gitattributes\npanel.json")

        let bAgain = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(bAgain.status, 0, bAgain.err + bAgain.out)
        XCTAssertEqual(try sandbox.panel(in: b).framework[equity], "From clerk A")
    }
}
