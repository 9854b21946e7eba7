import XCTest
@testable import PanelModel

/// Renumbering puts question numbers back in list order, keeping each prefix, as one edit.
final class QuestionNumberingTests: XCTestCase {
    private func document(_ numbers: [String]) -> PanelDocument {
        var doc = PanelDocument()
        doc.questions = numbers.enumerated().map { Question(id: "q\($0.offset)", number: $0.element, title: "T\($0.offset)", text: "") }
        return doc
    }

    func testNumbersFollowTheListKeepingTheirPrefix() {
        let doc = document(["5.1", "5.2", "5.9", "5.3", "Q7", "12", "ENG", "Q2"])
        XCTAssertEqual(doc.renumberedQuestions(), ["5.1", "5.2", "5.3", "5.4", "Q1", "1", "ENG", "Q2"])
    }

    func testOneUndoableEditThatChangesOnlyWhatIsOutOfOrder() throws {
        let doc = document(["5.1", "5.9", "5.2"])
        let edit = try XCTUnwrap(doc.renumberQuestions())
        guard case .batch(let label, let parts) = edit else { return XCTFail("one batch") }
        XCTAssertEqual(label, "renumber questions")
        XCTAssertEqual(parts.count, 2)
        var renumbered = doc
        try edit.apply(to: &renumbered)
        XCTAssertEqual(renumbered.questions.map(\.number), ["5.1", "5.2", "5.3"])
        XCTAssertEqual(renumbered.questions.map(\.title), ["T0", "T1", "T2"], "only the numbers change")
        try edit.inverse.apply(to: &renumbered)
        XCTAssertEqual(renumbered, doc)
    }

    func testNothingToDoWhenAlreadyInOrder() {
        XCTAssertNil(document(["5.1", "5.2"]).renumberQuestions())
        XCTAssertNil(document([]).renumberQuestions())
    }
}
