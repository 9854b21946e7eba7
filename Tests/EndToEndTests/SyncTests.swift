import Foundation
import ScrutinyTestSupport
import PanelModel
import XCTest

/// Two clerks, one panel, a bare shared repository: `scrutiny sync init`, `scrutiny sync` and
/// the merge driver, run as the real binary with real git.
final class SyncTests: XCTestCase {
    let equity = CellKey(criterion: "crit-equity", dimension: "dim-outcomes")
    let efficiency = CellKey(criterion: "crit-efficiency", dimension: "dim-outcomes")

    var sandbox: SyncSandbox!

    override func setUpWithError() throws { sandbox = try SyncSandbox() }
    override func tearDown() { sandbox.remove() }

    var startingPanel: PanelDocument {
        var doc = PanelDocument()
        doc.panel.title = "SEND Provision Scrutiny Panel"
        doc.framework = Framework(
            criteria: [AxisItem(id: "crit-equity", name: "Equity"), AxisItem(id: "crit-efficiency", name: "Efficiency")],
            dimensions: [AxisItem(id: "dim-outcomes", name: "Outcomes")],
            cells: [equity: "Lack of data"])
        doc.notes = [Note(id: "note-1", at: "2024-03-06T10:00:00+00:00", text: "Parents wait a year")]
        return doc
    }

    private func note(_ id: String, _ minute: Int, _ text: String) -> Note {
        Note(id: id, at: "2024-03-06T11:\(minute):00+00:00", text: text)
    }

