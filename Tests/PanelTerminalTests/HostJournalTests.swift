import Foundation
import XCTest
@testable import PanelModel
@testable import PanelTerminal

/// The host with a journal: the real workspace driven by keys on a scripted terminal, over a
/// real `StoreSession` in a temporary folder. "saved" in the title bar must mean the change is
/// on disk, in the journal, before any snapshot; a journal that fails must never show "saved".
final class HostJournalTests: XCTestCase {
    typealias ScriptedTerminal = HostLoopTests.ScriptedTerminal

    /// What happened, in order, across the journal and the app.
    final class Log {
        var events: [String] = []
        /// At each status the app was given: what reopening the store would show, and what the app holds.
        var reopenedAtStatus: [PanelDocument?] = []
        var heldAtStatus: [PanelDocument] = []
        /// The snapshot file at each status.
        var snapshotAtStatus: [PanelDocument?] = []
    }

    /// The real workspace, noting each status it is given and what the store holds at that moment.
    struct ObservedWorkspace: TerminalApp {
        var inner: Workspace
        let log: Log
        let store: URL

        mutating func handle(_ event: InputEvent) -> [AppEffect] { inner.handle(event) }
        func render(into buffer: inout ScreenBuffer) { inner.render(into: &buffer) }
        mutating func setSaveStatus(_ status: SaveStatus) {
            switch status {
            case .saved: log.events.append("saved")
            case .saving: log.events.append("saving")
            case .failed(let reason): log.events.append("failed: " + reason)
            }
            log.reopenedAtStatus.append((try? StoreSession.peek(store))?.document)
            log.heldAtStatus.append(inner.document)
            log.snapshotAtStatus.append(try? PanelStore.load(from: store))
            inner.setSaveStatus(status)
        }
    }

    /// A journal that passes through to a real session, noting each record, and fails while told to.
    final class SpyJournal: ChangeJournal, @unchecked Sendable {
        let session: StoreSession
        let log: Log
        var failure: StoreError?

        init(_ session: StoreSession, log: Log) {
            self.session = session
            self.log = log
        }

        func record(_ edit: Edit) throws(StoreError) -> UInt64 {
            if let failure {
                log.events.append("record failed")
                throw failure
            }
            do {
                let number = try session.record(edit)
                log.events.append("recorded \(number)")
                return number
            } catch {
                log.events.append("record failed")
                throw error
            }
        }
        func recordDraft(_ draft: Data?) throws(StoreError) {
            if let failure { throw failure }
            try session.recordDraft(draft)
        }
        var lastSequence: UInt64 { session.lastSequence }
    }

    /// Snapshot jobs kept aside, run only when a test says so.
    final class Jobs: @unchecked Sendable {
        var jobs: [@Sendable () -> Void] = []
        func runAll() {
            while !jobs.isEmpty { jobs.removeFirst()() }
        }
    }

    private var folder: URL!
    private var store: URL!
    private var session: StoreSession!
    private let log = Log()
    private let jobs = Jobs()
    private let tenFortyOne = Date(timeIntervalSince1970: 1_709_721_667)  // 2024-03-06 10:41:07 UTC

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("host-journal-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("panel.json")
        try PanelStore.create(TestPanel.make(), at: store)
    }

