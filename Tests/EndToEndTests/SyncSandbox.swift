import Foundation
import ScrutinyTestSupport
import PanelModel
import XCTest

/// A temporary folder holding a bare "shared" repository and clerks' clones of it, with the
/// real `scrutiny` binary and real git. Needs no global git configuration: identities come from
/// the environment and HOME points into the sandbox, so the machine's own settings stay out.
struct SyncSandbox {
    let root: URL
    var remote: URL { root.appendingPathComponent("shared.git") }

    typealias Run = CommandRun

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
        try git(["init", "--quiet", "--bare", remote.path], in: root)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        env["HOME"] = root.appendingPathComponent("home").path
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_AUTHOR_NAME"] = "Test Clerk"
        env["GIT_AUTHOR_EMAIL"] = "clerk@example.org"
        env["GIT_COMMITTER_NAME"] = "Test Clerk"
        env["GIT_COMMITTER_EMAIL"] = "clerk@example.org"
        // Same branch name whatever this git's default is.
        env["GIT_CONFIG_COUNT"] = "1"
        env["GIT_CONFIG_KEY_0"] = "init.defaultBranch"
        env["GIT_CONFIG_VALUE_0"] = "main"
        return env
    }

    func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> Run {
        try CommandRun.run(executable, arguments, in: folder, environment: environment)
    }

    func scrutiny(_ arguments: [String], in folder: URL) throws -> Run {
        try run(ScrutinyBinary.url(), arguments, in: folder)
    }

    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> String {
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder)
        guard result.status == 0 else { throw SyncSandboxError.git(arguments, result.err + result.out) }
        return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Clerk A's first copy: a folder with `panel.json`, set up with `sync init`, pushed.
    func startPanel(_ doc: PanelDocument, clerk: String) throws -> URL {
        let folder = root.appendingPathComponent(clerk)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PanelStore.save(doc, to: folder.appendingPathComponent("panel.json"))
        for step in [["sync", "init", "panel.json"]] {
            let result = try scrutiny(step, in: folder)
            guard result.status == 0 else { throw SyncSandboxError.scrutiny(step, result.err + result.out) }
        }
        try git(["remote", "add", "origin", remote.path], in: folder)
        let first = try scrutiny(["sync", "panel.json"], in: folder)
        guard first.status == 0 else { throw SyncSandboxError.scrutiny(["sync"], first.err + first.out) }
        return folder
    }

    /// Another clerk's clone, set up with `sync init` as the README tells them.
    func join(clerk: String) throws -> URL {
        let folder = root.appendingPathComponent(clerk)
        try git(["clone", "--quiet", remote.path, folder.path], in: root)
        let result = try scrutiny(["sync", "init", "panel.json"], in: folder)
        guard result.status == 0 else { throw SyncSandboxError.scrutiny(["sync", "init"], result.err + result.out) }
        return folder
    }

    func panel(in folder: URL) throws -> PanelDocument {
        try PanelStore.load(from: folder.appendingPathComponent("panel.json"))
    }

    func edit(in folder: URL, _ change: (inout PanelDocument) throws -> Void) throws {
        var doc = try panel(in: folder)
        try change(&doc)
        try PanelStore.save(doc, to: folder.appendingPathComponent("panel.json"))
    }
}

enum SyncSandboxError: Error {
    case git([String], String)
    case scrutiny([String], String)
}
