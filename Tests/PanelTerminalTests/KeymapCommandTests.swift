import Foundation
import ScrutinyTestSupport
import XCTest
@testable import PanelTerminal

/// `scrutiny keymap show`: the listing itself, and the real program run from outside the checkout.
final class KeymapCommandTests: XCTestCase {
    func testTheListingShowsEachContextsActionsKeysAndTheirFiles() throws {
        let scratch = try KeymapTestSupport.temporaryFolder(for: self)
        let chosen = try KeymapTestSupport.write("""
            [global]
            "q" = "quit"
            "j" = "move-down"
            "down" = "move-down"
            [editor]
            "esc" = "leave-edit"
            """, to: "small.toml", in: scratch)
        let user = try KeymapTestSupport.write("[global]\n\"C-q\" = \"quit\"\n[grid]\n\"enter\" = \"edit\"\n",
                                               to: "keymap.toml", in: scratch)
        let resolved = try KeymapLoader.resolve(chosen.path, userFile: user)
        let unbound = Action.allCases.filter { ![.quit, .moveDown, .edit, .leaveEdit].contains($0) }
        XCTAssertEqual(KeymapListing.render(resolved), """
            Keymap: \(chosen.path)
            User overrides: \(user.path) (keys marked *)
            Keys not bound in a pane fall back to [global]; the editor has no fall-back.

            [global]
              quit                  q, C-q*
              move-down             down, j

            [grid]
              edit                  enter*

            [editor]
              leave-edit            esc

            No key runs: \(unbound.map(\.rawValue).joined(separator: ", "))

            """)
    }

    // MARK: - The real program

    /// The built `scrutiny`, run from `config` (any folder outside the checkout) with only
    /// that folder's user keymaps.
    private func run(_ arguments: [String], config: URL) throws -> CommandRun {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = config.path
        environment["SCRUTINY_KEYMAPS"] = nil
        return try CommandRun.run(ScrutinyBinary.url(), arguments, in: config, environment: environment)
    }

    func testTheProgramFindsTheBuiltInMapsFromAnyFolder() throws {
        let config = try KeymapTestSupport.temporaryFolder(for: self)
        let result = try run(["keymap", "show", "--keymap", "vim"], config: config)
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.err, "")
        let expected = KeymapListing.render(try KeymapLoader.resolve("vim", userFile: nil))
        XCTAssertEqual(result.out, expected)
        XCTAssertTrue(result.out.contains("\n  quit                  Z Z\n"), result.out)
    }

    func testTheProgramLaysTheUserFileOver() throws {
        let config = try KeymapTestSupport.temporaryFolder(for: self)
        let user = try KeymapTestSupport.write("[global]\n\"F10\" = \"quit\"\n", to: "scrutiny/keymap.toml", in: config)
        let result = try run(["keymap", "show"], config: config)
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.hasPrefix("Keymap: \(KeymapTestSupport.builtInFolder.standardizedFileURL.path)/default.toml\n"
                                           + "User overrides: \(user.path) (keys marked *)\n"), result.out)
        XCTAssertTrue(result.out.contains("\n  quit                  F10*, q\n"), result.out)
    }

    func testAKeymapErrorIsPrintedAndExitsWithOne() throws {
        let config = try KeymapTestSupport.temporaryFolder(for: self)
        let bad = try KeymapTestSupport.write("[grid]\n\"x\" = \"clear\"\n\"C-foo\" = \"clear\"\n", to: "bad.toml", in: config)
        let result = try run(["keymap", "show", "--keymap", bad.path], config: config)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.out, "")
        XCTAssertEqual(result.err, "scrutiny: \(bad.path):3: unknown key name \"C-foo\" in [grid]; write keys like "
                       + "\"a\", \"A\", \"?\", \"C-s\", \"A-enter\", \"S-tab\", \"F5\", \"space\" or \"g g\"\n")

        let missing = try run(["keymap", "show", "--keymap", "nope"], config: config)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.err, "scrutiny: there is no built-in keymap named \"nope\"; the built-in keymaps are "
                       + "default, emacs, vim (to use a file, give its path, e.g. ./nope.toml)\n")
    }
}
