import Foundation
import XCTest
@testable import PanelModel

/// Live sessions and note capture in the model: who, when and what each note is about, and
/// how starting, ending, undoing and deleting keep the store sound.
final class NotesLiveSessionTests: XCTestCase {
    private let london = TimeZone(identifier: "Europe/London")!
    private let newYork = TimeZone(identifier: "America/New_York")!
    /// 2024-03-06 10:41:07 UTC.
    private let march6 = Date(timeIntervalSince1970: 1_709_721_667)
    /// 2024-06-06 10:41:07 UTC (summer time in London).
    private let june6 = Date(timeIntervalSince1970: 1_717_670_467)

    private func panel() -> PanelDocument {
        var doc = PanelDocument()
        doc.schedule = [
            ScheduleItem(id: "item-a", kind: .interview, title: "SENDIASS"),
            ScheduleItem(id: "item-b", kind: .forum, title: "Special Parents Forum 2"),
        ]
        doc.framework = Framework(criteria: [AxisItem(id: "crit-equity", name: "Equity")],
                                  dimensions: [AxisItem(id: "dim-diagnosis", name: "Diagnosis"),
                                               AxisItem(id: "dim-outcomes", name: "Outcomes")])
        doc.questions = [Question(id: "q-1", number: "5.1", title: "ENG", text: "Investigate.")]
        return doc
    }

    private func apply(_ edit: Edit?, to doc: inout PanelDocument, file: StaticString = #filePath, line: UInt = #line) {
        guard let edit else { return XCTFail("no edit", file: file, line: line) }
        XCTAssertNoThrow(try edit.apply(to: &doc), file: file, line: line)
    }

    // MARK: Time stamps

    func testTimestampsAreLocalWithTheirOffsetNeverZ() {
        XCTAssertEqual(Timestamp.string(march6, in: TimeZone(identifier: "UTC")!), "2024-03-06T10:41:07+00:00")
        XCTAssertEqual(Timestamp.string(march6, in: london), "2024-03-06T10:41:07+00:00")
        XCTAssertEqual(Timestamp.string(june6, in: london), "2024-06-06T11:41:07+01:00")
        XCTAssertEqual(Timestamp.string(march6, in: newYork), "2024-03-06T05:41:07-05:00")
        XCTAssertEqual(Timestamp.string(march6, in: TimeZone(identifier: "Asia/Kolkata")!), "2024-03-06T16:11:07+05:30")
        XCTAssertTrue(PanelValidator.isTimestamp(Timestamp.string(june6, in: london)))
    }

    func testTimestampsReadBackToTheSameMoment() {
        XCTAssertEqual(Timestamp.date("2024-06-06T11:41:07+01:00"), june6)
        XCTAssertEqual(Timestamp.date("2024-03-06T10:41:07Z"), march6)
        XCTAssertEqual(Timestamp.date("2024-03-06T10:41:07.000Z"), march6)
        XCTAssertEqual(Timestamp.date("2024-03-06T10:41+00:00"), march6.addingTimeInterval(-7))
        XCTAssertNil(Timestamp.date("6 March 2024"))
        XCTAssertEqual(Timestamp.clock("2024-06-06T11:41:07+01:00"), "11:41")
        XCTAssertEqual(Timestamp.day("2024-06-06T11:41:07+01:00"), CalendarDate(year: 2024, month: 6, day: 6))
        XCTAssertEqual(Timestamp.elapsed(from: march6, to: march6.addingTimeInterval(42 * 60 + 13)), "00:42:13")
        XCTAssertEqual(Timestamp.elapsed(from: march6, to: march6.addingTimeInterval(3 * 3600 + 5)), "03:00:05")
        XCTAssertEqual(Timestamp.elapsed(from: march6, to: march6.addingTimeInterval(-5)), "00:00:00")
    }

    // MARK: Capture

