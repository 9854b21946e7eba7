import XCTest
@testable import PanelTerminal

/// What the workspace asks the keymap: which action a key (or sequence) runs where.
final class KeymapLookupTests: XCTestCase {
    private func keys(_ name: String) -> [Key] { KeyName.parse(name)! }

    func testSequencesWaitForTheirNextKey() throws {
        let keymap = try KeymapLoader.load("default", userFile: nil)
        XCTAssertEqual(keymap.lookup(keys("g"), in: .global), .prefix)
        XCTAssertEqual(keymap.lookup(keys("g g"), in: .global), .action(.goFirst))
        XCTAssertEqual(keymap.lookup(keys("g x"), in: .global), .none)
        XCTAssertEqual(keymap.lookup(keys("d"), in: .grid), .prefix)
        XCTAssertEqual(keymap.lookup(keys("d r"), in: .grid), .action(.deleteCriterion))
        XCTAssertEqual(keymap.lookup(keys("d d"), in: .grid), .none)
        XCTAssertEqual(keymap.lookup(keys("d d"), in: .questions), .action(.delete))
    }

    func testPanesFallBackToGlobalButTheEditorDoesNot() throws {
        let keymap = try KeymapLoader.load("default", userFile: nil)
        XCTAssertEqual(keymap.lookup(keys("g"), in: .grid), .prefix, "g g is global")
        XCTAssertEqual(keymap.lookup(keys("g g"), in: .schedule), .action(.goFirst))
        XCTAssertEqual(keymap.lookup(keys("q"), in: .questions), .action(.quit))
        XCTAssertEqual(keymap.lookup(keys("q"), in: .editor), .none, "q types a q in the editor")
        XCTAssertEqual(keymap.lookup(keys("g"), in: .editor), .none)
        XCTAssertEqual(keymap.lookup(keys("C-r"), in: .editor), .none)
        XCTAssertEqual(keymap.lookup(keys("up"), in: .editor), .action(.cursorUp))
        XCTAssertEqual(keymap.lookup(keys("up"), in: .grid), .action(.moveUp))
        XCTAssertEqual(keymap.lookup(keys("enter"), in: .grid), .action(.edit))
        XCTAssertEqual(keymap.lookup(keys("enter"), in: .editor), .action(.finishEdit))
        XCTAssertEqual(keymap.lookup(keys("x"), in: .schedule), .none, "x clears only in the grid")
    }

    func testTheFocusedContextWinsOverGlobalEvenWithAPrefix() {
        let keymap = Keymap(bindings: [
            .global: [keys("d"): .quit, keys("s"): .search],
            .schedule: [keys("d d"): .delete, keys("s"): .cycleStatus],
        ])
        XCTAssertEqual(keymap.lookup(keys("d"), in: .schedule), .prefix)
        XCTAssertEqual(keymap.lookup(keys("d d"), in: .schedule), .action(.delete))
        XCTAssertEqual(keymap.lookup(keys("s"), in: .schedule), .action(.cycleStatus))
        XCTAssertEqual(keymap.lookup(keys("d"), in: .grid), .action(.quit))
        XCTAssertEqual(keymap.lookup(keys("s"), in: .global), .action(.search))
    }

    func testKeysForAnActionAreInReadingOrder() throws {
        let keymap = try KeymapLoader.load("default", userFile: nil)
        XCTAssertEqual(keymap.keys(for: .moveUp, in: .global).map(KeyName.format), ["up", "k"])
        XCTAssertEqual(keymap.keys(for: .cursorLineStart, in: .editor).map(KeyName.format), ["home", "C-a"])
        XCTAssertEqual(keymap.keys(for: .wordLeft, in: .editor).map(KeyName.format), ["C-left", "A-b"])
        XCTAssertEqual(keymap.keys(for: .clear, in: .grid).map(KeyName.format), ["del", "x"])
        XCTAssertEqual(keymap.keys(for: .goFirst, in: .global).map(KeyName.format), ["g g"])
        XCTAssertEqual(keymap.keys(for: .goFirst, in: .grid), [], "keys(for:in:) does not fall back")
    }
}
