import Foundation
import XCTest

/// The model tests that check a command as a clerk types it (`new`, `check`, `import`,
/// `export`) all run the real `scrutiny` that `swift test` builds beside the test bundle, the
/// same way: in a scratch folder, with its output and errors captured.
struct ScrutinyRun {
    var status: Int32
    var out: String
    var err: String
}

extension XCTestCase {
    /// Runs `scrutiny ARGUMENTS` in `folder`; a missing binary fails the test and says how to build it.
    func scrutiny(_ arguments: [String], in folder: ScratchFolder,
                  file: StaticString = #filePath, line: UInt = #line) throws -> ScrutinyRun {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("scrutiny")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("\(binary.path) is missing: run `swift build` before the tests", file: file, line: line)
            return ScrutinyRun(status: -1, out: "", err: "")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ScrutinyRun(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self),
                           err: String(decoding: e, as: UTF8.self))
    }
}