    func testANoteIsStampedWithTheTimeTheLiveSourceAndItsSubject() {
        var doc = panel()
        let capture = NoteCapture(now: june6, timeZone: london)
        let loose = capture.note("Nobody live", subject: nil, in: doc, id: "note-x")
        XCTAssertEqual(loose, Note(id: "note-x", at: "2024-06-06T11:41:07+01:00", text: "Nobody live"))

        apply(doc.startLive(itemID: "item-b", at: capture.timestamp), to: &doc)
        let cell = CellKey(criterion: "crit-equity", dimension: "dim-outcomes")
        let onCell = capture.note("Parents pay for assessments", subject: .cell(cell), in: doc)
        XCTAssertEqual(onCell.source, "item-b")
        XCTAssertEqual(onCell.subject, .cell(cell))
        XCTAssertEqual(onCell.at, "2024-06-06T11:41:07+01:00")
        XCTAssertTrue(onCell.id.hasPrefix("note-"))
        let onQuestion = capture.note("Ask about clusters", subject: .question("q-1"), in: doc)
        XCTAssertEqual(onQuestion.source, "item-b")
        XCTAssertEqual(onQuestion.subject, .question("q-1"))
        XCTAssertNotEqual(onQuestion.id, onCell.id)
    }

    // MARK: Live sessions

    func testStartingASessionEndsTheOtherAndRecordsItsTimes() throws {
        var doc = panel()
        apply(doc.startLive(itemID: "item-a", at: "2024-03-06T10:00:00+00:00"), to: &doc)
        XCTAssertEqual(doc.live, LiveSession(item: "item-a", since: "2024-03-06T10:00:00+00:00"))
        XCTAssertNil(doc.schedule[0].startedAt, "times are recorded when the session ends")
        XCTAssertNil(doc.startLive(itemID: "item-a", at: "2024-03-06T10:05:00+00:00"), "already live")
        XCTAssertNil(doc.startLive(itemID: "item-gone", at: "2024-03-06T10:05:00+00:00"))

        let before = doc
        let switchEdit = try XCTUnwrap(doc.startLive(itemID: "item-b", at: "2024-03-06T11:15:30+00:00"))
        apply(switchEdit, to: &doc)
        XCTAssertEqual(doc.live, LiveSession(item: "item-b", since: "2024-03-06T11:15:30+00:00"))
        XCTAssertEqual(doc.schedule[0].startedAt, "2024-03-06T10:00:00+00:00")
        XCTAssertEqual(doc.schedule[0].endedAt, "2024-03-06T11:15:30+00:00")
        XCTAssertEqual(doc.schedule[0].status, .held)
        XCTAssertEqual(doc.schedule[1].status, .planned)

        // One step of undo puts the first session back, live, as it was.
        XCTAssertEqual(try switchEdit.inverse.applied(to: doc), before)
    }

    func testEndingRecordsTheTimesAndResumingKeepsTheFirstStart() {
        var doc = panel()
        XCTAssertNil(doc.endLive(at: "2024-03-06T10:00:00+00:00"), "nothing is live")
        apply(doc.startLive(itemID: "item-b", at: "2024-03-06T10:00:00+00:00"), to: &doc)
        apply(doc.endLive(at: "2024-03-06T10:50:00+00:00"), to: &doc)
        XCTAssertNil(doc.live)
        XCTAssertEqual(doc.schedule[1].startedAt, "2024-03-06T10:00:00+00:00")
        XCTAssertEqual(doc.schedule[1].endedAt, "2024-03-06T10:50:00+00:00")
        XCTAssertEqual(doc.schedule[1].status, .held)

        apply(doc.startLive(itemID: "item-b", at: "2024-03-06T11:00:00+00:00"), to: &doc)
        apply(doc.endLive(at: "2024-03-06T11:20:00+00:00"), to: &doc)
        XCTAssertEqual(doc.schedule[1].startedAt, "2024-03-06T10:00:00+00:00")
        XCTAssertEqual(doc.schedule[1].endedAt, "2024-03-06T11:20:00+00:00")
    }

    func testTheLiveSessionIsInTheStoreOnlyWhileLive() throws {
        var doc = panel()
        XCTAssertFalse(String(decoding: PanelStore.encode(doc), as: UTF8.self).contains("\"live\""))
        apply(doc.startLive(itemID: "item-b", at: "2024-03-06T10:00:00+00:00"), to: &doc)
        let json = String(decoding: PanelStore.encode(doc), as: UTF8.self)
        XCTAssertTrue(json.contains("""
              "live" : {
                "item" : "item-b",
                "since" : "2024-03-06T10:00:00+00:00"
              },
            """), json)
        XCTAssertEqual(try PanelStore.decode(PanelStore.encode(doc), file: "panel.json"), doc)
        XCTAssertEqual(PanelValidator.problems(in: doc), [])
    }

