import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// The host's side of `:export`, `:import` and `:sync`, with the real workspace on a scripted
/// terminal and a real store in a temporary folder: what lands on disk, and what the journal
/// holds after a sync rewrote the store.
final class HostReportsTests: XCTestCase {
    typealias ScriptedTerminal = HostLoopTests.ScriptedTerminal

    private var folder: URL!
    private var store: URL!
    private var session: StoreSession!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("host-reports-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("panel.json")
        try PanelStore.create(TestPanel.make(), at: store)
        session = try StoreSession.open(store, program: "test").0
    }

    override func tearDownWithError() throws {
        session?.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private func chars(_ text: String) -> [TerminalRead] {
        text.unicodeScalars.map { .input(.character($0.value)) }
    }

    /// Keys as typed, each burst drawn, then "q".
    private func script(_ bursts: String...) -> [TerminalRead] {
        bursts.flatMap { chars($0) + [.input(.timeout)] } + chars("q") + [.input(.timeout)]
    }

    private func host(_ terminal: ScriptedTerminal, document: PanelDocument? = nil,
                      takeSignal: @escaping () -> Int32? = { nil }) -> TerminalHost<Workspace> {
        var workspace = Workspace(document: document ?? TestPanel.make(), keymap: TestKeys.defaultKeymap,
                                  today: TestPanel.today, width: 80, height: 24)
        workspace.storeURL = store
        // Wide enough for a message naming a file in a temporary folder.
        terminal.size = (300, 24)
        let session = self.session!
        let autosaver = Autosaver(snapshot: { document, sequence in try session.snapshot(document, through: sequence) },
                                  execute: { $0() })
        return TerminalHost(app: workspace, terminal: terminal, files: StoreFiles(store: store), autosaver: autosaver,
                            journal: session, clock: { Double(terminal.timeouts.count) * 0.05 }, takeSignal: takeSignal,
                            runSideFileWrite: { $0() }, waitForSideFileWrites: {})
    }

    private func bottomLines(_ terminal: ScriptedTerminal) -> [String] {
        terminal.frames.map { $0.line(23).trimmingCharacters(in: .whitespaces) }
    }

    // MARK: Export

    func testExportIsWrittenBesideTheStoreAndSaidWithItsSize() throws {
        let terminal = ScriptedTerminal(script(":export md\r"))
        let host = host(terminal)
        XCTAssertEqual(host.run().ending, .quit)
        let written = try Data(contentsOf: folder.appendingPathComponent("panel.md"))
        XCTAssertEqual(written, Data(MarkdownExporter.export(TestPanel.make()).utf8))
        let size = Workspace.sizeInWords(written.count)
        let path = folder.appendingPathComponent("panel.md").standardizedFileURL.path
        XCTAssertTrue(bottomLines(terminal).contains { $0.hasPrefix("Exported Markdown to \(path) (\(size))") },
                      bottomLines(terminal).joined(separator: "\n"))
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o644, "an export is meant to be shared")
    }

    func testExportOverAFileAsksAndNoKeepsItYesReplacesIt() throws {
        let target = folder.appendingPathComponent("out.csv")
        try Data("mine".utf8).write(to: target)
        var terminal = ScriptedTerminal(script(":export csv \(target.path)\r", "n"))
        _ = host(terminal).run()
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "mine")
        XCTAssertTrue(bottomLines(terminal).contains("\(target.path) exists — replace it with the CSV export? (y/n)"),
                      bottomLines(terminal).joined(separator: "\n"))

