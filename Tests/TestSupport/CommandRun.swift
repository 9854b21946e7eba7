import Foundation

/// A program run to its end without a terminal, as a script or git would run it: input from
/// /dev/null, output and errors captured. Through files rather than pipes, so a program that
/// writes a lot cannot block on a full pipe while the test waits for it to end.
public struct CommandRun: Sendable {
    public var status: Int32
    public var out: String
    public var err: String

    public static func run(_ executable: URL, _ arguments: [String], in folder: URL,
                    environment: [String: String]) throws -> CommandRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        let scratch = FileManager.default.temporaryDirectory
        let out = scratch.appendingPathComponent("scrutiny-out-\(UUID().uuidString)")
        let err = scratch.appendingPathComponent("scrutiny-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus, out: try String(contentsOf: out, encoding: .utf8),
                          err: try String(contentsOf: err, encoding: .utf8))
    }
}
