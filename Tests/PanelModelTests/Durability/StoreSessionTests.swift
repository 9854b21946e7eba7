import Foundation
import XCTest
@testable import PanelModel

/// Open, record, snapshot, crash, open again: what was recorded is there.
final class StoreSessionTests: XCTestCase {
    func testRecordedChangesSurviveACrashAndAreReplayed() throws {
        let store = try StoreFixture()
        let (edits, expected) = StoreFixture.typedNotes(12, onto: PanelTemplates.example)
        do {
            let (session, opened) = try StoreSession.open(store.url, program: "scrutiny test")
            XCTAssertEqual(opened.summary, "")
            for edit in edits { try session.record(edit) }
            let draft = try JSONSerialization.data(withJSONObject: ["text": String(repeating: "é", count: 340), "cursor": 3])
            try session.recordDraft(draft)
            // No snapshot, no close: as if the program were killed here (the lock is released
            // by deinit, as the kernel drops a dead process's flock).
        }
        XCTAssertEqual(try PanelStore.load(from: store.url), PanelTemplates.example, "the snapshot was never written")
        let (session, opened) = try StoreSession.open(store.url, program: "scrutiny test")
        XCTAssertEqual(opened.document, expected)
        let draft = try JSONSerialization.jsonObject(with: XCTUnwrap(opened.draft)) as? [String: Any]
        XCTAssertEqual((draft?["text"] as? String)?.count, 340)
        XCTAssertEqual(opened.summary, "replayed 12 changes and a draft of 340 characters")
        session.close()
    }

    func testAnEndedDraftIsNotRecoveredButOneStillOpenAfterASnapshotIs() throws {
        let store = try StoreFixture()
        do {
            let (session, _) = try StoreSession.open(store.url, program: "t")
            try session.recordDraft(Data("first".utf8))
            try session.recordDraft(nil)
            try session.recordDraft(Data("second".utf8))
            try session.snapshot(PanelTemplates.example, through: session.lastSequence)
        }
        let (session, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.draft, Data("second".utf8), "a draft is never part of a snapshot, so the cut keeps it")
        try session.recordDraft(nil)
        session.close()
        XCTAssertNil(try StoreSession.open(store.url, program: "t").1.draft)
    }

    func testJournalAndLockArePrivate() throws {
        let store = try StoreFixture()
        let (session, _) = try StoreSession.open(store.url, program: "scrutiny test")
        XCTAssertEqual(mode(of: store.journalPath), "600")
        XCTAssertEqual(mode(of: store.lockPath), "600")
        try session.record(StoreFixture.typedNotes(1, onto: PanelTemplates.example).0[0])
        XCTAssertEqual(mode(of: store.journalPath), "600")
        session.close()
        XCTAssertEqual(try store.scratch.names(), ["panel.json", "panel.json.journal"])
    }

    func testASnapshotCutsTheJournalAndKeepsLaterChanges() throws {
        let store = try StoreFixture()
        let (edits, all) = StoreFixture.typedNotes(3, onto: PanelTemplates.example)
        let (_, firstTwo) = StoreFixture.typedNotes(2, onto: PanelTemplates.example)
        let (session, _) = try StoreSession.open(store.url, program: "scrutiny test")
        try session.record(edits[0])
        try session.record(edits[1])
        let through = session.lastSequence
        try session.record(edits[2])  // Recorded while the background save is on its way.
        XCTAssertEqual(try session.snapshot(firstTwo, through: through), .saved)
        XCTAssertEqual(try PanelStore.load(from: store.url), firstTwo)
        XCTAssertEqual(try store.journalLines().count, 2, "the start record and the third change")
        session.close()

        let (again, opened) = try StoreSession.open(store.url, program: "scrutiny test")
        XCTAssertEqual(opened.document, all)
        XCTAssertEqual(opened.summary, "replayed 1 change")
        XCTAssertEqual(try again.snapshot(all, through: again.lastSequence), .saved)
        XCTAssertEqual(try store.journalLines().count, 1)
        XCTAssertEqual(try again.snapshot(all, through: again.lastSequence), .unchanged)
        again.close()
        let (_, last) = try StoreSession.open(store.url, program: "scrutiny test")
        XCTAssertEqual(last.document, all)
        XCTAssertEqual(last.summary, "")
    }

