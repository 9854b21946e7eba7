import Foundation
import XCTest
@testable import PanelTerminal

/// Choosing a map by name or path, laying the user's file over it, and finding the built-in
/// folder. The user file is always injected (never the real ~/.config), and so is the
/// environment used to find it.
final class KeymapLoaderTests: XCTestCase {
    private let folder = KeymapTestSupport.builtInFolder

    func testNilIsTheDefaultMap() throws {
        XCTAssertEqual(try KeymapLoader.load(userFile: nil), try KeymapLoader.load("default", userFile: nil))
        XCTAssertEqual(try KeymapLoader.load(userFile: nil).lookup([.char("q")], in: .grid), .action(.quit))
    }

    func testANameIsABuiltInMapAndAPathIsReadAsIs() throws {
        let scratch = try KeymapTestSupport.temporaryFolder(for: self)
        let file = try KeymapTestSupport.write("[global]\n\"F2\" = \"quit\"\n", to: "vim", in: scratch)
        let fromPath = try KeymapLoader.load(file.path, userFile: nil)
        XCTAssertEqual(fromPath.bindings, [.global: [[Key(.function(2))]: .quit]])

        let vim = try KeymapLoader.resolve("vim", userFile: nil, builtInFolder: folder)
        XCTAssertEqual(vim.files, [folder.appendingPathComponent("vim.toml").path])
        XCTAssertEqual(vim.keymap.lookup([.char("Z"), .char("Z")], in: .grid), .action(.quit))
    }

    func testANameEndingInTomlIsAPathEvenWithoutASlash() {
        XCTAssertThrowsError(try KeymapLoader.load("vim.toml", userFile: nil)) { error in
            XCTAssertEqual("\(error)", "vim.toml: no such keymap file")
        }
    }

    func testAnUnknownBuiltInNameListsTheOnesThereAre() {
        XCTAssertThrowsError(try KeymapLoader.load("vi", userFile: nil)) { error in
            XCTAssertEqual("\(error)", "there is no built-in keymap named \"vi\"; the built-in keymaps are default, "
                + "emacs, vim (to use a file, give its path, e.g. ./vi.toml)")
        }
    }

    func testTheUserFileRebindsAndUnbindsSingleKeys() throws {
        let config = try KeymapTestSupport.temporaryFolder(for: self)
        let userFile = try XCTUnwrap(KeymapLoader.userFile(environment: ["XDG_CONFIG_HOME": config.path, "HOME": "/nonexistent"]))
        XCTAssertEqual(userFile.path, config.path + "/scrutiny/keymap.toml")
        try KeymapTestSupport.write("""
            [global]
            "q" = "none"
            "C-q" = "quit"
            "G" = "go-first"

            [grid]
            "x" = "none"
            "enter" = "add-criterion"
            """, to: "scrutiny/keymap.toml", in: config)

        let keymap = try KeymapLoader.load(nil, userFile: userFile)
        XCTAssertEqual(keymap.lookup([.char("q")], in: .grid), .none)
        XCTAssertEqual(keymap.lookup([.ctrl("q")], in: .grid), .action(.quit))
        XCTAssertEqual(keymap.lookup([.char("G")], in: .schedule), .action(.goFirst))
        XCTAssertEqual(keymap.lookup([.char("x")], in: .grid), .none)
        XCTAssertEqual(keymap.lookup([Key(.enter)], in: .grid), .action(.addCriterion))
        // Everything else is the default map's.
        XCTAssertEqual(keymap.lookup([.char("g"), .char("g")], in: .grid), .action(.goFirst))
        XCTAssertEqual(keymap.lookup([Key(.delete)], in: .grid), .action(.clear))
        XCTAssertEqual(keymap.lookup([Key(.enter)], in: .schedule), .action(.edit))
        var expected = try KeymapLoader.load("default", userFile: nil)
        expected.unbind([.char("q")], in: .global)
        expected.bind([.ctrl("q")], to: .quit, in: .global)
        expected.bind([.char("G")], to: .goFirst, in: .global)
        expected.unbind([.char("x")], in: .grid)
        expected.bind([Key(.enter)], to: .addCriterion, in: .grid)
        XCTAssertEqual(keymap, expected)
    }

    func testAUserBindingTakesAwayTheSequencesItWouldShadow() throws {
        let config = try KeymapTestSupport.temporaryFolder(for: self)
        let userFile = try KeymapTestSupport.write("""
            [global]
            "g" = "go-last"
            [schedule]
            "d" = "delete"
            [grid]
            "d r x" = "delete-criterion"
            """, to: "keymap.toml", in: config)
        let keymap = try KeymapLoader.load("default", userFile: userFile)
        XCTAssertEqual(keymap.lookup([.char("g")], in: .questions), .action(.goLast))
        XCTAssertEqual(keymap.keys(for: .goFirst, in: .global), [], "g g can no longer be typed, so it is gone")
        XCTAssertEqual(keymap.lookup([.char("d")], in: .schedule), .action(.delete))
        XCTAssertEqual(keymap.lookup([.char("d"), .char("r")], in: .grid), .prefix)
        XCTAssertEqual(keymap.lookup(KeyName.parse("d r x")!, in: .grid), .action(.deleteCriterion))
        XCTAssertEqual(keymap.lookup(KeyName.parse("d c")!, in: .grid), .action(.deleteDimension))
    }

