import XCTest
@testable import PanelModel

/// Resolving a recorded conflict: one undoable edit that puts a value in place and clears it.
final class ConflictResolutionTests: XCTestCase {
    let key = CellKey(criterion: "crit-equity", dimension: "dim-outcomes")

    private var conflicted: PanelDocument {
        var doc = PanelDocument()
        doc.framework = Framework(criteria: [AxisItem(id: "crit-equity", name: "Equity")],
                                  dimensions: [AxisItem(id: "dim-outcomes", name: "Outcomes")],
                                  cells: [key: "Ours"])
        doc.questions = [Question(id: "q-1", number: "5.1", title: "Clusters", text: "")]
        doc.conflicts = [
            MergeConflict(kind: .editedOnBothSides, place: .cell(key), base: "Old", ours: "Ours", theirs: "Theirs"),
            MergeConflict(kind: .deletedAndEdited, place: .item(.question, id: "q-1", field: nil),
                          base: "5.1 Clusters", ours: nil, theirs: "5.1 Clusters"),
            MergeConflict(kind: .editedOnBothSides, place: .panel(field: "reportDate"),
                          base: nil, ours: "2024-03-25", theirs: "2024-03-26"),
        ]
        doc.panel.reportDate = CalendarDate(year: 2024, month: 3, day: 25)
        return doc
    }

    func testPickingTheirsPutsTheirValueInPlaceAndUndoBringsTheConflictBack() throws {
        let start = conflicted
        var doc = start
        var history = History()
        let edit = try XCTUnwrap(doc.resolveConflict(at: 0, choosing: .theirs))
        try edit.apply(to: &doc)
        history.record(edit)
        XCTAssertEqual(doc.framework[key], "Theirs")
        XCTAssertEqual(doc.conflicts.count, 2)
        _ = try history.undo(&doc)
        XCTAssertEqual(doc, start)
    }

    func testACombinationWrittenByTheClerkIsPutInPlace() throws {
        var doc = conflicted
        try XCTUnwrap(doc.resolveConflict(at: 0, choosing: .text("Ours, and theirs"))).apply(to: &doc)
        XCTAssertEqual(doc.framework[key], "Ours, and theirs")
    }

    func testPickingOursKeepsWhatIsInPlaceAndOnlyClearsTheConflict() throws {
        var doc = conflicted
        doc.framework[key] = "Ours, typed on after the merge"
        try XCTUnwrap(doc.resolveConflict(at: 0, choosing: .ours)).apply(to: &doc)
        XCTAssertEqual(doc.framework[key], "Ours, typed on after the merge")
        XCTAssertEqual(doc.conflicts.map(\.place), [.item(.question, id: "q-1", field: nil), .panel(field: "reportDate")])
    }

    func testPickingTheDeletingSideRemovesTheItemAndTheEditingSideKeepsIt() throws {
        var deleted = conflicted
        try XCTUnwrap(deleted.resolveConflict(at: 1, choosing: .ours)).apply(to: &deleted)
        XCTAssertEqual(deleted.questions, [])
        var kept = conflicted
        try XCTUnwrap(kept.resolveConflict(at: 1, choosing: .theirs)).apply(to: &kept)
        XCTAssertEqual(kept.questions.map(\.id), ["q-1"])
        XCTAssertNil(kept.resolveConflict(at: 0, choosing: .text("x")).flatMap { _ in conflicted.resolveConflict(at: 1, choosing: .text("x")) })
    }

    func testADateFieldTakesOnlyADate() throws {
        var doc = conflicted
        XCTAssertNil(doc.resolveConflict(at: 2, choosing: .text("next Tuesday")))
        try XCTUnwrap(doc.resolveConflict(at: 2, choosing: .theirs)).apply(to: &doc)
        XCTAssertEqual(doc.panel.reportDate, CalendarDate(year: 2024, month: 3, day: 26))
    }

    func testThereIsNoResolutionForAConflictThatIsNotThere() {
        XCTAssertNil(conflicted.resolveConflict(at: 3, choosing: .ours))
    }
}