    func testAStaleEditCannotStartOrEndASessionTwice() throws {
        var doc = panel()
        let start = try XCTUnwrap(doc.startLive(itemID: "item-a", at: "2024-03-06T10:00:00+00:00"))
        apply(start, to: &doc)
        XCTAssertThrowsError(try start.apply(to: &doc))
        XCTAssertThrowsError(try Edit.setLive(from: nil, to: LiveSession(item: "item-gone", since: "2024-03-06T10:00:00+00:00"))
            .apply(to: &doc))
    }

    func testTheValidatorChecksTheLiveSession() {
        var doc = panel()
        doc.live = LiveSession(item: "item-gone", since: "yesterday")
        XCTAssertEqual(PanelValidator.problems(in: doc), [
            "the live session is in the unknown schedule item “item-gone”",
            "the live session started at “yesterday”, which is not an ISO 8601 time with an offset",
        ])
    }

    func testDeletingTheLiveItemEndsTheSessionAndKeepsItsNotes() throws {
        var doc = panel()
        apply(doc.startLive(itemID: "item-a", at: "2024-03-06T10:00:00+00:00"), to: &doc)
        apply(doc.insertNote(NoteCapture(now: march6, timeZone: london).note("Heard", subject: nil, in: doc, id: "n1")), to: &doc)
        let before = doc
        let delete = try XCTUnwrap(doc.removeScheduleItem(id: "item-a"))
        apply(delete, to: &doc)
        XCTAssertNil(doc.live)
        XCTAssertEqual(doc.notes.map(\.text), ["Heard"])
        XCTAssertNil(doc.notes[0].source)
        XCTAssertEqual(PanelValidator.problems(in: doc), [])
        XCTAssertEqual(try delete.inverse.applied(to: doc), before)
    }

    // MARK: Filing, promoting, unfiling

    func testDeletingAColumnOrAQuestionLeavesItsNotesUnfiled() throws {
        var doc = panel()
        let diagnosis = CellKey(criterion: "crit-equity", dimension: "dim-diagnosis")
        doc.notes = [
            Note(id: "n1", at: "2024-03-06T10:00:00+00:00", text: "a", subject: .cell(diagnosis)),
            Note(id: "n2", at: "2024-03-06T10:01:00+00:00", text: "b", subject: .cell(diagnosis)),
            Note(id: "n3", at: "2024-03-06T10:02:00+00:00", text: "c", subject: .question("q-1")),
        ]
        XCTAssertEqual(doc.notesFiled(under: .dimensions, id: "dim-diagnosis"), 2)
        XCTAssertEqual(doc.notesFiled(underQuestion: "q-1"), 1)
        apply(doc.removeAxisItem(.dimensions, id: "dim-diagnosis"), to: &doc)
        apply(doc.removeQuestion(id: "q-1"), to: &doc)
        XCTAssertEqual(doc.notes.map(\.text), ["a", "b", "c"])
        XCTAssertEqual(doc.notes.map(\.subject), [nil, nil, nil])
        XCTAssertEqual(NoteIndex(doc.notes).unfiled, 3)
    }

    func testFilingAndPromotingANote() throws {
        var doc = panel()
        let outcomes = CellKey(criterion: "crit-equity", dimension: "dim-outcomes")
        doc.framework[outcomes] = "Co-production best."
        doc.notes = [Note(id: "n1", at: "2024-03-06T10:00:00+00:00", text: "Parents want a say. ")]
        XCTAssertNil(doc.promoteNote(id: "n1"), "an unfiled note has nowhere to go")
        apply(doc.fileNote(id: "n1", under: .cell(outcomes)), to: &doc)
        XCTAssertNil(doc.fileNote(id: "n1", under: .cell(outcomes)), "already there")
        apply(doc.promoteNote(id: "n1"), to: &doc)
        XCTAssertEqual(doc.framework[outcomes], "Co-production best.\nParents want a say.")
        XCTAssertEqual(doc.notes[0].subject, .cell(outcomes), "the note stays linked to the cell")

        apply(doc.fileNote(id: "n1", under: .question("q-1")), to: &doc)
        apply(doc.promoteNote(id: "n1"), to: &doc)
        XCTAssertEqual(doc.questions[0].text, "Investigate.\nParents want a say.")
    }

