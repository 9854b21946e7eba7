import XCTest
@testable import PanelModel

final class HistoryTests: XCTestCase {
    private let cell = CellKey(criterion: "crit-equity", dimension: "dim-outcomes")

    func testUndoAndRedoWalkBackAndForth() throws {
        let start = PanelTemplates.example
        var doc = start, history = History()
        let first = doc.setCell(cell, to: "One")
        try first.apply(to: &doc)
        history.record(first)
        let afterFirst = doc
        let second = doc.setPanelField(.title, to: "Panel")
        try second.apply(to: &doc)
        history.record(second)
        let afterSecond = doc

        XCTAssertEqual(try history.undo(&doc), second.inverse)
        XCTAssertEqual(doc, afterFirst)
        XCTAssertEqual(try history.undo(&doc), first.inverse)
        XCTAssertEqual(doc, start)
        XCTAssertNil(try history.undo(&doc))
        XCTAssertFalse(history.canUndo)

        XCTAssertEqual(try history.redo(&doc), first)
        XCTAssertEqual(try history.redo(&doc), second)
        XCTAssertEqual(doc, afterSecond)
        XCTAssertNil(try history.redo(&doc))
    }

    func testANewEditEndsTheRedoPathAndNoOpsAreNotRecorded() throws {
        var doc = PanelTemplates.example, history = History()
        let edit = doc.setCell(cell, to: "One")
        try edit.apply(to: &doc)
        history.record(edit)
        _ = try history.undo(&doc)
        XCTAssertTrue(history.canRedo)
        let other = doc.setCell(cell, to: "Two")
        try other.apply(to: &doc)
        history.record(other)
        XCTAssertFalse(history.canRedo)
        history.record(doc.setCell(cell, to: "Two"))  // no change
        XCTAssertEqual(history.undoStack, [other])
    }

    func testUndoOnADocumentThatChangedUnderneathFailsAndKeepsTheStacks() throws {
        var doc = PanelTemplates.example, history = History()
        let edit = doc.setCell(cell, to: "One")
        try edit.apply(to: &doc)
        history.record(edit)
        doc.framework[cell] = "Someone else's text"
        let before = doc
        XCTAssertThrowsError(try history.undo(&doc))
        XCTAssertEqual(doc, before)
        XCTAssertEqual(history.undoStack, [edit])
        XCTAssertTrue(history.redoStack.isEmpty)
    }
}
