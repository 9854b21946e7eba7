import Foundation
import XCTest
@testable import PanelModel

/// Disk full, disk errors, a read-only folder, the store deleted, replaced or moved behind our
/// back: a clear message, nothing truncated, the journal keeps every change, and the next
/// save works once the fault is gone. Faults are injected into the system calls (the same
/// seam `AtomicFile` uses), so these run anywhere; `TmpfsFaultTests` repeats the disk-full and
/// read-only cases on a real, tiny file system where the machine allows mounting one.
final class FaultInjectionTests: XCTestCase {
    private func openSession(_ store: StoreFixture, _ faults: FaultPlan) throws -> StoreSession {
        try StoreSession.open(store.url, program: "t", now: Date(), calls: faults.calls).0
    }

    func testDiskFullWhileJournallingKeepsTheChangeForTheNextRecord() throws {
        let store = try StoreFixture()
        let faults = FaultPlan()
        let session = try openSession(store, faults)
        let (edits, expected) = StoreFixture.typedNotes(3, onto: PanelTemplates.example)
        try session.record(edits[0])

        faults.writeError = ENOSPC
        let error = thrown(StoreError.self) { try session.record(edits[1]) }
        XCTAssertEqual(error?.description, "Could not save \(store.path).journal: the disk is full; free some space and "
                       + "save again (while writing the journal). Nothing was lost: \(store.path).journal still holds "
                       + "the previous save.")
        XCTAssertEqual(try PanelStore.load(from: store.url), PanelTemplates.example, "the store is untouched")

        faults.healed()
        try session.record(edits[2])
        session.close()
        let (_, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, expected, "the change made while the disk was full is in the journal")
        XCTAssertEqual(opened.summary, "replayed 3 changes")
        XCTAssertEqual(try store.scratch.names(), ["panel.json", "panel.json.journal"], "no temp file left")
    }

    func testAFailedFsyncIsNeverRetriedOnTheSameDescriptor() throws {
        let store = try StoreFixture()
        let faults = FaultPlan()
        let session = try openSession(store, faults)
        let (edits, expected) = StoreFixture.typedNotes(2, onto: PanelTemplates.example)
        faults.fsyncError = EIO
        let error = thrown(StoreError.self) { try session.record(edits[0]) }
        XCTAssertEqual(error?.description, "Could not save \(store.path).journal: the disk reported an input/output error "
                       + "(while flushing the journal to disk). Nothing was lost: \(store.path).journal still holds the "
                       + "previous save.")
        faults.healed()
        try session.record(edits[1])
        XCTAssertFalse(faults.fsyncRetriedAfterFailure)
        session.close()
        XCTAssertEqual(try StoreSession.open(store.url, program: "t").1.document, expected)
    }

    func testOneFailedAppendIsRepairedAtOnceWithAFreshFile() throws {
        // The append's fsync fails once; the rewrite with a fresh temp file succeeds, so the
        // change is durable and `record` does not throw.
        let store = try StoreFixture()
        let faults = FaultPlan()
        let session = try openSession(store, faults)
        let (edits, expected) = StoreFixture.typedNotes(1, onto: PanelTemplates.example)
        faults.only = "panel.json.journal"
        faults.failNextFsyncOnly = true
        try session.record(edits[0])
        XCTAssertFalse(faults.failNextFsyncOnly, "the fault happened")
        XCTAssertFalse(faults.fsyncRetriedAfterFailure)
        session.close()
        XCTAssertEqual(try StoreSession.open(store.url, program: "t").1.document, expected)
    }

    func testDiskFullWhileSavingTheSnapshotLeavesTheStoreWholeAndTheJournalFull() throws {
        let store = try StoreFixture()
        let before = try Data(contentsOf: store.url)
        let faults = FaultPlan()
        let session = try openSession(store, faults)
        let (edits, expected) = StoreFixture.typedNotes(5, onto: PanelTemplates.example)
        for edit in edits { try session.record(edit) }

        faults.only = ".panel.json.tmp-"
        faults.writeError = ENOSPC
        let error = thrown(StoreError.self) { try session.snapshot(expected, through: session.lastSequence) }
        XCTAssertEqual(error?.description, "Could not save \(store.path): the disk is full; free some space and save again "
                       + "(while writing the temporary copy). Nothing was lost: \(store.path) still holds the previous save.")
        XCTAssertEqual(try Data(contentsOf: store.url), before, "not truncated, not changed")
        XCTAssertEqual(try store.scratch.names(), ["panel.json", "panel.json.journal", "panel.json.lock"])

        faults.healed()
        XCTAssertEqual(try session.snapshot(expected, through: session.lastSequence), .saved)
        XCTAssertEqual(try PanelStore.load(from: store.url), expected)
        session.close()
        let (_, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, expected)
        XCTAssertEqual(opened.summary, "")
    }

