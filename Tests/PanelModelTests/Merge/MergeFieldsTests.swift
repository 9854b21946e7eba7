import XCTest
@testable import PanelModel

/// Each kind of item's field table must cover every stored field: copying all fields from one
/// value onto another through the table must give the first value back (ids aside).
final class MergeFieldsTests: XCTestCase {
    private func copy<T: Equatable>(_ fields: [MergeField<T>], from source: T, onto target: T) -> T {
        var result = target
        for field in fields { XCTAssertTrue(field.set(&result, field.get(source)), field.name) }
        return result
    }

    func testTheTablesCoverEveryField() {
        var full = ScheduleItem(id: "s", kind: .visit, title: "School", who: "Head", date: CalendarDate(year: 2024, month: 1, day: 2),
                                endDate: CalendarDate(year: 2024, month: 1, day: 3), time: "10:00", status: .held, details: "d")
        full.startedAt = "2024-01-02T10:00:00+00:00"
        full.endedAt = "2024-01-02T11:00:00+00:00"
        XCTAssertEqual(copy(MergeFields.scheduleItem, from: full, onto: ScheduleItem(id: "s", kind: .other, title: "")), full)

        let note = Note(id: "n", at: "t", text: "x", source: "s", subject: .cell(CellKey(criterion: "c", dimension: "d")), origin: "import")
        XCTAssertEqual(copy(MergeFields.note, from: note, onto: Note(id: "n", at: "", text: "")), note)
        let filedUnderQuestion = Note(id: "n", at: "t", text: "x", subject: .question("q-1"))
        XCTAssertEqual(copy(MergeFields.note, from: filedUnderQuestion, onto: note), filedUnderQuestion)

        let question = Question(id: "q", number: "5.1", title: "T", text: "B", status: .answered)
        XCTAssertEqual(copy(MergeFields.question, from: question, onto: Question(id: "q", number: "", title: "", text: "")), question)

        let section = ReportSection(id: "r", title: "Finance", text: "None", placement: .closing)
        XCTAssertEqual(copy(MergeFields.section, from: section, onto: ReportSection(id: "r", title: "", text: "", placement: .opening)), section)

        var panel = PanelInfo()
        for (i, field) in PanelField.allCases.enumerated() { field.set("value \(i)", in: &panel) }
        panel.reportDate = CalendarDate(year: 2024, month: 3, day: 25)
        panel.signedDate = CalendarDate(year: 2024, month: 3, day: 1)
        XCTAssertEqual(copy(MergeFields.panel, from: panel, onto: PanelInfo()), panel)
    }

    func testAValueThatIsNotOfTheFieldIsRefused() {
        var item = ScheduleItem(id: "s", kind: .visit, title: "")
        XCTAssertFalse(MergeFields.scheduleItem.first { $0.name == "kind" }!.set(&item, "picnic"))
        XCTAssertFalse(MergeFields.scheduleItem.first { $0.name == "date" }!.set(&item, "6 March"))
        var note = Note(id: "n", at: "", text: "")
        XCTAssertFalse(MergeFields.note.first { $0.name == "subject" }!.set(&note, "cell:only-one-part"))
    }
}
