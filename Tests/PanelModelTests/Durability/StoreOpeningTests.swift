import Foundation
import XCTest
@testable import PanelModel

/// Opening in two steps (`StoreSession.begin`, then `finish` once the notes are decoded) ends
/// exactly where `open` ends, fails exactly as it fails, and writes nothing before the notes are in.
final class StoreOpeningTests: XCTestCase {
    /// Holds the notes' decoding back until the test lets it run (on its own thread, as for real).
    final class HeldWork: @unchecked Sendable {
        private var work: (@Sendable () -> Void)?
        var start: BackgroundWork<StoreOpening.DeferredPart>.Start { { [self] body in work = body } }
        var started: Bool { work != nil }
        func release() { if let work { Thread.detachNewThread(work) } }
    }

    private func begin(_ store: StoreFixture, _ held: HeldWork) throws -> StoreOpening {
        try StoreSession.begin(store.url, program: "t", now: Date(), calls: .live, startNotes: held.start, deferFrom: 0)
    }

    func testTheNotesArriveLateAndTheStoreOpensAsAWholeDecodeOpensIt() throws {
        let store = try StoreFixture(Fixture.everyField)
        let held = HeldWork()
        let opening = try begin(store, held)
        XCTAssertTrue(opening.notesPending)
        XCTAssertTrue(held.started)
        var expectedPreview = Fixture.everyField
        expectedPreview.notes = []
        XCTAssertEqual(opening.preview, expectedPreview)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.journalPath), "nothing written before the notes are in")

        held.release()
        let (session, opened) = try opening.finish()
        XCTAssertEqual(opened.document, Fixture.everyField)
        XCTAssertEqual(opened.summary, "")
        session.close()
        let (again, reopened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(reopened.document, opened.document)
        XCTAssertEqual(reopened.recovery, opened.recovery)
        again.close()
    }

    func testASmallPanelsNotesAreDecodedAtOnceABigOnesLater() throws {
        let small = try StoreFixture(Fixture.everyField)
        let held = HeldWork()
        let opening = try StoreSession.begin(small.url, program: "t", now: Date(), calls: .live, startNotes: held.start)
        XCTAssertFalse(opening.notesPending, "a few notes are quicker to decode than a second frame is to draw")
        XCTAssertFalse(held.started)
        XCTAssertEqual(opening.preview, Fixture.everyField)
        opening.abandon()

        var document = Fixture.everyField
        document.notes += (0..<1_200).map { Note(id: "bulk-\($0)", at: "2024-03-06T10:41:07+00:00",
                                                 text: String(repeating: "evidence ", count: 20)) }
        let big = try StoreFixture(document)
        let range = try XCTUnwrap(NotesSpan.locate(in: Data(contentsOf: big.url)))
        XCTAssertGreaterThanOrEqual(range.count, StoreSession.deferredNotesMinimum)
        let later = HeldWork()
        let deferred = try StoreSession.begin(big.url, program: "t", now: Date(), calls: .live, startNotes: later.start)
        XCTAssertTrue(deferred.notesPending)
        XCTAssertTrue(later.started)
        later.release()
        let (session, opened) = try deferred.finish()
        XCTAssertEqual(opened.document, document)
        session.close()
    }

    func testACleanJournalStillDefersAndChangesToReplayDoNot() throws {
        let store = try StoreFixture(Fixture.everyField)
        let (session, _) = try StoreSession.open(store.url, program: "t")
        session.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.journalPath))
        let clean = try begin(store, HeldWork())
        XCTAssertTrue(clean.notesPending, "a journal holding no change replays nothing")
        clean.abandon()

        let (edits, expected) = StoreFixture.typedNotes(2, onto: Fixture.everyField, from: 100)
        do {
            let (crashed, _) = try StoreSession.open(store.url, program: "t")
            for edit in edits { try crashed.record(edit) }
        }
        let recovering = try StoreSession.begin(store.url, program: "t")
        XCTAssertFalse(recovering.notesPending, "after a crash the first screen shows the replayed changes")
        XCTAssertEqual(recovering.preview, Fixture.everyField)
        let (reopened, opened) = try recovering.finish()
        XCTAssertEqual(opened.document, expected)
        XCTAssertEqual(opened.summary, "replayed 2 changes")
        reopened.close()
    }

    func testADamagedNoteGivesTheWholeDecodesErrorAndLeavesEverythingAsItWas() throws {
        let store = try StoreFixture(Fixture.everyField)
        var json = String(decoding: try Data(contentsOf: store.url), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"text\" : \"Ask about ENG audit.\"", with: "\"text\" : 12")
        try Data(json.utf8).write(to: store.url)
        let before = try Data(contentsOf: store.url)
        let expected = storeError { () throws(StoreError) in _ = try PanelStore.load(from: store.url) }
        XCTAssertEqual(expected, .invalid(file: store.path, path: "notes[1].text", reason: "expected text but found number"))

        let held = HeldWork()
        let opening = try begin(store, held)
        XCTAssertTrue(opening.notesPending, "the rest of the file is sound")
        held.release()
        XCTAssertThrowsError(try opening.finish()) { error in
            XCTAssertEqual(error as? StoreSessionError, .store(expected!))
        }
        XCTAssertThrowsError(try StoreSession.open(store.url, program: "t")) { error in
            XCTAssertEqual(error as? StoreSessionError, .store(expected!), "open says the same")
        }
        XCTAssertEqual(try Data(contentsOf: store.url), before)
        XCTAssertEqual(try store.scratch.names(), ["panel.json"], "no journal written, the lock released")
    }

    func testDamagedNotesAreReportedBeforeAJournalThatCannotBeRead() throws {
        let store = try StoreFixture(Fixture.everyField)
        var json = String(decoding: try Data(contentsOf: store.url), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"at\" : \"2024-03-06T10:43:00-05:00\"", with: "\"at\" : null")
        try Data(json.utf8).write(to: store.url)
        try FileManager.default.createDirectory(atPath: store.journalPath, withIntermediateDirectories: false)
        let expected = storeError { () throws(StoreError) in _ = try PanelStore.load(from: store.url) }
        XCTAssertThrowsError(try StoreSession.begin(store.url, program: "t")) { error in
            XCTAssertEqual(error as? StoreSessionError, .store(expected!))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.lockPath))
    }

    func testWhatTheDecoderDoesNotCheckOpensAsItDidWhole() throws {
        // A repeated note id and a note about no cell of the framework are for `scrutiny check`
        // to report; opening has never refused them, and deferring the notes does not start to.
        var document = Fixture.everyField
        document.notes.append(document.notes[0])
        document.notes.append(Note(id: "note-9", at: "2024-03-06T10:41:07+00:00", text: "stray",
                                   subject: .cell(CellKey(criterion: "crit-none", dimension: "dim-none"))))
        let store = try StoreFixture(document)
        let held = HeldWork()
        let opening = try begin(store, held)
        XCTAssertTrue(opening.notesPending)
        held.release()
        let (session, opened) = try opening.finish()
        XCTAssertEqual(opened.document, document)
        XCTAssertEqual(opened.document, try PanelStore.load(from: store.url))
        session.close()
    }

    func testAStoreThatCannotBeSplitOpensWholeAtOnce() throws {
        let store = try StoreFixture(Fixture.everyField)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: store.url)) as? [String: Any])
        object["notes"] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: store.url)
        let held = HeldWork()
        XCTAssertThrowsError(try begin(store, held)) { error in
            XCTAssertEqual(error as? StoreSessionError,
                           .store(.invalid(file: store.path, path: "notes", reason: "a required value is missing")))
        }
        XCTAssertFalse(held.started, "no notes were found to decode apart")
    }
}