    func testAReadOnlyFolderIsNamedAndTheSaveWorksOnceItIsWritableAgain() throws {
        let store = try StoreFixture()
        let faults = FaultPlan()
        let session = try openSession(store, faults)
        let (edits, expected) = StoreFixture.typedNotes(2, onto: PanelTemplates.example)
        try session.record(edits[0])
        faults.openError = EROFS
        faults.writeError = EBADF  // The journal's open descriptor cannot be written either.
        let recordError = thrown(StoreError.self) { try session.record(edits[1]) }
        XCTAssertEqual(recordError?.description, "Could not save \(store.path).journal: the folder \(store.scratch.path) is "
                       + "read-only (while creating a temporary journal in \(store.scratch.path)). Nothing was lost: "
                       + "\(store.path).journal still holds the previous save.")
        let saveError = thrown(StoreError.self) { try session.snapshot(expected, through: session.lastSequence) }
        XCTAssertEqual(saveError, recordError, "the snapshot stops at its first step: noting it in the journal")
        XCTAssertEqual(try PanelStore.load(from: store.url), PanelTemplates.example)
        faults.healed()
        XCTAssertEqual(try session.snapshot(expected, through: session.lastSequence), .saved)
        XCTAssertEqual(try PanelStore.load(from: store.url), expected)
        session.close()
    }

    func testTheStoreDeletedBehindOurBackIsWrittenAgain() throws {
        let store = try StoreFixture()
        let (session, _) = try StoreSession.open(store.url, program: "t")
        let (edits, expected) = StoreFixture.typedNotes(1, onto: PanelTemplates.example)
        try session.record(edits[0])
        try FileManager.default.removeItem(at: store.url)
        XCTAssertEqual(try session.snapshot(expected, through: session.lastSequence), .recreated)
        XCTAssertEqual(try PanelStore.load(from: store.url), expected)
        XCTAssertEqual(mode(of: store.path), "600")
        session.close()
    }

    func testTheStoreReplacedBehindOurBackIsKeptBesideOurs() throws {
        let store = try StoreFixture()
        let (session, _) = try StoreSession.open(store.url, program: "t")
        let (edits, expected) = StoreFixture.typedNotes(1, onto: PanelTemplates.example)
        try session.record(edits[0])
        var theirs = PanelTemplates.example
        theirs.panel.title = "Changed in another editor"
        try PanelStore.save(theirs, to: store.url)
        let outcome = try session.snapshot(expected, through: session.lastSequence)
        guard case .replacedOutsideChange(let keptAt) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(keptAt.hasPrefix("panel.json.outside-change-"), keptAt)
        XCTAssertEqual(try PanelStore.load(from: store.scratch.file(keptAt)), theirs)
        XCTAssertEqual(try PanelStore.load(from: store.url), expected)
        session.close()
    }

    func testTheFolderRenamedBehindOurBackIsReportedAndTheChangesKeptUntilItIsBack() throws {
        let store = try StoreFixture()
        let (session, _) = try StoreSession.open(store.url, program: "t")
        let (edits, expected) = StoreFixture.typedNotes(3, onto: PanelTemplates.example)
        try session.record(edits[0])
        let moved = store.scratch.path + "-moved"
        XCTAssertEqual(rename(store.scratch.path, moved), 0)
        defer { _ = rename(moved, store.scratch.path) }

        let recordError = thrown(StoreError.self) { try session.record(edits[1]) }
        XCTAssertEqual(recordError?.description, "Could not save \(store.path).journal: the folder "
                       + "\(store.scratch.path) does not exist (while creating a temporary journal in "
                       + "\(store.scratch.path)). Nothing was lost: \(store.path).journal still holds the "
                       + "previous save.")
        XCTAssertNotNil(thrown(StoreError.self) { try session.snapshot(expected, through: session.lastSequence) })

        XCTAssertEqual(rename(moved, store.scratch.path), 0)
        try session.record(edits[2])
        XCTAssertEqual(try session.snapshot(expected, through: session.lastSequence), .saved)
        session.close()
        let (_, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, expected)
    }
}
