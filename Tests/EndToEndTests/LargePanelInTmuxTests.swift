import Foundation
import PanelModel
import XCTest

/// The real `scrutiny` opens a panel far bigger than any real one (1,000 criteria, 10,000
/// questions, a 1 MB cell) from disk and scrolls it in a real terminal: the end keys reach the
/// last criterion and question, the zoom of the 1 MB cell reaches its end, the editor opens on
/// it and what is typed is saved. The in-process `LargePanelTests` cover every pane and key;
/// this proves the same through the store, the host and ncurses.
final class LargePanelInTmuxTests: ScrutinyTestCase {
    private static let endOfMegabyte = "END-OF-THE-MEGABYTE"
    /// In the last criterion, so that `G` in the grid lands on it.
    private static let megabyteCell = CellKey(criterion: "crit-1000", dimension: "dim-1")

    private static func pad(_ number: Int, _ digits: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// One line of numbered words, a little over 1,000,000 bytes, then the end mark.
    private static let megabyte = (1...83_400).map { "word" + pad($0, 7) }.joined(separator: " ") + " " + endOfMegabyte

    private static func largePanel() -> PanelDocument {
        var panel = PanelInfo()
        panel.title = "A very large panel"
        let criteria = (1...1_000).map { AxisItem(id: "crit-" + pad($0, 4), name: "Criterion " + pad($0, 4)) }
        let dimensions = (1...5).map { AxisItem(id: "dim-\($0)", name: "Dimension \($0)") }
        var framework = Framework(criteria: criteria, dimensions: dimensions)
        framework[megabyteCell] = megabyte
        let questions = (1...10_000).map {
            Question(id: "q-" + pad($0, 5), number: "\($0)", title: "Question " + pad($0, 5), text: "Why \($0)?")
        }
        return PanelDocument(panel: panel, schedule: [], framework: framework, questions: questions, notes: [])
    }

    func testAVeryLargePanelOpensScrollsZoomsAndTakesTyping() throws {
        try PanelStore.create(Self.largePanel(), at: store)
        let session = try scrutiny([store.path])
        let opened = try session.waitFor("Criterion 0001 × Dimension 1", timeout: 60)
        XCTAssertTrue(opened.hasPrefix(" Scrutiny · A very large panel"), opened)
        XCTAssertTrue(opened.contains("Question 00001"), opened)

        try session.press("3", "G")
        let lastQuestion = try session.waitFor("Question 10000", timeout: 30)
        XCTAssertFalse(lastQuestion.contains("Question 00001"), lastQuestion)
        try session.press("2", "G")
        try session.waitFor("Criterion 1000 × Dimension 1", timeout: 30)

        try session.press("z")
        try session.waitFor("lines 1–35 of 10426", timeout: 30)
        try session.press("G")
        let end = try session.waitFor("lines 10392–10426 of 10426", timeout: 30)
        XCTAssertTrue(end.contains(Self.endOfMegabyte), end)
        try session.press("Escape")
        try session.waitFor("┌ Questions", timeout: 30)

        try session.press("Enter")
        try session.type("!")
        try session.waitFor(Self.endOfMegabyte + "!", timeout: 30)
        try session.press("Enter")
        try session.waitForAbsence(of: Self.endOfMegabyte + "!", timeout: 30)
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(timeout: 30), 0)
        let saved = try PanelStore.load(from: store)
        XCTAssertEqual(saved.framework[Self.megabyteCell], Self.megabyte + "!")
        XCTAssertEqual(saved.questions.count, 10_000)
        XCTAssertEqual(saved.framework.criteria.count, 1_000)
    }
}