    func testAMissingUserFileIsIgnoredAndABrokenOneNamed() throws {
        let config = try KeymapTestSupport.temporaryFolder(for: self)
        let absent = config.appendingPathComponent("scrutiny/keymap.toml")
        XCTAssertEqual(try KeymapLoader.load(nil, userFile: absent), try KeymapLoader.load(nil, userFile: nil))

        let broken = try KeymapTestSupport.write("[editor]\n\"C-q\" = \"leave-edit\"\n\"esc\" = \"escape\"\n",
                                                 to: "scrutiny/keymap.toml", in: config)
        XCTAssertThrowsError(try KeymapLoader.load(nil, userFile: broken)) { error in
            XCTAssertEqual("\(error)", "\(broken.path):3: key \"esc\" in [editor] is bound to unknown action \"escape\"")
        }
    }

    func testAFolderOrNonUTF8FileIsNamedNotCrashedOn() throws {
        let scratch = try KeymapTestSupport.temporaryFolder(for: self)
        XCTAssertThrowsError(try KeymapLoader.load(scratch.path, userFile: nil)) { error in
            XCTAssertEqual("\(error)", "\(scratch.path): cannot read this keymap file: it is a folder")
        }
        let latin1 = scratch.appendingPathComponent("latin1.toml")
        try Data([0x5B, 0x67, 0x72, 0x69, 0x64, 0x5D, 0x0A, 0xE9]).write(to: latin1)
        XCTAssertThrowsError(try KeymapLoader.load(latin1.path, userFile: nil)) { error in
            XCTAssertEqual("\(error)", "\(latin1.path): cannot read this keymap file: it is not UTF-8 text")
        }
    }

    func testTheUserFileFollowsXDGConfigHomeThenHome() {
        XCTAssertEqual(KeymapLoader.userFile(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/c"])?.path,
                       "/x/conf/scrutiny/keymap.toml")
        XCTAssertEqual(KeymapLoader.userFile(environment: ["HOME": "/home/c"])?.path,
                       "/home/c/.config/scrutiny/keymap.toml")
        XCTAssertEqual(KeymapLoader.userFile(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/c"])?.path,
                       "/home/c/.config/scrutiny/keymap.toml")
        XCTAssertEqual(KeymapLoader.userFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/c"])?.path,
                       "/home/c/.config/scrutiny/keymap.toml", "a relative XDG_CONFIG_HOME is ignored, as the spec says")
        XCTAssertNil(KeymapLoader.userFile(environment: [:]))
    }

    func testTheBuiltInFolderIsFoundAboveTheProgramOrFromTheEnvironment() throws {
        let scratch = try KeymapTestSupport.temporaryFolder(for: self)
        try KeymapTestSupport.write("[global]\n", to: "checkout/keymaps/default.toml", in: scratch)
        try KeymapTestSupport.write("", to: "checkout/.build/x86_64-unknown-linux-gnu/debug/scrutiny", in: scratch)
        let program = scratch.appendingPathComponent("checkout/.build/x86_64-unknown-linux-gnu/debug/scrutiny")
        XCTAssertEqual(try BuiltInKeymaps.folder(environment: [:], executable: program).path,
                       scratch.appendingPathComponent("checkout/keymaps").path)

        try KeymapTestSupport.write("[global]\n", to: "usr/share/scrutiny/keymaps/default.toml", in: scratch)
        try KeymapTestSupport.write("", to: "usr/bin/scrutiny", in: scratch)
        XCTAssertEqual(try BuiltInKeymaps.folder(environment: [:], executable: scratch.appendingPathComponent("usr/bin/scrutiny")).path,
                       scratch.appendingPathComponent("usr/share/scrutiny/keymaps").path)

        let env = ["SCRUTINY_KEYMAPS": scratch.appendingPathComponent("usr/share/scrutiny/keymaps").path]
        XCTAssertEqual(try BuiltInKeymaps.folder(environment: env, executable: program).path, env["SCRUTINY_KEYMAPS"])

        XCTAssertThrowsError(try BuiltInKeymaps.folder(environment: ["SCRUTINY_KEYMAPS": scratch.path], executable: program)) { error in
            XCTAssertEqual("\(error)", "cannot find the built-in keymaps (looked for keymaps/default.toml in "
                + "SCRUTINY_KEYMAPS=\(scratch.path)); set SCRUTINY_KEYMAPS to the folder that holds default.toml")
        }
    }

    func testNoBuiltInFolderIsAClearError() throws {
        let scratch = try KeymapTestSupport.temporaryFolder(for: self)
        try KeymapTestSupport.write("", to: "bin/scrutiny", in: scratch)
        XCTAssertThrowsError(try BuiltInKeymaps.folder(environment: [:], executable: scratch.appendingPathComponent("bin/scrutiny"))) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("cannot find the built-in keymaps (looked for keymaps/default.toml in "
                                            + scratch.appendingPathComponent("bin").path + ", " + scratch.path + ", "), message)
            XCTAssertTrue(message.hasSuffix(", /); set SCRUTINY_KEYMAPS to the folder that holds default.toml"), message)
        }
    }
}
