import Foundation
import XCTest
@testable import PanelTerminal

/// Start-up reads the few variables it needs with getenv, and asks where the program is only
/// when the keymaps are not named by `$SCRUTINY_KEYMAPS`: the same answers as before, less work.
final class EnvironmentValuesTests: XCTestCase {
    func testNamedVariablesAreTheProcessEnvironmentsOwn() {
        let names = ["HOME", "PATH", "SCRUTINY_SURELY_NOT_SET_9F2C"]
        let all = ProcessInfo.processInfo.environment
        XCTAssertEqual(EnvironmentValues.named(names[0], names[1], names[2]), all.filter { names.contains($0.key) })
        XCTAssertEqual(EnvironmentValues.named(), [:])
    }

    func testTheProgramIsNotLookedForWhenTheKeymapFolderIsNamed() throws {
        let scratch = try KeymapTestSupport.temporaryFolder(for: self)
        try KeymapTestSupport.write("[global]\n", to: "maps/default.toml", in: scratch)
        let named = scratch.appendingPathComponent("maps").path
        let folder = try BuiltInKeymaps.folder(environment: ["SCRUTINY_KEYMAPS": named],
                                               executable: { XCTFail("the program's path was asked for"); return nil }())
        XCTAssertEqual(folder.path, named)
    }
}
