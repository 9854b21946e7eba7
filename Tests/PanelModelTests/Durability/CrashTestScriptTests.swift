import Foundation
import ScrutinyTestSupport
import XCTest

/// A few iterations of `scripts/crash-test` (the full run is 200; see docs/RELIABILITY.md):
/// the real binary in tmux, SIGKILLed while typing and while saving, then checked: the store
/// opens and passes `scrutiny check`, every word shown as saved is there, no temp file stays.
/// The "at most the last second of typing" figure is a timing measure, so it is left to the
/// full run (`--grace` here is large enough never to decide the result).
final class CrashTestScriptTests: XCTestCase {
    func testAFewKillsLoseNothingPromised() throws {
        let root = Fixture.repositoryRoot
        let binary = try ScrutinyBinary.path()

        let script = Process()
        script.executableURL = root.appendingPathComponent("scripts/crash-test")
        script.arguments = ["--iterations", "4", "--seed", "1", "--grace", "3600", "--binary", binary]
        let out = Pipe()
        script.standardOutput = out
        script.standardError = out
        try script.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        XCTAssertEqual(script.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("crash-test: seed 1: 4 kills"), output)
        XCTAssertTrue(output.hasSuffix("; 0 failures\n"), output)
    }
}