    override func tearDownWithError() throws {
        session?.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private func keys(_ text: String) -> [TerminalRead] {
        text.unicodeScalars.map { .input(.character($0.value)) }
    }

    /// A host over the store, with `journal` (a spy over the session unless given), snapshots
    /// written through the session only between reads (after `beforeRead`), and a fixed wall clock.
    private func host(_ script: [TerminalRead], journal: (any ChangeJournal)? = nil,
                      beforeRead: ((Int) -> Void)? = nil, secondsPerRead: Double = 0,
                      snapshotFails: (@Sendable () -> StoreError?)? = nil) throws -> TerminalHost<ObservedWorkspace> {
        if session == nil { session = try StoreSession.open(store, program: "test").0 }
        let session = self.session!
        let jobs = self.jobs
        let savedAt = tenFortyOne
        let autosaver = Autosaver(snapshot: { document, sequence in
            if let error = snapshotFails?() { throw error }
            try session.snapshot(document, through: sequence)
        }, execute: { jobs.jobs.append($0) }, clock: { 0 }, wallClock: { savedAt })
        var workspace = Workspace(document: TestPanel.make(), keymap: TestKeys.defaultKeymap, today: TestPanel.today)
        workspace.timeZone = TimeZone(identifier: "UTC")!
        let app = ObservedWorkspace(inner: workspace, log: log, store: store)
        let terminal = ScriptedTerminal(script)
        let clock = { Double(terminal.timeouts.count) * secondsPerRead }
        terminal.beforeRead = { index in
            beforeRead?(index)
            jobs.runAll()
        }
        return TerminalHost(app: app, terminal: terminal, files: StoreFiles(store: store), autosaver: autosaver,
                            journal: journal ?? SpyJournal(session, log: log), clock: clock, takeSignal: { nil },
                            runSideFileWrite: { $0() }, waitForSideFileWrites: {}, wallClock: { savedAt })
    }

    private func titleBar<App: TerminalApp>(_ app: App) -> String {
        var buffer = ScreenBuffer(width: 80, height: 24)
        app.render(into: &buffer)
        return buffer.line(0)
    }

    private static let diskFull = StoreError.writeFailed(file: "panel.json.journal", step: "writing the journal",
                                                         reason: "the disk is full", previousKept: true)

    // MARK: - "saved" means on disk

    func testAChangeIsInTheJournalOnDiskBeforeTheTitleBarSaysSaved() throws {
        // Enter edits the first cell, the text goes in (a frame, and the draft), Enter commits;
        // no snapshot ever runs.
        let host = try host(keys("\r more") + [.input(.timeout)] + keys("\r") + [.input(.timeout)])
        XCTAssertEqual(host.run().ending, .hangUp)
        // The draft (record 1) says nothing; the change is record 2.
        XCTAssertEqual(log.events, ["recorded 2", "saved", "saved"], "recorded, then saved; then the snapshot")
        let reopened = try XCTUnwrap(log.reopenedAtStatus.first ?? nil)
        XCTAssertEqual(reopened.framework[TestPanel.key("effectiveness", "diagnosis")],
                       "Depends on condition being diagnosed. more")
        XCTAssertEqual(reopened, log.heldAtStatus.first, "when saved is shown, reopening gives what is on screen")
        XCTAssertEqual(log.snapshotAtStatus.first, TestPanel.make(), "the snapshot was not written yet: the journal holds it")
        XCTAssertEqual(try PanelStore.load(from: store), reopened, "then the snapshot was written in the background")
        XCTAssertTrue(titleBar(host.app).hasSuffix("saved 10:41:07"), titleBar(host.app))
    }

    func testAJournalThatFailsNeverShowsSavedAndSaysWhyInTheTitleBar() throws {
        _ = try host([])  // opens the session
        let spy = SpyJournal(session, log: log)
        spy.failure = Self.diskFull
        // The snapshot fails too (a full disk takes both): nothing may say "saved".
        let host = try host(keys("\rlost?\r") + [.input(.timeout)], journal: spy, snapshotFails: { Self.diskFull })
        _ = host.run()
        XCTAssertTrue(log.events.contains("record failed"), "\(log.events)")
        XCTAssertFalse(log.events.contains("saved"), "\(log.events)")
        XCTAssertEqual(log.events.last, "failed: " + Self.diskFull.description)
        XCTAssertTrue(titleBar(host.app).contains("NOT SAVED: Could not save panel.json.journal: the disk is full"),
                      titleBar(host.app))
        XCTAssertEqual(host.app.inner.document.framework[TestPanel.key("effectiveness", "diagnosis")],
                       "Depends on condition being diagnosed.lost?", "the change is kept in memory")
    }

    func testAFailedFsyncShowsNotSavedThenTheNextChangeWritesBothAndClearsIt() throws {
        // A real session whose fsync fails (EIO) while `failing` is set: the journal cannot be
        // appended to, nor rewritten with a fresh temp file, until the fault is gone.
        let failing = Flag()
        var calls = SystemCalls.live
        calls.fsync = { fd in
            if failing.value { errno = EIO; return -1 }
            return Glibc.fsync(fd)
        }
        session = try StoreSession.open(store, program: "test", now: Date(), calls: calls).0
        let journal = SpyJournal(session, log: log)
        failing.value = true
        var eventsWhileFailing: [String] = []
        // After the first change (six keys) and a pause, the disk recovers.
        let host = try host(keys("\r one\r") + [.input(.timeout)] + keys("\u{1B}[B\r two\r") + [.input(.timeout)],
                            journal: journal, beforeRead: { [log] index in
            if index == 7 {
                failing.value = false
                eventsWhileFailing = log.events
            }
        })
        _ = host.run()
        XCTAssertTrue(eventsWhileFailing.contains("record failed"), "\(eventsWhileFailing)")
        XCTAssertFalse(eventsWhileFailing.contains("saved"), "\(eventsWhileFailing)")
        XCTAssertTrue(eventsWhileFailing.last?.hasPrefix("failed: Could not save \(store.path).journal: "
            + "the disk reported an input/output error") == true, "\(eventsWhileFailing)")
        XCTAssertEqual(log.events.last, "saved")
        let reopened = try StoreSession.peek(store).document
        XCTAssertEqual(reopened.framework[TestPanel.key("effectiveness", "diagnosis")],
                       "Depends on condition being diagnosed. one")
        XCTAssertEqual(reopened, host.app.inner.document, "both changes are on disk")
    }

    func testUndoAndRedoAreJournalledSoReopeningShowsWhatIsOnScreen() throws {
        // Edit, undo, edit again, undo, redo: five changes, each recorded as applied.
        let host = try host(keys("\r one\r") + keys("u") + keys("\r two\r") + keys("u") + [.input(.character(18))]
            + [.input(.timeout)])
        _ = host.run()
        XCTAssertEqual(log.events.filter { $0.hasPrefix("recorded") }.count, 5, "\(log.events)")
        let reopened = try StoreSession.peek(store)
        XCTAssertEqual(reopened.document, host.app.inner.document)
        XCTAssertEqual(reopened.document.framework[TestPanel.key("effectiveness", "diagnosis")],
                       "Depends on condition being diagnosed. two")
    }

    func testADraftThatCouldNotBeWrittenIsTriedAgainASecondLaterAndClearsTheFault() throws {
        _ = try host([])  // opens the session
        let spy = SpyJournal(session, log: log)
        spy.failure = Self.diskFull
        // Half a second a read: Enter opens the editor and "ab" is typed in one burst; the draft,
        // written once that frame is drawn (read 3), fails; it is tried again each second (read 5
        // fails too), and the disk recovers before the seventh read.
        let host = try host(keys("\rab") + Array(repeating: .input(.timeout), count: 6), journal: spy,
                            beforeRead: { index in if index == 6 { spy.failure = nil } }, secondsPerRead: 0.5)
        _ = host.run()
        // Failed at once, again a second later while the disk was still full, then written.
        XCTAssertEqual(log.events, ["failed: " + Self.diskFull.description, "failed: " + Self.diskFull.description, "saved"])
        let draft = try XCTUnwrap(try StoreSession.peek(store).draft)
        XCTAssertTrue(String(decoding: draft, as: UTF8.self).contains("Depends on condition being diagnosed.ab"))
    }

    // MARK: - Snapshots

    func testASnapshotCutsTheJournalAndItsFailureShowsNotSavedUntilOneSucceeds() throws {
        let fail = Flag()
        fail.value = true
        let host = try host(keys("\r one\r") + [.input(.timeout)], snapshotFails: {
            fail.value ? Self.diskFull : nil
        })
        let outcome = host.run()  // ends with a hang-up: the last snapshot is tried on the way out, and fails
        XCTAssertEqual(outcome.unsaved?.reason, Self.diskFull.description, "so the host's rescue runs")
        XCTAssertEqual(log.events.filter { !$0.hasPrefix("record") }.first, "saved", "the journal has it")
        XCTAssertEqual(log.events.last, "failed: " + Self.diskFull.description)
        XCTAssertEqual(try PanelStore.load(from: store), TestPanel.make(), "the snapshot failed: unchanged")

        fail.value = false
        try session.snapshot(host.app.inner.document, through: session.lastSequence)
        XCTAssertEqual(try PanelStore.load(from: store), host.app.inner.document)
        XCTAssertEqual(try StoreSession.peek(store).replayed, 0, "the journal was cut: nothing left to replay")
    }

    func testTheSaveStateOnlySaysSavedWhenNothingIsFailing() {
        var state = DurableSaveState()
        XCTAssertNil(state.status, "nothing to say before the first change")
        state.snapshot(.saving)
        XCTAssertNil(state.status, "a snapshot in progress says nothing: the journal decides")
        state.recorded(at: tenFortyOne)
        XCTAssertEqual(state.status, .saved(at: tenFortyOne))
        state.snapshot(.failed(reason: "folder gone"))
        state.recorded(at: tenFortyOne.addingTimeInterval(5))
        XCTAssertEqual(state.status, .failed(reason: "folder gone"), "the store itself is still behind")
        state.recordFailed("disk full")
        XCTAssertEqual(state.status, .failed(reason: "disk full"))
        state.draftRecorded(at: tenFortyOne.addingTimeInterval(7))
        XCTAssertEqual(state.status, .failed(reason: "folder gone"), "a draft ends the journal's fault, not the store's")
        state.snapshot(.saved(at: tenFortyOne.addingTimeInterval(9)))
        XCTAssertEqual(state.status, .saved(at: tenFortyOne.addingTimeInterval(9)),
                       "a snapshot rewrote the journal too: everything is on disk")
    }
}

/// A flag shared with a system-call closure.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var _value = false
    var value: Bool {
        get { lock.withLock { _value } }
        set { lock.withLock { _value = newValue } }
    }
}
