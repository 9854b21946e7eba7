import Foundation
import ScrutinyTestSupport
import PanelModel
import XCTest

/// `scrutiny [FILE]` refusing to start, as a plain command: each refusal says why, exits 1 and
/// leaves every file as it was.
final class OpenCommandTests: ScrutinyTestCase {

    /// Runs scrutiny with no terminal (input, output and errors are not a tty); returns status and stderr.
    private func runWithoutTerminal(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let run = try CommandRun.run(ScrutinyBinary.url(), arguments, in: folder,
                                     environment: ["HOME": folder.path, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"])
        return (run.status, run.err)
    }

    func testABrokenStoreIsReportedAndLeftUntouched() throws {
        let store = folder.appendingPathComponent("broken.json")
        try Data("{\"format\": \"scrutiny-panel\",".utf8).write(to: store)
        let result = try runWithoutTerminal([store.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.hasPrefix("scrutiny: "), result.errors)
        XCTAssertTrue(result.errors.contains("broken.json"), result.errors)
        XCTAssertEqual(try Data(contentsOf: store), Data("{\"format\": \"scrutiny-panel\",".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["broken.json"])
    }

    func testAMissingFileIsNotCreatedBehindTheUsersBack() throws {
        let result = try runWithoutTerminal(["typo.json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "scrutiny: typo.json does not exist; create it with `scrutiny new typo.json`\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo.json").path))
    }

    func testAKeymapErrorNamesTheFileLineAndKey() throws {
        let keymap = folder.appendingPathComponent("mine.toml")
        try "[grid]\nenter = \"edit\"\nC-nonsense = \"undo\"\n".write(to: keymap, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("panel.json")
        try PanelStore.create(PanelTemplates.blank, at: store)
        let result = try runWithoutTerminal([store.path, "--keymap", keymap.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.hasPrefix("scrutiny: \(keymap.path):3: unknown key name \"C-nonsense\" in [grid]"),
                      result.errors)
    }

    func testWithoutATerminalItRefusesAndCreatesNothing() throws {
        let result = try runWithoutTerminal([])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.hasPrefix("scrutiny: it needs a terminal"), result.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
