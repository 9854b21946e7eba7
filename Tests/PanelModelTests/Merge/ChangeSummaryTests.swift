import XCTest
@testable import PanelModel

final class ChangeSummaryTests: XCTestCase {
    func testCountsWhatAClerkChangedInTheirWords() {
        var old = PanelDocument()
        old.framework = Framework(criteria: [AxisItem(id: "c", name: "Equity")],
                                  dimensions: [AxisItem(id: "d1", name: "Diagnosis"), AxisItem(id: "d2", name: "Outcomes")])
        old.questions = [Question(id: "q-1", number: "5.1", title: "A", text: ""), Question(id: "q-2", number: "5.2", title: "B", text: "")]
        old.notes = [Note(id: "n-1", at: "t", text: "x")]
        var new = old
        new.notes[0].text = "y"
        new.notes.append(Note(id: "n-2", at: "t", text: "z"))
        new.notes.append(Note(id: "n-3", at: "t", text: "z"))
        new.framework["c", "d1"] = "one"
        new.framework["c", "d2"] = "two"
        new.questions.swapAt(0, 1)  // one question moved
        XCTAssertEqual(ChangeSummary(from: old, to: new).description, "3 notes, 2 cells, 1 question")
    }

    func testNothingChangedSaysSo() {
        XCTAssertEqual(ChangeSummary(from: PanelDocument(), to: PanelDocument()).description, "no changes")
        XCTAssertTrue(ChangeSummary(from: PanelDocument(), to: PanelDocument()).isEmpty)
    }

    func testResolvedConflictsAndFieldsAreCounted() {
        var old = PanelDocument()
        old.conflicts = [MergeConflict(kind: .editedOnBothSides, place: .panel(field: "title"), base: "", ours: "a", theirs: "b")]
        var new = PanelDocument()
        new.panel.title = "b"
        new.panel.reportDate = CalendarDate(year: 2024, month: 3, day: 25)
        XCTAssertEqual(ChangeSummary(from: old, to: new).description, "2 panel fields, 1 conflict resolved")
    }
}