        terminal = ScriptedTerminal(script(":export csv \(target.path)\r", "y"))
        _ = host(terminal).run()
        XCTAssertEqual(try Data(contentsOf: target), Data(CSVExporter.export(TestPanel.make()).utf8))
    }

    func testExportIntoAMissingFolderSaysSoAndWritesNothing() {
        let target = folder.appendingPathComponent("no/such/out.md").path
        let terminal = ScriptedTerminal(script(":export md \(target)\r"))
        _ = host(terminal).run()
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        XCTAssertTrue(bottomLines(terminal).contains { $0.hasPrefix("Could not export to \(target): ") },
                      bottomLines(terminal).joined(separator: "\n"))
    }

    func testExportToAFolderAsksForAFileName() {
        let terminal = ScriptedTerminal(script(":export md \(folder.path)\r"))
        _ = host(terminal).run()
        XCTAssertTrue(bottomLines(terminal).contains {
            $0.hasPrefix("Could not export to \(folder.path): it is a folder: add a file name after it")
        }, bottomLines(terminal).joined(separator: "\n"))
    }

    // MARK: Import

    func testImportReadsTheReportMergesItAndTheStoreKeepsIt() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/send-panel-update-2024-03.txt")
        let terminal = ScriptedTerminal(script(":import \(fixture.path)\r"))
        let host = host(terminal, document: PanelTemplates.blank)
        _ = host.run()
        let imported = try ReportImporter.read(Data(contentsOf: fixture), options: .init(fileName: "x")).document
        let saved = try PanelStore.load(from: store)
        XCTAssertEqual(saved.questions.map(\.text), imported.questions.map(\.text))
        XCTAssertEqual(saved.schedule.map(\.date), imported.schedule.map(\.date))
        XCTAssertTrue(bottomLines(terminal).contains { $0.hasPrefix("Imported send-panel-update-2024-03.txt: ") })
    }

    func testImportOfAMissingFileSaysSo() {
        let missing = folder.appendingPathComponent("nope.txt").path
        let terminal = ScriptedTerminal(script(":import \(missing)\r"))
        _ = host(terminal).run()
        XCTAssertTrue(bottomLines(terminal).contains {
            $0.hasPrefix("Could not read \(missing): there is no such file")
        }, bottomLines(terminal).joined(separator: "\n"))
    }

    // MARK: Sync

    /// The child stands in for `scrutiny sync`: it rewrites the store as a pull with a merge would.
    func testSyncSavesRunsTheChildReloadsAndTheJournalFollowsTheMergedFile() throws {
        var merged = TestPanel.make()
        merged.framework[TestPanel.key("efficiency", "funding")] = "From clerk B"
        var log: [String] = []
        let storePath = store.path
        let runner = SyncRunner(session: session, executable: "/usr/bin/scrutiny-test",
                                runChild: { executable, arguments in
                                    // Our change is in the file before the sync runs; theirs is merged in.
                                    let before = try PanelStore.load(from: URL(fileURLWithPath: storePath))
                                    let ours = before.framework[TestPanel.key("efficiency", "diagnosis")]
                                    log.append("child \(executable) \(arguments.joined(separator: " ")) sees \(ours)")
                                    merged.framework[TestPanel.key("efficiency", "diagnosis")] = ours
                                    try AtomicFile.replace(storePath, with: PanelStore.encode(merged))
                                    return 0
                                },
                                waitForEnter: { log.append("waited for Enter") },
                                say: { log.append("said " + $0) })
        var afterSync: JournalRecovery?
        // A cell filled by a pasted one-cell table (Efficiency × Diagnosis), then the sync.
        let terminal = ScriptedTerminal(chars("j") + [.input(.timeout)] + chars("\u{1B}[200~ours\t\u{1B}[201~")
            + [.input(.timeout)] + script(":sync\r", "jl"))
        let host = host(terminal)
        host.syncRunner = runner
        terminal.beforeRead = { [store] _ in
            if log.count == 4, afterSync == nil { afterSync = try? StoreSession.peek(store!) }
        }
        _ = host.run()

        XCTAssertEqual(log, ["said scrutiny sync \(storePath)",
                             "child /usr/bin/scrutiny-test sync \(storePath) sees ours",
                             "said \nPress Enter to return to Scrutiny.", "waited for Enter"])
        XCTAssertEqual(terminal.invalidated, 1, "the whole screen is drawn again after the sync's output")
        XCTAssertEqual(host.app.document.framework[TestPanel.key("efficiency", "funding")], "From clerk B")
        XCTAssertTrue(bottomLines(terminal).contains { $0.hasPrefix("Synced: the panel now holds everyone's changes · undo history cleared") },
                      bottomLines(terminal).joined(separator: "\n"))
        // What a crash right after the sync would recover: the merged file, nothing replayed onto it.
        XCTAssertEqual(afterSync?.document, merged)
        XCTAssertEqual(afterSync?.replayed, 0)
        // The next snapshot is not mistaken for an outside change (no copy kept aside).
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(leftovers.contains { $0.contains("outside-change") }, "\(leftovers)")
        XCTAssertEqual(try PanelStore.load(from: store), merged)
    }

    func testAChangeAfterTheSyncIsJournalledOnTheMergedFile() throws {
        var merged = TestPanel.make()
        merged.framework[TestPanel.key("efficiency", "funding")] = "From clerk B"
        let storePath = store.path
        let runner = SyncRunner(session: session, executable: "x", runChild: { _, _ in
            try AtomicFile.replace(storePath, with: PanelStore.encode(merged))
            return 0
        }, waitForEnter: {}, say: { _ in })
        // After the sync: the selection (Effectiveness × Diagnosis) is deleted with d… here a
        // paste is simpler: a cell filled by a bracketed paste of a one-cell table.
        let terminal = ScriptedTerminal(chars(":sync\r") + [.input(.timeout)]
            + chars("\u{1B}[200~new\ttext\u{1B}[201~") + [.input(.timeout)] + chars("y") + [.input(.timeout)]
            + chars("q") + [.input(.timeout)])
        let host = host(terminal)
        host.syncRunner = runner
        _ = host.run()
        var expected = merged
        expected.framework[TestPanel.key("effectiveness", "diagnosis")] = "new"
        expected.framework[TestPanel.key("effectiveness", "funding")] = "text"
        XCTAssertEqual(try StoreSession.peek(store).document, expected)
        XCTAssertEqual(try PanelStore.load(from: store), expected)
        // Saved over the merged file as ours, not taken for someone else's change and kept aside.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(leftovers.filter { $0.contains("outside-change") }, [])
    }

    func testAFailedSyncChildStillReloadsAndSaysItDidNotFinish() {
        let runner = SyncRunner(session: session, executable: "x", runChild: { _, _ in 1 }, waitForEnter: {},
                                say: { _ in })
        let terminal = ScriptedTerminal(script(":sync\r"))
        let host = host(terminal)
        host.syncRunner = runner
        _ = host.run()
        XCTAssertTrue(bottomLines(terminal).contains {
            $0.hasPrefix("Sync did not finish (its output said why); store read again: nothing new")
        }, bottomLines(terminal).joined(separator: "\n"))
    }

    /// Ctrl-C on the plain terminal stops a stuck push, not Scrutiny; a SIGTERM meanwhile still
    /// ends the session (saved) once the sync is over.
    func testCtrlCDuringTheSyncIsTheSyncsButSIGTERMStillEndsTheSession() {
        for (signal, ending) in [(SIGINT, TerminalHost<Workspace>.Ending.quit), (SIGTERM, .signal(SIGTERM))] {
            var caught: [Int32] = []
            let runner = SyncRunner(session: session, executable: "x", runChild: { _, _ in
                caught.append(signal)
                return 130
            }, waitForEnter: {}, say: { _ in })
            let terminal = ScriptedTerminal(script(":sync\r", "j"))
            let host = host(terminal, takeSignal: { caught.isEmpty ? nil : caught.removeFirst() })
            host.syncRunner = runner
            XCTAssertEqual(host.run().ending, ending, "signal \(signal)")
        }
    }

    func testWithoutASyncRunnerTheWorkspaceIsToldWhy() {
        let terminal = ScriptedTerminal(script(":sync\r"))
        _ = host(terminal).run()
        XCTAssertTrue(bottomLines(terminal).contains {
            $0.hasPrefix("Sync failed: this view cannot sync: it does not have the store open")
        }, bottomLines(terminal).joined(separator: "\n"))
    }
}