    // MARK: The index of counts

    func testTheIndexFollowsEditsAndUndoExactlyAsARebuildWould() throws {
        var doc = panel()
        var index = NoteIndex(doc.notes)
        let cell = CellKey(criterion: "crit-equity", dimension: "dim-diagnosis")
        var done: [Edit] = []
        func run(_ edit: Edit?) throws {
            let edit = try XCTUnwrap(edit)
            try edit.apply(to: &doc)
            index.apply(edit)
            done.append(edit)
            XCTAssertEqual(index, NoteIndex(doc.notes))
        }
        try run(doc.startLive(itemID: "item-a", at: "2024-03-06T10:00:00+00:00"))
        for i in 0..<3 {
            try run(doc.insertNote(NoteCapture(now: march6, timeZone: london).note("n\(i)", subject: .cell(cell), in: doc)))
        }
        try run(doc.insertNote(Note(id: "q", at: "2024-03-06T10:00:00+00:00", text: "q", subject: .question("q-1"))))
        XCTAssertEqual(index.count(.cell(cell)), 3)
        XCTAssertEqual(index.count(.question("q-1")), 1)
        XCTAssertEqual(index.count(source: "item-a"), 3)
        try run(doc.fileNote(id: "q", under: .cell(cell)))
        try run(doc.removeAxisItem(.dimensions, id: "dim-diagnosis"))
        XCTAssertEqual(index.count(.cell(cell)), 0)
        XCTAssertEqual(index.unfiled, 4)
        try run(doc.removeNote(id: "q"))
        for edit in done.reversed() {
            try edit.inverse.apply(to: &doc)
            index.apply(edit.inverse)
            XCTAssertEqual(index, NoteIndex(doc.notes))
        }
        XCTAssertEqual(index, NoteIndex())
    }
}

extension NotesLiveSessionTests {
    private func merged(base: LiveSession?, ours: LiveSession?, theirs: LiveSession?) -> LiveSession? {
        var doc = PanelDocument()
        doc.schedule = [ScheduleItem(id: "item-a", kind: .interview, title: "A"),
                        ScheduleItem(id: "item-b", kind: .forum, title: "B")]
        var b = doc, o = doc, t = doc
        b.live = base
        o.live = ours
        t.live = theirs
        return ThreeWayMerge.merge(base: b, ours: o, theirs: t).document.live
    }

    /// The live session survives a merge: one side's change wins; two different sessions give
    /// the later one, whichever side is ours.
    func testTheLiveSessionSurvivesAMerge() {
        let a = LiveSession(item: "item-a", since: "2024-03-06T10:00:00+00:00")
        let b = LiveSession(item: "item-b", since: "2024-03-06T11:00:00+01:00")
        let later = LiveSession(item: "item-b", since: "2024-03-06T10:30:00+00:00")
        XCTAssertEqual(merged(base: nil, ours: a, theirs: nil), a)
        XCTAssertEqual(merged(base: nil, ours: nil, theirs: a), a)
        XCTAssertEqual(merged(base: a, ours: a, theirs: nil), nil, "ended on the other side")
        XCTAssertEqual(merged(base: nil, ours: a, theirs: later), later)
        XCTAssertEqual(merged(base: nil, ours: later, theirs: a), later)
        XCTAssertEqual(merged(base: nil, ours: a, theirs: b), b, "11:00+01:00 is 10:00 UTC: a tie, broken by id")
        XCTAssertEqual(merged(base: nil, ours: b, theirs: a), b)
        XCTAssertEqual(merged(base: a, ours: nil, theirs: later), later)
        XCTAssertNil(merged(base: nil, ours: LiveSession(item: "item-gone", since: a.since), theirs: nil))
    }
}
