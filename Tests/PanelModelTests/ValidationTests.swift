import Foundation
import XCTest
@testable import PanelModel

final class ValidationTests: XCTestCase {
    func testSoundPanelsHaveNoProblems() {
        XCTAssertEqual(PanelValidator.problems(in: PanelTemplates.example), [])
        XCTAssertEqual(PanelValidator.problems(in: PanelTemplates.blank), [])
        XCTAssertEqual(PanelValidator.problems(in: Fixture.everyField), [])
    }

    func testEveryKindOfProblemIsOneReadableLine() {
        var doc = PanelTemplates.example
        doc.panel.sections.append(doc.panel.sections[0])
        doc.schedule.append(ScheduleItem(id: "sched-netley-school", kind: .visit, title: "Netley again"))
        doc.schedule.append(ScheduleItem(id: "sched-range", kind: .visit, title: "Range",
                                         date: CalendarDate(year: 2024, month: 3, day: 5),
                                         endDate: CalendarDate(year: 2024, month: 3, day: 1), time: "9:30"))
        doc.schedule.append(ScheduleItem(id: "sched-end-only", kind: .other, title: " ",
                                         endDate: CalendarDate(year: 2024, month: 3, day: 1), time: "24:00"))
        doc.schedule[0].startedAt = "2024-03-06 10:00"
        doc.framework.dimensions.append(AxisItem(id: "crit-equity", name: ""))
        doc.framework["crit-gone", "dim-diagnosis"] = "Orphan text"
        doc.framework["crit-effectiveness", "dim-gone"] = "Another orphan"
        doc.questions.append(Question(id: "q-5-1", number: "5.9", title: "", text: ""))
        doc.notes = [
            Note(id: "note-a", at: "2024-03-06T10:41:07", text: "no offset", source: "sched-nowhere",
                 subject: .cell(CellKey(criterion: "crit-x", dimension: "dim-y"))),
            Note(id: "note-a", at: "2024-03-06T10:41:07Z", text: "dup", subject: .question("q-9-9")),
            Note(id: "note-b", at: "2024-02-30T10:41:07+00:00", text: "bad day"),
        ]
        XCTAssertEqual(PanelValidator.problems(in: doc), [
            "id “sec-purpose” is used 2 times in report sections",
            "id “sched-netley-school” is used 2 times in the schedule",
            "id “crit-equity” is used 2 times in the framework's criteria and dimensions",
            "id “q-5-1” is used 2 times in the questions",
            "id “note-a” is used 2 times in the notes",
            "dimension “crit-equity” has no name",
            "schedule item “sched-end-only” has no title",
            "question “q-5-1” has no title",
            "schedule item “sched-vikram-hansrani” has startedAt “2024-03-06 10:00”, which is not an ISO 8601 time with an offset",
            "schedule item “sched-range” ends (2024-03-01) before it starts (2024-03-05)",
            "schedule item “sched-range” has the time “9:30”, which is not HH:MM (24-hour)",
            "schedule item “sched-end-only” has an end date (2024-03-01) but no date",
            "schedule item “sched-end-only” has the time “24:00”, which is not HH:MM (24-hour)",
            "a cell (crit-effectiveness × dim-gone) refers to the unknown dimension “dim-gone”",
            "a cell (crit-gone × dim-diagnosis) refers to the unknown criterion “crit-gone”",
            "note “note-a” has the time “2024-03-06T10:41:07”, which is not an ISO 8601 time with an offset",
            "note “note-a” was taken in the unknown schedule item “sched-nowhere”",
            "note “note-a” is about the unknown criterion “crit-x”",
            "note “note-a” is about the unknown dimension “dim-y”",
            "note “note-a” is about the unknown question “q-9-9”",
            "note “note-b” has the time “2024-02-30T10:41:07+00:00”, which is not an ISO 8601 time with an offset",
        ])
    }

    func testTimesAndTimestamps() {
        XCTAssertTrue(PanelValidator.isTimeOfDay("00:00"))
        XCTAssertTrue(PanelValidator.isTimeOfDay("23:59"))
        XCTAssertFalse(PanelValidator.isTimeOfDay("23:60"))
        XCTAssertFalse(PanelValidator.isTimeOfDay("7:05"))
        XCTAssertFalse(PanelValidator.isTimeOfDay("07:05:00"))
        XCTAssertTrue(PanelValidator.isTimestamp("2024-03-06T10:41:07+00:00"))
        XCTAssertTrue(PanelValidator.isTimestamp("2024-03-06T10:41+01:00"))
        XCTAssertTrue(PanelValidator.isTimestamp("2024-03-06T10:41:07.123Z"))
        XCTAssertTrue(PanelValidator.isTimestamp("2024-03-06T23:59:59-05:30"))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:41:07"), "no offset")
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06 10:41:07+00:00"))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T25:00:00Z"))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:41:07+0000"))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:41:07+24:00"))
        // The hand-written check refuses what the old pattern refused, byte by byte.
        XCTAssertTrue(PanelValidator.isTimestamp("2024-03-06T10:41:60Z"), "a leap second")
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:41:61Z"))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-02-30T10:41Z"), "no such day")
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:60Z"))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:41:07.Z"), "a point needs digits")
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:41:07Zjunk"))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:41:07+01:00 "))
        XCTAssertFalse(PanelValidator.isTimestamp("2024-03-06T10:4"))
        XCTAssertFalse(PanelValidator.isTimestamp("２０２４-03-06T10:41Z"), "ASCII digits only")
        XCTAssertFalse(PanelValidator.isTimestamp(""))
    }

    func testFieldsScrutinyWouldDropAreReported() throws {
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: PanelStore.encode(Fixture.everyField)) as? [String: Any])
        object["exportedBy"] = "another tool"
        var schedule = object["schedule"] as! [[String: Any]]
        schedule[3]["venue"] = "Town Hall"
        object["schedule"] = schedule
        var framework = object["framework"] as! [String: Any]
        var cells = framework["cells"] as! [[String: Any]]
        cells.reverse()  // written in another order: not a problem
        cells.append(["criterion": "crit-equity", "dimension": "dim-institutions", "text": ""])  // empty: dropped, fine
        cells[0]["colour"] = "red"
        framework["cells"] = cells
        object["framework"] = framework
        var notes = object["notes"] as! [[String: Any]]
        notes[1]["subject"] = ["question": "q-5-1", "weight": 2]
        object["notes"] = notes
        let data = try JSONSerialization.data(withJSONObject: object)
        let document = try PanelStore.decode(data, file: "x")
        XCTAssertEqual(PanelValidator.unknownFields(in: data, loadedAs: document), [
            "unknown field exportedBy (Scrutiny ignores it, and would drop it on the next save)",
            "unknown field framework.cells[0].colour (Scrutiny ignores it, and would drop it on the next save)",
            "unknown field notes[1].subject.weight (Scrutiny ignores it, and would drop it on the next save)",
            "unknown field schedule[3].venue (Scrutiny ignores it, and would drop it on the next save)",
        ])
        let clean = PanelStore.encode(Fixture.everyField)
        XCTAssertEqual(PanelValidator.unknownFields(in: clean, loadedAs: Fixture.everyField), [])
    }
}
