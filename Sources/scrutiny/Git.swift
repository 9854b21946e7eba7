import Foundation

/// Runs `git` in one directory and hands back what it said. The only place `sync` touches
/// another program; everything else it decides from git's exit status and output.
struct Git {
    /// Where git runs (any folder inside the repository).
    let directory: URL

    struct Output {
        var status: Int32
        var out: String
        var err: String
        var succeeded: Bool { status == 0 }
        /// What git printed, stderr first, trimmed: for messages when it fails.
        var said: String { (err + out).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Runs `git ARGS…`; throws only when git itself cannot be started.
    func run(_ arguments: [String]) throws(SyncFailure) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        // Output goes to temporary files rather than pipes: a pipe that fills while git waits
        // for us to read the other one would hang both.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("scrutiny-git-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        let outURL = scratch.appendingPathExtension("out"), errURL = scratch.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
            throw SyncFailure("cannot write temporary files in \(scratch.deletingLastPathComponent().path)")
        }
        do {
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            throw SyncFailure("cannot run git (\(error.localizedDescription)); is git installed?")
        }
        process.waitUntilExit()
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, out: out, err: err)
    }

    /// Runs git and returns its trimmed output, or fails with `doing` and what git said.
    @discardableResult
    func must(_ arguments: [String], doing: String) throws(SyncFailure) -> String {
        let output = try run(arguments)
        guard output.succeeded else { throw SyncFailure("\(doing) failed:\n\(output.said)") }
        return output.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The trimmed output when git succeeds, nil when it fails (for questions like "is there
    /// an upstream?", where failing is an answer).
    func answer(_ arguments: [String]) throws(SyncFailure) -> String? {
        let output = try run(arguments)
        return output.succeeded ? output.out.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }
}

/// Why `sync` stopped, in words that say what to do next.
struct SyncFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
