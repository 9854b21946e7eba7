import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny sync`: share a panel with other clerks through git, merging by meaning.
///
/// `scrutiny sync init FILE` sets the repository up once per clone; `scrutiny sync FILE` then
/// commits, pulls (merge, not rebase) through `scrutiny merge`, and pushes.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share a panel with other clerks through git.",
        discussion: """
            Run `scrutiny sync init FILE` once in each clone, then `scrutiny sync FILE` whenever \
            you want to send your changes and receive everyone else's.
            """,
        subcommands: [SyncNow.self, SyncInit.self],
        defaultSubcommand: SyncNow.self)
}

/// The store file, where it sits in its repository, and how to talk to git about it.
struct StoreInRepository {
    let file: URL
    /// Runs at the top of the repository.
    let git: Git
    /// The store's path from the top of the repository, as git names it.
    let path: String

    /// Finds the repository holding `file`; nil when it is in none. Git then runs at the top
    /// of the repository, where `path` means the store.
    static func find(_ file: URL) throws(SyncFailure) -> StoreInRepository? {
        let here = Git(directory: file.deletingLastPathComponent())
        guard let prefix = try here.answer(["rev-parse", "--show-prefix"]),
              let top = try here.answer(["rev-parse", "--show-toplevel"]) else { return nil }
        return StoreInRepository(file: file, git: Git(directory: URL(fileURLWithPath: top)),
                                 path: prefix + file.lastPathComponent)
    }

    /// The store as last committed, or nil when it has never been committed.
    func committed() throws(SyncFailure) -> PanelDocument? {
        guard let text = try git.answer(["show", "HEAD:\(path)"]) else { return nil }
        return try? PanelStore.decode(Data(text.utf8), file: "\(path) (last commit)")
    }

    /// True when the store differs from its last commit (or was never committed).
    func hasChanges() throws(SyncFailure) -> Bool {
        !(try git.must(["status", "--porcelain", "--", path], doing: "git status")).isEmpty
    }

    /// Whether `.gitattributes` sends this file to the scrutiny driver.
    func usesDriver() throws(SyncFailure) -> Bool {
        let said = try git.must(["check-attr", "merge", "--", path], doing: "git check-attr")
        return said.hasSuffix(": merge: scrutiny")
    }
}

/// Reads the store before git is involved, so a damaged file is never committed or merged.
func loadStore(_ file: URL) throws -> PanelDocument {
    do {
        return try PanelStore.load(from: file)
    } catch {
        FileHandle.standardError.write(Data("\(error)\nFix or restore the file first; nothing was synced.\n".utf8))
        throw ExitCode(2)
    }
}

/// Prints a failure the way every sync command does and exits 1.
func fail(_ failure: SyncFailure) -> ExitCode {
    FileHandle.standardError.write(Data("scrutiny sync: \(failure)\n".utf8))
    return ExitCode(1)
}
