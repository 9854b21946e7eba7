import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny sync init FILE`: once per clone, so git merges the store through `scrutiny merge`.
struct SyncInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up git to share a panel: a repository, .gitattributes, and the merge driver.",
        discussion: """
            Uses the repository the file is in, or creates one beside it. Run it once in every \
            clone: git does not copy the merge driver setting (it lives in .git/config).
            """)

    @Argument(help: "The panel store, e.g. panel.json.")
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        _ = try loadStore(url)
        do {
            try setUp(url)
        } catch {
            throw fail(error)
        }
    }

    private func setUp(_ url: URL) throws(SyncFailure) {
        var store = try StoreInRepository.find(url)
        if store == nil {
            let folder = url.deletingLastPathComponent()
            try Git(directory: folder).must(["init", "--quiet"], doing: "git init")
            print("Created a git repository in \(folder.path)")
            store = try StoreInRepository.find(url)
        }
        guard let store else { throw SyncFailure("git made a repository in \(url.deletingLastPathComponent().path) but cannot find it") }
        let git = store.git
        let top = git.directory

        // 1. .gitattributes: tell git which file the driver merges. Committed, so every clone has it.
        let attributes = top.appendingPathComponent(".gitattributes")
        let line = "\(Self.attributePattern(store.path)) merge=scrutiny"
        if try store.usesDriver() {
            print("\(store.path) already uses the scrutiny merge driver in .gitattributes")
        } else {
            var text = (try? String(contentsOf: attributes, encoding: .utf8)) ?? ""
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += line + "\n"
            do { try text.write(to: attributes, atomically: true, encoding: .utf8) } catch {
                throw SyncFailure("cannot write \(attributes.path): \(error.localizedDescription)")
            }
            print("Added “\(line)” to \(attributes.path)")
            guard try store.usesDriver() else {
                throw SyncFailure("""
                    git still does not merge \(store.path) with Scrutiny: another .gitattributes line sets its \
                    merge attribute (see `git check-attr -a -- \(Self.attributePattern(store.path))`). Remove that \
                    line and run `scrutiny sync init \(file)` again.
                    """)
            }
        }

        // 2. The driver itself: local to this clone's .git/config.
        let settings = [("merge.scrutiny.name", "Scrutiny: merge panels by meaning"), ("merge.scrutiny.driver", Self.driver)]
        for (key, value) in settings {
            if try git.answer(["config", "--get", key]) == value {
                print("git config \(key) is already \(value)")
            } else {
                try git.must(["config", key, value], doing: "git config \(key)")
                print("Set git config \(key) = \(value)")
            }
        }

        // 3. Commit the store and .gitattributes if either is new or changed.
        let paths = [".gitattributes", store.path]
        if !(try git.must(["status", "--porcelain", "--"] + paths, doing: "git status")).isEmpty {
            try git.must(["add", "--"] + paths, doing: "git add")
            try git.must(["commit", "--quiet", "-m", "Share \(store.path) with the Scrutiny merge driver", "--"] + paths,
                            doing: "git commit (does git know your name? git config user.name \"…\")")
            print("Committed .gitattributes and \(store.path)")
        }

        // 4. Say what's next.
        if let remote = try git.answer(["remote"]), let first = remote.split(separator: "\n").first {
            let address = try git.answer(["remote", "get-url", String(first)]) ?? ""
            print("Remote \(first): \(address). Run `scrutiny sync \(file)` to share your changes.")
        } else {
            print("No remote yet: add one with `git remote add origin URL`, then run `scrutiny sync \(file)`.")
        }
    }

    /// The merge driver command: this very scrutiny, with git's three file names.
    static var driver: String { "\(shellQuoted(runningBinary())) merge %O %A %B" }

    /// The absolute path of this very program, so git runs the same scrutiny that set it up.
    static func runningBinary() -> String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        if let path = Bundle.main.executablePath { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// A path as a .gitattributes pattern: as it is, or C-quoted when it holds a space, a
    /// quote or a backslash (the line is split at spaces before patterns are read).
    static func attributePattern(_ path: String) -> String {
        guard path.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "\\" }) else { return path }
        return "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Single-quoted for the shell git runs the driver with.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