    func testSyncInitSetsUpTheRepositoryAndSaysWhatItDid() throws {
        let folder = sandbox.root.appendingPathComponent("a")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PanelStore.save(startingPanel, to: folder.appendingPathComponent("panel.json"))
        let result = try sandbox.scrutiny(["sync", "init", "panel.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.err)
        let binary = try ScrutinyBinary.url().resolvingSymlinksInPath().path
        XCTAssertEqual(result.out, """
            Created a git repository in \(folder.path)
            Added “panel.json merge=scrutiny” to \(folder.path)/.gitattributes
            Set git config merge.scrutiny.name = Scrutiny: merge panels by meaning
            Set git config merge.scrutiny.driver = '\(binary)' merge %O %A %B
            Committed .gitattributes and panel.json
            No remote yet: add one with `git remote add origin URL`, then run `scrutiny sync panel.json`.

            """)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(".gitattributes"), encoding: .utf8),
                       "panel.json merge=scrutiny\n")
        XCTAssertEqual(try sandbox.git(["log", "--format=%s"], in: folder), "Share panel.json with the Scrutiny merge driver")

        // Again: nothing to do, and it says so.
        let again = try sandbox.scrutiny(["sync", "init", "panel.json"], in: folder)
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.hasPrefix("panel.json already uses the scrutiny merge driver in .gitattributes\n"), again.out)
        XCTAssertFalse(again.out.contains("Committed"))
    }

    func testSyncWithoutARemoteSaysHowToAddOne() throws {
        let folder = sandbox.root.appendingPathComponent("alone")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PanelStore.save(startingPanel, to: folder.appendingPathComponent("panel.json"))
        XCTAssertEqual(try sandbox.scrutiny(["sync", "init", "panel.json"], in: folder).status, 0)
        try sandbox.edit(in: folder) { $0.notes.append(note("note-2", 5, "More")) }
        let result = try sandbox.scrutiny(["sync", "panel.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.out, "Committed your changes: 1 note.\n")
        XCTAssertTrue(result.err.contains("no remote is configured"), result.err)
        XCTAssertTrue(result.err.contains("git remote add origin URL"), result.err)
    }

    func testSyncInAFolderThatIsNotSetUpSaysToRunSyncInit() throws {
        let folder = sandbox.root.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PanelStore.save(startingPanel, to: folder.appendingPathComponent("panel.json"))
        let result = try sandbox.scrutiny(["sync", "panel.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.err, "scrutiny sync: panel.json is not in a git repository. Run `scrutiny sync init panel.json` first.\n")
    }

    /// Clerk A and clerk B each fill a different cell and take notes; after both sync (and A
    /// once more), both have everything, in identical files.
    func testTwoClerksEditingDifferentCellsBothEndWithEverything() throws {
        let a = try sandbox.startPanel(startingPanel, clerk: "a")
        let b = try sandbox.join(clerk: "b")

        try sandbox.edit(in: a) {
            $0.framework[equity] = "Lack of data, says SENDIASS"
            $0.notes.append(note("note-a", 5, "A heard this"))
        }
        try sandbox.edit(in: b) {
            $0.framework[efficiency] = "Assessments are slow"
            $0.notes.append(note("note-b", 7, "B heard that"))
            $0.notes.append(note("note-c", 9, "B heard more"))
        }

        let syncA = try sandbox.scrutiny(["sync", "panel.json"], in: a)
        XCTAssertEqual(syncA.status, 0, syncA.err)
        XCTAssertEqual(syncA.out, """
            Committed your changes: 1 note, 1 cell.
            Nothing new from origin/main.
            Pushed to origin/main.
            panel.json is in step with origin/main.

            """)
        let syncB = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(syncB.status, 0, syncB.err)
        XCTAssertEqual(syncB.out, """
            Committed your changes: 2 notes, 1 cell.
            Merged from origin/main: 1 note, 1 cell.
            Pushed to origin/main.
            panel.json is in step with origin/main.

            """)
        let again = try sandbox.scrutiny(["sync", "panel.json"], in: a)
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.contains("Merged from origin/main: 2 notes, 1 cell.\n"), again.out)

        let panelA = try sandbox.panel(in: a), panelB = try sandbox.panel(in: b)
        XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("panel.json")),
                       try Data(contentsOf: b.appendingPathComponent("panel.json")))
        XCTAssertEqual(panelA, panelB)
        XCTAssertEqual(panelA.notes.map(\.id), ["note-1", "note-a", "note-b", "note-c"])
        XCTAssertEqual(panelA.framework[equity], "Lack of data, says SENDIASS")
        XCTAssertEqual(panelA.framework[efficiency], "Assessments are slow")
        XCTAssertEqual(panelA.conflicts, [])
        XCTAssertEqual(try sandbox.git(["log", "-1", "--skip=1", "--format=%s", "--first-parent"], in: b),
                       "panel.json: 2 notes, 1 cell")
        XCTAssertEqual(try sandbox.git(["status", "--porcelain"], in: a), "")
    }

    /// The same cell changed differently by both clerks: the second to sync gets a valid store
    /// with the conflict recorded (and pushed, never left mid-merge); resolving it in the model
    /// and syncing clears it for both.
    func testTheSameCellEditedOnBothSidesIsRecordedThenResolvedAndSyncedBack() throws {
        let a = try sandbox.startPanel(startingPanel, clerk: "a")
        let b = try sandbox.join(clerk: "b")
        try sandbox.edit(in: a) { $0.framework[equity] = "A: no data at all" }
        try sandbox.edit(in: b) { $0.framework[equity] = "B: data only from 2022" }

        XCTAssertEqual(try sandbox.scrutiny(["sync", "panel.json"], in: a).status, 0)
        let syncB = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(syncB.status, 1, syncB.err)
        XCTAssertEqual(syncB.out, """
            Committed your changes: 1 cell.
            Merged from origin/main: 1 new conflict.
            Pushed to origin/main.
            1 conflict to resolve (both versions are kept in the panel):
              cell Equity × Outcomes: changed differently on both sides (ours “B: data only from 2022”, theirs “A: no data at all”)
            Resolve them in the workspace, then run `scrutiny sync panel.json` again.

            """)
        XCTAssertThrowsError(try sandbox.git(["rev-parse", "-q", "--verify", "MERGE_HEAD"], in: b), "left mid-merge")
        XCTAssertEqual(try sandbox.git(["status", "--porcelain"], in: b), "")
        let conflicted = try sandbox.panel(in: b)
        XCTAssertEqual(conflicted.framework[equity], "B: data only from 2022")
        XCTAssertEqual(conflicted.conflicts, [MergeConflict(kind: .editedOnBothSides, place: .cell(equity), base: "Lack of data",
                                                            ours: "B: data only from 2022", theirs: "A: no data at all")])
        XCTAssertFalse(try String(contentsOf: b.appendingPathComponent("panel.json"), encoding: .utf8).contains("<<<<<<<"))
        let check = try sandbox.scrutiny(["check", "panel.json"], in: b)
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.out, "panel.json: unresolved merge conflict: cell Equity × Outcomes: changed differently on both sides "
                           + "(ours “B: data only from 2022”, theirs “A: no data at all”)\n")

        // A pulls the recorded conflict too.
        XCTAssertEqual(try sandbox.scrutiny(["sync", "panel.json"], in: a).status, 1)

        // B writes a combination of both (as the workspace's conflict editor does), and syncs.
        try sandbox.edit(in: b) { doc in
            let edit = try XCTUnwrap(doc.resolveConflict(at: 0, choosing: .text("No data before 2022")))
            try edit.apply(to: &doc)
        }
        let resolved = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(resolved.status, 0, resolved.err + resolved.out)
        XCTAssertTrue(resolved.out.hasPrefix("Committed your changes: 1 cell, 1 conflict resolved.\n"), resolved.out)

        let finalA = try sandbox.scrutiny(["sync", "panel.json"], in: a)
        XCTAssertEqual(finalA.status, 0, finalA.err + finalA.out)
        for folder in [a, b] {
            let doc = try sandbox.panel(in: folder)
            XCTAssertEqual(doc.framework[equity], "No data before 2022")
            XCTAssertEqual(doc.conflicts, [])
            XCTAssertEqual(try sandbox.scrutiny(["check", "panel.json"], in: folder).status, 0)
        }
    }

    /// Both clerks minute the same meeting live, syncing mid-session and after it: every note
    /// arrives on both sides, and the session spans both clerks' start and end.
    func testTwoClerksMinutingOneLiveSessionEndWithAllTheNotes() throws {
        var start = startingPanel
        start.schedule = [ScheduleItem(id: "sched-forum", kind: .forum, title: "Special Parents Forum 2")]
        let a = try sandbox.startPanel(start, clerk: "a")
        let b = try sandbox.join(clerk: "b")
        func minute(_ folder: URL, started: String, notes: [Note]) throws {
            try sandbox.edit(in: folder) { doc in
                if doc.schedule[0].startedAt == nil { doc.schedule[0].startedAt = started }
                doc.notes += notes.map { var n = $0; n.source = "sched-forum"; return n }
            }
        }
        try minute(a, started: "2024-03-06T11:00:00+00:00", notes: [note("note-a1", 1, "A one")])
        try minute(b, started: "2024-03-06T11:02:00+00:00", notes: [note("note-b1", 2, "B one")])
        XCTAssertEqual(try sandbox.scrutiny(["sync", "panel.json"], in: a).status, 0)
        XCTAssertEqual(try sandbox.scrutiny(["sync", "panel.json"], in: b).status, 0)  // mid-session
        try minute(a, started: "", notes: [note("note-a2", 3, "A two")])
        try minute(b, started: "", notes: [note("note-b2", 4, "B two")])
        for folder in [a, b, a] {
            let result = try sandbox.scrutiny(["sync", "panel.json"], in: folder)
            XCTAssertEqual(result.status, 0, result.err + result.out)
        }
        for folder in [a, b] {
            let doc = try sandbox.panel(in: folder)
            XCTAssertEqual(doc.notes.map(\.id), ["note-1", "note-a1", "note-b1", "note-a2", "note-b2"])
            XCTAssertEqual(doc.schedule[0].startedAt, "2024-03-06T11:00:00+00:00")
            XCTAssertEqual(doc.conflicts, [])
        }
    }

    /// Someone pushes between our pull and our push: the push is refused, and sync pulls their
    /// work and pushes again instead of giving up. (A pre-push hook in A's clone makes clerk C
    /// push at exactly that moment.)
    func testAPushRaceIsMergedAndRetried() throws {
        let a = try sandbox.startPanel(startingPanel, clerk: "a")
        let c = try sandbox.join(clerk: "c")
        try sandbox.edit(in: c) { $0.notes.append(note("note-c", 3, "C's note")) }
        try sandbox.git(["commit", "--quiet", "-am", "C's note"], in: c)
        let hook = a.appendingPathComponent(".git/hooks/pre-push")
        let flag = sandbox.root.appendingPathComponent("raced")
        try """
            #!/bin/sh
            [ -e '\(flag.path)' ] && exit 0
            touch '\(flag.path)'
            unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
            git -C '\(c.path)' push --quiet origin main
            """.write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)

        try sandbox.edit(in: a) { $0.notes.append(note("note-a", 5, "A's note")) }
        let result = try sandbox.scrutiny(["sync", "panel.json"], in: a)
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.out, """
            Committed your changes: 1 note.
            Nothing new from origin/main.
            Merged from origin/main: 1 note.
            Pushed to origin/main.
            panel.json is in step with origin/main.

            """)
        XCTAssertTrue(FileManager.default.fileExists(atPath: flag.path), "the race did not happen")
        XCTAssertEqual(try sandbox.panel(in: a).notes.map(\.id), ["note-1", "note-c", "note-a"])
        XCTAssertEqual(try sandbox.git(["rev-parse", "HEAD"], in: a), try sandbox.git(["rev-parse", "main"], in: sandbox.remote))
    }

    /// Another file in the repository conflicts (one Scrutiny does not merge): sync stops with
    /// the repository mid-merge and says exactly how to finish or undo it.
    func testAConflictInAnotherFileSaysHowToFinishTheMerge() throws {
        let a = try sandbox.startPanel(startingPanel, clerk: "a")
        let b = try sandbox.join(clerk: "b")
        for (folder, words) in [(a, "A's agenda"), (b, "B's agenda")] {
            try words.write(to: folder.appendingPathComponent("agenda.txt"), atomically: true, encoding: .utf8)
            try sandbox.git(["add", "agenda.txt"], in: folder)
            try sandbox.git(["commit", "--quiet", "-m", words], in: folder)
        }
        XCTAssertEqual(try sandbox.scrutiny(["sync", "panel.json"], in: a).status, 0)
        let result = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.err, """
            scrutiny sync: git stopped the merge on agenda.txt, which Scrutiny does not merge. The repository \
            is in the middle of a merge. To finish: fix those files, `git add` them, then `git commit` and run \
            `scrutiny sync panel.json` again; or undo the merge with `git merge --abort`.

            """)
        XCTAssertNoThrow(try sandbox.git(["rev-parse", "-q", "--verify", "MERGE_HEAD"], in: b))

        // Sync again before finishing: refused, with the same way out.
        let again = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("a git merge is already in progress"), again.err)
        XCTAssertTrue(again.err.contains("git merge --abort"), again.err)
    }

    /// The driver setting names the scrutiny that ran `sync init`; after a move or reinstall,
    /// sync points git at the running one (and says so) instead of letting merges fail.
    func testSyncRepointsAStaleMergeDriver() throws {
        let a = try sandbox.startPanel(startingPanel, clerk: "a")
        try sandbox.git(["config", "merge.scrutiny.driver", "'/nowhere/scrutiny' merge %O %A %B"], in: a)
        let result = try sandbox.scrutiny(["sync", "panel.json"], in: a)
        XCTAssertEqual(result.status, 0, result.err)
        let binary = try ScrutinyBinary.url().resolvingSymlinksInPath().path
        XCTAssertTrue(result.out.hasPrefix("Set git config merge.scrutiny.driver = '\(binary)' merge %O %A %B\n"), result.out)
        XCTAssertEqual(try sandbox.git(["config", "merge.scrutiny.driver"], in: a), "'\(binary)' merge %O %A %B")
    }

    /// A store in a subfolder of an existing repository, with another name: init uses that
    /// repository, and the attribute names the store's path from the top.
    func testSyncInitUsesTheRepositoryTheStoreIsIn() throws {
        let top = sandbox.root.appendingPathComponent("council")
        let folder = top.appendingPathComponent("panels")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try sandbox.git(["init", "--quiet"], in: top)
        try "*.txt text\n".write(to: top.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        try PanelStore.save(startingPanel, to: folder.appendingPathComponent("send panel.json"))
        let result = try sandbox.scrutiny(["sync", "init", "send panel.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertFalse(result.out.contains("Created a git repository"), result.out)
        XCTAssertEqual(try String(contentsOf: top.appendingPathComponent(".gitattributes"), encoding: .utf8),
                       "*.txt text\n\"panels/send panel.json\" merge=scrutiny\n")
        XCTAssertEqual(try sandbox.git(["check-attr", "merge", "--", "panels/send panel.json"], in: top),
                       "panels/send panel.json: merge: scrutiny")
        XCTAssertEqual(try sandbox.git(["ls-files"], in: top), ".gitattributes\npanels/send panel.json")
    }

    /// When git refuses to commit the merged store (here a hook does), sync leaves the merge
    /// for the clerk but says how to finish it.
    func testAMergeThatCannotBeCommittedSaysHowToFinish() throws {
        let a = try sandbox.startPanel(startingPanel, clerk: "a")
        let b = try sandbox.join(clerk: "b")
        try sandbox.edit(in: a) { $0.framework[equity] = "A" }
        try sandbox.edit(in: b) { $0.framework[equity] = "B" }
        XCTAssertEqual(try sandbox.scrutiny(["sync", "panel.json"], in: a).status, 0)
        let hook = b.appendingPathComponent(".git/hooks/pre-commit")
        try """
            #!/bin/sh
            [ -f "$(git rev-parse --git-dir)/MERGE_HEAD" ] && { echo "no merges today" >&2; exit 1; }
            exit 0
            """.write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)

        let result = try sandbox.scrutiny(["sync", "panel.json"], in: b)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.err.contains("no merges today"), result.err)
        XCTAssertTrue(result.err.hasSuffix("""
            The repository is in the middle of a merge and panel.json is merged. To finish: \
            `git add -- 'panel.json'` and `git commit --no-edit`, then run `scrutiny sync panel.json` \
            again; or undo the merge with `git merge --abort`.

            """), result.err)
        XCTAssertEqual(try sandbox.panel(in: b).conflicts.count, 1)
    }
}
