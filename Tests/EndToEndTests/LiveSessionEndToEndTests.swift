import Foundation
import XCTest
import PanelModel

/// The real binary in tmux: go live in a schedule item, take notes on two cells and one
/// question, end the session, quit; then the store holds the session's times and every note
/// with its time, source and subject, and the screen showed the evidence counts.
final class LiveSessionEndToEndTests: XCTestCase {
    func testALiveSessionsNotesLandInTheStoreWithTimesSourceAndSubjects() throws {
        let tmux = try LiveTmux()
        let store = tmux.folder.appendingPathComponent("panel.json")
        let example = PanelTemplates.example
        try PanelStore.create(example, at: store)
        XCTAssertEqual(example.notes, [], "the counts below are the notes this test takes")

        let before = Date()
        try tmux.start(["open", store.path])
        try tmux.wait(for: "the workspace") { $0.contains("Framework") && $0.contains("Questions") }

        // The schedule's selected item goes live; its title is in the title bar.
        try tmux.keys("1", "L")
        try tmux.wait(for: "● LIVE in the title bar") { $0.split(separator: "\n").first?.contains("● LIVE") ?? false }
        let titleBar = String(try tmux.screen().split(separator: "\n")[0])

        // Two cells of the first row and the first question, a note each.
        try tmux.keys("2", "g", "g", "Home")
        try tmux.keys("n")
        try tmux.type("Parents pay é—日本")
        try tmux.keys("Enter")
        try tmux.wait(for: "the first note taken") { $0.contains("Note taken") }
        try tmux.keys("l", "n")
        try tmux.type("Second cell")
        try tmux.keys("Enter", "3", "n")
        try tmux.type("Ask about clusters")
        try tmux.keys("Enter")
        try tmux.wait(for: "three evidence marks") { $0.components(separatedBy: "1◆").count - 1 == 3 }
        let counts = try tmux.screen()

        try tmux.keys(":")
        try tmux.type("end")
        try tmux.keys("Enter")
        try tmux.wait(for: "the session ended") { $0.contains("marked held, 3 notes") }
        XCTAssertFalse(try tmux.screen().split(separator: "\n")[0].contains("● LIVE"))
        try tmux.keys("q")
        let quitStart = Date()
        while !tmux.hasExited && Date().timeIntervalSince(quitStart) < 10 { usleep(20_000) }
        let lastScreen = try tmux.screen()
        XCTAssertTrue(tmux.hasExited, "q quits; the screen:\n\(lastScreen)")
        let after = Date()

        // The store: the session's times on its item, no live session left, three notes.
        let saved = try PanelStore.load(from: store)
        XCTAssertNil(saved.live)
        let held = saved.schedule.filter { $0.startedAt != nil }
        XCTAssertEqual(held.count, 1, "exactly one item was live")
        let item = try XCTUnwrap(held.first)
        XCTAssertTrue(titleBar.contains("● LIVE " + item.title.prefix(20)), titleBar)
        XCTAssertEqual(item.status, .held)
        let started = try XCTUnwrap(item.startedAt.flatMap(Timestamp.date))
        let ended = try XCTUnwrap(item.endedAt.flatMap(Timestamp.date))
        XCTAssertTrue(item.startedAt!.hasSuffix("+00:00") && item.endedAt!.hasSuffix("+00:00"), "local time (UTC here) with its offset")
        XCTAssertTrue(before.addingTimeInterval(-1) <= started && started <= ended && ended <= after.addingTimeInterval(1))

        let criterion = example.framework.criteria[0].id
        XCTAssertEqual(saved.notes.map(\.text), ["Parents pay é—日本", "Second cell", "Ask about clusters"])
        XCTAssertEqual(saved.notes.map(\.source), [item.id, item.id, item.id])
        XCTAssertEqual(saved.notes.map(\.subject), [
            .cell(CellKey(criterion: criterion, dimension: example.framework.dimensions[0].id)),
            .cell(CellKey(criterion: criterion, dimension: example.framework.dimensions[1].id)),
            .question(example.questions[0].id),
        ])
        for note in saved.notes {
            let at = try XCTUnwrap(Timestamp.date(note.at), note.at)
            XCTAssertTrue(note.at.hasSuffix("+00:00"), note.at)
            XCTAssertTrue(started <= at && at <= ended, "\(note.at) is within the session")
        }
        XCTAssertEqual(PanelValidator.problems(in: saved), [])

        // The screen: a 1◆ in the corner of each of the two cells, and on the question's line.
        let lines = counts.split(separator: "\n").map(String.init)
        let question = try XCTUnwrap(lines.first { $0.contains(" 5.1 ") })
        XCTAssertTrue(question.hasSuffix("1◆│"), question)
        XCTAssertEqual(lines.first { $0.contains("Effectiveness") }?.components(separatedBy: "1◆").count, 3, counts)
    }
}