    func testACrashAfterTheSnapshotButBeforeTheCutReplaysNothingTwice() throws {
        let store = try StoreFixture()
        let (edits, all) = StoreFixture.typedNotes(3, onto: PanelTemplates.example)
        let (_, firstTwo) = StoreFixture.typedNotes(2, onto: PanelTemplates.example)
        let faults = FaultPlan()
        let (session, _) = try StoreSession.open(store.url, program: "t", now: Date(), calls: faults.calls)
        try session.record(edits[0])
        try session.record(edits[1])
        try session.record(edits[2])
        faults.only = ".journal"
        faults.renameError = EIO  // The snapshot goes in place; the journal cannot be cut.
        XCTAssertNotNil(thrown(StoreError.self) { try session.snapshot(firstTwo, through: 2) })
        XCTAssertEqual(try PanelStore.load(from: store.url), firstTwo)
        session.close()  // And then the program dies.

        let (_, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, all)
        XCTAssertEqual(opened.summary, "replayed 1 change")
    }

    func testATornLastRecordIsIgnoredAndTheRestReplayed() throws {
        let store = try StoreFixture()
        let (edits, expected) = StoreFixture.typedNotes(2, onto: PanelTemplates.example)
        do {
            let (session, _) = try StoreSession.open(store.url, program: "t")
            for edit in edits { try session.record(edit) }
        }
        // A third append cut short by a power cut.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("123 0011223344556677 {\"kind\":\"ed".utf8))
        try handle.close()
        let (session, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, expected)
        XCTAssertEqual(opened.summary, "replayed 2 changes; ignored a torn last record")
        XCTAssertNil(opened.journalKeptAside)
        XCTAssertEqual(try store.journalLines().count, 3, "the new journal holds the start and the two changes, no torn tail")
        session.close()
    }

