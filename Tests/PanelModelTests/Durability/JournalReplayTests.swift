import Foundation
import XCTest
@testable import PanelModel

/// Which records a snapshot already holds, and what replay says it did.
final class JournalReplayTests: XCTestCase {
    private let snapshot = PanelTemplates.example
    private let hash = "1111111111111111"

    private func journal(_ payloads: [(UInt64, JournalRecord.Payload)], base: String? = nil, from: UInt64 = 0) -> JournalContents {
        JournalContents(records: [JournalRecord(sequence: from, payload: .start(base: base ?? hash))]
                            + payloads.map { JournalRecord(sequence: $0.0, payload: $0.1) },
                        damage: nil)
    }

    func testChangesAfterTheSnapshotAreReplayedInOrderWithTheDraft() {
        let (edits, expected) = StoreFixture.typedNotes(2, onto: snapshot)
        let contents = journal([(1, .edit(edits[0])), (2, .edit(edits[1])),
                                (3, .draft(Data(#"{"cursor":7,"text":"Parents"}"#.utf8)))])
        let recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
        XCTAssertEqual(recovery.document, expected)
        XCTAssertEqual(recovery.draft, Data(#"{"cursor":7,"text":"Parents"}"#.utf8))
        XCTAssertEqual(recovery.summary, "replayed 2 changes and a draft of 7 characters")
        XCTAssertFalse(recovery.keepAside)
    }

    func testADraftThatIsNotTheWorkspacesJSONIsCountedInBytes() {
        let contents = journal([(1, .draft(Data("abc".utf8)))])
        XCTAssertEqual(JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash).summary, "recovered a draft of 3 bytes")
    }

    func testAnEndedDraftIsNotRecovered() {
        let contents = journal([(1, .draft(Data("abc".utf8))), (2, .draftEnded)])
        let recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
        XCTAssertNil(recovery.draft)
        XCTAssertEqual(recovery.summary, "")
    }

    func testASnapshotPutInPlaceBeforeTheCutIsNotReplayedTwice() {
        let (edits, expected) = StoreFixture.typedNotes(3, onto: snapshot)
        let (_, afterTwo) = StoreFixture.typedNotes(2, onto: snapshot)
        // The journal still follows the old snapshot, but says a new one holding 1–2 was coming.
        let contents = journal([(1, .edit(edits[0])), (2, .edit(edits[1])), (2, .snapshot(hash: "2222222222222222")),
                                (3, .edit(edits[2]))], base: "0000000000000000")
        let recovery = JournalRecovery.replay(contents, onto: afterTwo, snapshotHash: "2222222222222222")
        XCTAssertEqual(recovery.document, expected)
        XCTAssertEqual(recovery.summary, "replayed 1 change")
        XCTAssertEqual(recovery.baseSequence, 2)
        XCTAssertEqual(recovery.pending.map(\.sequence), [3])
    }

    func testWhenTheNewSnapshotNeverArrivedTheOldOneReplaysEverything() {
        let (edits, expected) = StoreFixture.typedNotes(2, onto: snapshot)
        let contents = journal([(1, .edit(edits[0])), (2, .edit(edits[1])), (2, .snapshot(hash: "2222222222222222"))])
        XCTAssertEqual(JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash).document, expected)
    }

    func testAJournalOfAnotherVersionOfTheFileIsNotReplayedButKept() {
        let (edits, _) = StoreFixture.typedNotes(2, onto: snapshot)
        let contents = journal([(1, .edit(edits[0])), (2, .edit(edits[1]))], base: "9999999999999999")
        let recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
        XCTAssertEqual(recovery.document, snapshot)
        XCTAssertTrue(recovery.keepAside)
        XCTAssertEqual(recovery.summary, "the journal belongs to another version of the file (was it changed outside "
                       + "Scrutiny?), so its 2 changes were not replayed")
        XCTAssertEqual(recovery.lastSequence, 2, "numbering goes on after the unreplayed records")
    }

    func testAChangeThatDoesNotApplyIsReportedAndTheOthersStillApply() {
        let (edits, _) = StoreFixture.typedNotes(2, onto: snapshot)
        let (_, onlySecond) = StoreFixture.typedNotes(1, onto: snapshot, from: 2)
        let stray = Edit.setPanelField(.title, from: "Not the title", to: "X")
        let secondAtZero = Edit.insertNote(edits[1].noteInserted!, at: snapshot.notes.count)
        let contents = journal([(1, .edit(stray)), (2, .edit(secondAtZero))])
        let recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
        XCTAssertEqual(recovery.document, onlySecond)
        XCTAssertEqual(recovery.summary, "replayed 1 change; change 1 did not apply (panel field title has changed)")
        XCTAssertTrue(recovery.keepAside)
    }

    func testTornAndCorruptRecordsAreReportedNeverFatal() {
        let (edits, expected) = StoreFixture.typedNotes(1, onto: snapshot)
        var contents = journal([(1, .edit(edits[0]))])
        contents.damage = .tornLastRecord(line: 3)
        var recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
        XCTAssertEqual(recovery.document, expected)
        XCTAssertEqual(recovery.summary, "replayed 1 change; ignored a torn last record")
        XCTAssertFalse(recovery.keepAside)

        contents.damage = .corruptRecord(line: 3, reason: "its checksum does not match", linesAfter: 4)
        recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
        XCTAssertEqual(recovery.document, expected)
        XCTAssertEqual(recovery.summary, "replayed 1 change; stopped at a damaged record on line 3 "
                       + "(its checksum does not match); the 4 lines after it were not read")
        XCTAssertTrue(recovery.keepAside)
    }

    func testAJournalWithoutAStartRecordIsNotReplayed() {
        let (edits, _) = StoreFixture.typedNotes(1, onto: snapshot)
        let contents = JournalContents(records: [JournalRecord(sequence: 1, payload: .edit(edits[0]))], damage: nil)
        let recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
        XCTAssertEqual(recovery.document, snapshot)
        XCTAssertEqual(recovery.summary, "the journal does not begin with a start record, so nothing in it was replayed")
    }
}

private extension Edit {
    var noteInserted: Note? {
        if case .insertNote(let note, _) = self { return note }
        return nil
    }
}
