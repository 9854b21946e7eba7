import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny sync FILE`: commit, pull through the semantic merge, push, and report.
struct SyncNow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Commit your changes, merge everyone else's, push (the default: `scrutiny sync FILE`).",
        discussion: """
            Exit status: 0 in step with the remote, 1 when something needs you (conflicts to \
            resolve, no remote, the remote unreachable: the message says what to do), 2 when the \
            store cannot be read.
            """)

    @Argument(help: "The panel store, e.g. panel.json.")
    var file: String

    /// Attempts at pushing when someone else pushes between our pull and our push.
    static let attempts = 3

    func run() throws {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        _ = try loadStore(url)
        let remaining: Int
        do {
            remaining = try sync(url)
        } catch {
            throw fail(error)
        }
        if remaining > 0 { throw ExitCode(1) }
    }

    /// Returns how many conflicts remain to resolve.
    private func sync(_ url: URL) throws(SyncFailure) -> Int {
        guard let store = try StoreInRepository.find(url) else {
            throw SyncFailure("\(file) is not in a git repository. Run `scrutiny sync init \(file)` first.")
        }
        let git = store.git
        let driver = try git.answer(["config", "--get", "merge.scrutiny.driver"])
        guard driver != nil, try store.usesDriver() else {
            throw SyncFailure("""
                this clone does not merge \(store.path) with Scrutiny yet (git would merge it line by line \
                and could break it). Run `scrutiny sync init \(file)` once here, then sync again.
                """)
        }
        // Scrutiny moved or was reinstalled since `sync init`: point git at this one, or git
        // could not run the driver and would leave the store unmerged.
        if driver != SyncInit.driver {
            try git.must(["config", "merge.scrutiny.driver", SyncInit.driver], doing: "git config merge.scrutiny.driver")
            print("Set git config merge.scrutiny.driver = \(SyncInit.driver)")
        }
        if try git.answer(["rev-parse", "-q", "--verify", "MERGE_HEAD"]) != nil {
            throw SyncFailure("""
                a git merge is already in progress in this repository. Finish it first: \
                see `git status`, fix the files it lists, `git add` them and `git commit` \
                (or give up on it with `git merge --abort`), then sync again.
                """)
        }

        try commitLocalChanges(store)

        let (remote, branch, hasUpstream) = try destination(git)
        try pullAndPush(store, remote: remote, branch: branch, hasUpstream: hasUpstream)
        print("Pushed to \(remote)/\(branch).")

        let now = (try? PanelStore.load(from: url)) ?? PanelDocument()
        if now.conflicts.isEmpty {
            print("\(store.path) is in step with \(remote)/\(branch).")
        } else {
            let count = now.conflicts.count
            print("\(count) conflict\(count == 1 ? "" : "s") to resolve (both versions are kept in the panel):")
            for conflict in now.conflicts { print("  " + conflict.describe(in: now)) }
            print("Resolve them in the workspace, then run `scrutiny sync \(file)` again.")
        }
        return now.conflicts.count
    }

    /// Pulls, then pushes; when someone pushed in between (the push is refused because the
    /// remote moved on), pulls their work too and pushes again, a few times at most.
    private func pullAndPush(_ store: StoreInRepository, remote: String, branch: String,
                             hasUpstream: Bool) throws(SyncFailure) {
        let git = store.git
        let tracking = "refs/remotes/\(remote)/\(branch)"
        for _ in 1...Self.attempts {
            try pull(store, remote: remote, branch: branch)
            let push = try git.run(hasUpstream ? ["push", "--quiet", remote, "HEAD:\(branch)"]
                                               : ["push", "--quiet", "-u", remote, "HEAD:\(branch)"])
            if push.succeeded { return }
            // Did the remote move on past what we merged? Asked of git rather than read from
            // its messages, which may be in any language.
            let fetched = try git.run(["fetch", "--quiet", remote]).succeeded
            let known = try git.answer(["rev-parse", "-q", "--verify", tracking]) != nil
            let merged = try git.run(["merge-base", "--is-ancestor", tracking, "HEAD"]).succeeded
            guard fetched, known, !merged else {
                throw SyncFailure("""
                    pushing to \(remote) failed:
                    \(push.said)
                    Your changes are committed here; run `scrutiny sync \(file)` again when the remote is reachable.
                    """)
            }
        }
        throw SyncFailure("others keep pushing to \(remote)/\(branch); your work is committed and merged here. Sync again in a moment.")
    }

    /// Commits the store, if it changed, with a message that says what changed.
    private func commitLocalChanges(_ store: StoreInRepository) throws(SyncFailure) {
        guard try store.hasChanges() else {
            print("No changes of yours to commit.")
            return
        }
        let current = (try? PanelStore.load(from: store.file)) ?? PanelDocument()
        let summary = ChangeSummary(from: try store.committed() ?? PanelDocument(), to: current)
        try store.git.must(["add", "--", store.path], doing: "git add")
        try store.git.must(["commit", "--quiet", "-m", "\(store.path): \(summary)", "--", store.path],
                           doing: "git commit (does git know your name? git config user.name \"…\")")
        print("Committed your changes: \(summary).")
    }

    /// The remote and branch to sync with: the branch's upstream, or the same branch on
    /// "origin" (or the only remote) when it has none yet.
    private func destination(_ git: Git) throws(SyncFailure) -> (remote: String, branch: String, hasUpstream: Bool) {
        guard let branch = try git.answer(["symbolic-ref", "--quiet", "--short", "HEAD"]) else {
            throw SyncFailure("this clone is not on a branch (detached HEAD). `git switch` to your branch, then sync again.")
        }
        if let remote = try git.answer(["config", "--get", "branch.\(branch).remote"]),
           let merge = try git.answer(["config", "--get", "branch.\(branch).merge"]) {
            return (remote, merge.replacingOccurrences(of: "refs/heads/", with: ""), true)
        }
        let remotes = (try git.answer(["remote"]) ?? "").split(separator: "\n").map(String.init)
        guard let remote = remotes.contains("origin") ? "origin" : remotes.first else {
            throw SyncFailure("""
                no remote is configured, so there is nowhere to sync with. Your changes are committed \
                locally. Add the shared repository with `git remote add origin URL`, then run \
                `scrutiny sync \(file)` again.
                """)
        }
        return (remote, branch, false)
    }

    /// Fetches and merges the remote branch; the store merges through `scrutiny merge`, which
    /// records conflicts in it, so the merge can always be committed.
    private func pull(_ store: StoreInRepository, remote: String, branch: String) throws(SyncFailure) {
        let git = store.git
        let fetch = try git.run(["fetch", "--quiet", remote])
        guard fetch.succeeded else {
            throw SyncFailure("""
                cannot reach \(remote):
                \(fetch.said)
                Your changes are committed here; run `scrutiny sync \(file)` again when the remote is reachable.
                """)
        }
        let tracking = "refs/remotes/\(remote)/\(branch)"
        guard try git.answer(["rev-parse", "-q", "--verify", tracking]) != nil else {
            return  // The remote has no such branch yet: the push creates it.
        }
        let before = (try? PanelStore.load(from: store.file)) ?? PanelDocument()
        let merge = try git.run(["merge", "--no-edit", tracking])
        if !merge.succeeded {
            try finishMerge(store, after: merge)
        }
        let after = (try? PanelStore.load(from: store.file)) ?? PanelDocument()
        let summary = ChangeSummary(from: before, to: after)
        print(summary.isEmpty ? "Nothing new from \(remote)/\(branch)." : "Merged from \(remote)/\(branch): \(summary).")
    }

    /// Git stops a merge whenever a driver reports conflicts. When the store is the only file
    /// it stopped on, the store already holds a valid merge with its conflicts recorded, so the
    /// merge is committed. Anything else is left for the clerk, with how to finish.
    private func finishMerge(_ store: StoreInRepository, after merge: Git.Output) throws(SyncFailure) {
        let git = store.git
        guard try git.answer(["rev-parse", "-q", "--verify", "MERGE_HEAD"]) != nil else {
            throw SyncFailure("git could not merge the remote's changes:\n\(merge.said)")
        }
        let unmerged = try git.must(["diff", "--name-only", "-z", "--diff-filter=U"], doing: "git diff")
            .split(separator: "\0").map(String.init)
        let storeIsValid = (try? PanelStore.load(from: store.file)) != nil
        guard unmerged.allSatisfy({ $0 == store.path }), storeIsValid else {
            let others = unmerged.filter { $0 != store.path }
            throw SyncFailure("""
                git stopped the merge on \(others.isEmpty ? store.path : others.joined(separator: ", ")), \
                which Scrutiny does not merge. The repository is in the middle of a merge. To finish: fix \
                those files, `git add` them, then `git commit` and run `scrutiny sync \(file)` again; or \
                undo the merge with `git merge --abort`.
                """)
        }
        let howToFinish = """
            The repository is in the middle of a merge and \(store.path) is merged. To finish: \
            `git add -- '\(store.path)'` and `git commit --no-edit`, then run `scrutiny sync \(file)` \
            again; or undo the merge with `git merge --abort`.
            """
        do {
            try git.must(["add", "--", store.path], doing: "git add")
            try git.must(["commit", "--quiet", "--no-edit"],
                         doing: "committing the merge (does git know your name? git config user.name \"…\")")
        } catch {
            throw SyncFailure("\(error)\n\(howToFinish)")
        }
    }
}