    func testACorruptJournalIsKeptAsideAndWhatCameBeforeTheDamageIsKept() throws {
        let store = try StoreFixture()
        let (edits, _) = StoreFixture.typedNotes(3, onto: PanelTemplates.example)
        let (_, firstOne) = StoreFixture.typedNotes(1, onto: PanelTemplates.example)
        do {
            let (session, _) = try StoreSession.open(store.url, program: "t")
            for edit in edits { try session.record(edit) }
        }
        var lines = try store.journalLines()
        lines[2] = lines[2].replacingOccurrences(of: "typed note 2", with: "typed note X")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: store.journalPath))
        let now = Date(timeIntervalSince1970: 1_709_721_667)
        let (session, opened) = try StoreSession.open(store.url, program: "t", now: now, calls: .live)
        XCTAssertEqual(opened.document, firstOne)
        XCTAssertEqual(opened.journalKeptAside, "panel.json.journal.damaged-20240306T104107Z")
        XCTAssertEqual(opened.summary, "replayed 1 change; stopped at a damaged record on line 3 (its checksum does not "
                       + "match); the 1 line after it was not read; a copy of the journal is in "
                       + "panel.json.journal.damaged-20240306T104107Z")
        XCTAssertEqual(mode(of: store.journalPath + ".damaged-20240306T104107Z"), "600")
        session.close()
    }

    func testAStaleLockIsTakenOverAndTheJournalReplayedInOneOpen() throws {
        let store = try StoreFixture()
        let (edits, expected) = StoreFixture.typedNotes(2, onto: PanelTemplates.example)
        do {
            let (session, _) = try StoreSession.open(store.url, program: "t")
            for edit in edits { try session.record(edit) }
        }
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let owner = StoreLock.Owner(pid: dead.processIdentifier, host: StoreLock.hostName(),
                                    started: "2024-03-06T09:00:00Z", program: "scrutiny 0.1")
        try Data(StoreLock.ownerJSON(owner).utf8).write(to: URL(fileURLWithPath: store.lockPath))
        let (session, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, expected)
        XCTAssertEqual(opened.summary, "took over the lock left by pid \(dead.processIdentifier) (since "
                       + "2024-03-06T09:00:00Z), which is no longer running; replayed 2 changes")
        session.close()
    }

    func testAReadOnlyPeekSeesTheJournalWithoutTouchingAnything() throws {
        let store = try StoreFixture()
        let (edits, expected) = StoreFixture.typedNotes(2, onto: PanelTemplates.example)
        let (session, _) = try StoreSession.open(store.url, program: "t")
        for edit in edits { try session.record(edit) }
        let names = try store.scratch.names()
        let journal = try Data(contentsOf: URL(fileURLWithPath: store.journalPath))
        let peeked = try StoreSession.peek(store.url)
        XCTAssertEqual(peeked.document, expected)
        XCTAssertEqual(peeked.summary, "replayed 2 changes")
        XCTAssertEqual(try store.scratch.names(), names)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.journalPath)), journal)
        session.close()
    }

    func testASecondWriterIsRefusedAndTheFirstGoesOn() throws {
        let store = try StoreFixture()
        let (first, _) = try StoreSession.open(store.url, program: "scrutiny 0.1")
        let error = thrown(StoreSessionError.self) { _ = try StoreSession.open(store.url, program: "scrutiny 0.1") }
        guard case .locked(.heldHere(let owner, _, _))? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(owner.pid, getpid())
        XCTAssertNoThrow(try first.record(StoreFixture.typedNotes(1, onto: PanelTemplates.example).0[0]))
        first.close()
    }

    func testAJournalThatCannotBeReadIsNeverOverwritten() throws {
        let store = try StoreFixture()
        try FileManager.default.createDirectory(atPath: store.journalPath, withIntermediateDirectories: false)
        let error = thrown(StoreSessionError.self) { _ = try StoreSession.open(store.url, program: "t") }
        XCTAssertEqual(error?.description, "\(store.path).journal cannot be read: it is a folder, not a file.")
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.journalPath, isDirectory: &isFolder) && isFolder.boolValue)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.lockPath))
    }

    func testNothingIsWrittenAfterClose() throws {
        let store = try StoreFixture()
        let (session, _) = try StoreSession.open(store.url, program: "t")
        session.close()
        let error = thrown(StoreError.self) { try session.record(StoreFixture.typedNotes(1, onto: PanelTemplates.example).0[0]) }
        XCTAssertEqual(error?.description, "Could not save \(store.path): it was already closed (while saving). "
                       + "Nothing was lost: \(store.path) still holds the previous save.")
        XCTAssertEqual(try store.scratch.names(), ["panel.json", "panel.json.journal"], "no lock, no new journal")
    }

    func testADamagedStoreIsReportedAndTheLockReleased() throws {
        let store = try StoreFixture()
        try Data("{\"format\": \"scrutiny-panel\",".utf8).write(to: store.url)
        let error = thrown(StoreSessionError.self) { _ = try StoreSession.open(store.url, program: "t") }
        XCTAssertEqual(error?.description, "\(store.url.relativePath) is not a Scrutiny panel (broken JSON at line 1, "
                       + "column 29: unexpected end of file during JSON parse). The file was not changed.")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.lockPath))
    }

    func testLeftoverTempFilesOfAnEarlierCrashAreRemovedOnOpen() throws {
        let store = try StoreFixture()
        let old = Date(timeIntervalSinceNow: -3600)
        for name in [".panel.json.tmp-1a2b3c", ".panel.json.journal.tmp-4d5e6f", ".panel.json.lock.tmp-777777",
                     "panel.json.draft.tmp-31337"] {
            try Data("debris".utf8).write(to: store.scratch.file(name))
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: store.scratch.file(name).path)
        }
        try Data("young".utf8).write(to: store.scratch.file(".panel.json.lock.tmp-888888"))  // Another instance, now.
        try FileManager.default.createDirectory(at: store.scratch.file(".panel.json.tmp-folder"), withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: store.scratch.file(".panel.json.tmp-folder").path)
        try Data("other".utf8).write(to: store.scratch.file(".other.json.tmp-123456"))
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: store.scratch.file(".other.json.tmp-123456").path)

        let (session, opened) = try StoreSession.open(store.url, program: "t", now: Date(timeIntervalSinceNow: -60), calls: .live)
        XCTAssertEqual(opened.removedLeftovers, [".panel.json.journal.tmp-4d5e6f", ".panel.json.lock.tmp-777777",
                                                 ".panel.json.tmp-1a2b3c", "panel.json.draft.tmp-31337"])
        XCTAssertEqual(opened.summary, "removed 4 temp files of an interrupted save")
        XCTAssertEqual(try store.scratch.names(), [".other.json.tmp-123456", ".panel.json.lock.tmp-888888",
                                                   ".panel.json.tmp-folder", "panel.json", "panel.json.journal",
                                                   "panel.json.lock"])
        session.close()
    }

    func testRecordAndSnapshotFromTwoThreadsLoseNothing() throws {
        let store = try StoreFixture()
        let (edits, all) = StoreFixture.typedNotes(200, onto: PanelTemplates.example)
        let (session, _) = try StoreSession.open(store.url, program: "t")
        // The main loop records; every 20 changes it hands the document to a background saver.
        let saver = DispatchQueue(label: "saver")
        var doc = PanelTemplates.example
        let failures = Failures()
        for (k, edit) in edits.enumerated() {
            try edit.apply(to: &doc)
            try session.record(edit)
            if k % 20 == 19 {
                let (snapshot, through) = (doc, session.lastSequence)
                saver.async {
                    do { try session.snapshot(snapshot, through: through) } catch { failures.add("\(error)") }
                }
            }
        }
        saver.sync {}
        XCTAssertEqual(failures.all, [])
        session.close()
        let (_, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, all)
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.withLock { list.append(text) } }
    var all: [String] { lock.withLock { list } }
}
