import Foundation
import PanelModel
import ScrutinyTestSupport
import XCTest

/// The real `scrutiny` on a 20 MB store draws its first frame before the notes are decoded
/// ("loading notes…"), handles no key until they are in (and loses none typed meanwhile), and a
/// damaged note deep in the store is still reported as a whole decode reports it.
final class NotesLoadInTmuxTests: ScrutinyTestCase {
    /// The example panel with 50,000 notes (about 20 MB, as the bench's largest store), spread
    /// over its cells; note 49,990 has a time no other note has, for a test to damage.
    private static let bigPanel: PanelDocument = {
        var document = PanelTemplates.example
        let cells = document.framework.criteria.flatMap { criterion in
            document.framework.dimensions.map { CellKey(criterion: criterion.id, dimension: $0.id) }
        }
        document.notes = (0..<50_000).map { k in
            Note(id: "note-\(k)", at: k == 49_990 ? "2031-01-01T00:00:00+00:00" : "2024-03-06T10:41:07+00:00",
                 text: "Evidence \(k): parents describe waiting months for an assessment; the officer disagrees "
                     + "and points to the cluster's figures, which the panel has asked to see in full.",
                 source: nil, subject: .cell(cells[k % cells.count]))
        }
        return document
    }()

    private static let bigStoreBytes = PanelStore.encode(bigPanel)

    func testTheFirstFrameShowsTheLoadingStateAndKeysTypedMeanwhileAreAllApplied() throws {
        try Self.bigStoreBytes.write(to: store)
        let session = try scrutiny(["panel.json"])
        let first = try session.waitFor("loading notes…", timeout: 60)
        XCTAssertTrue(first.contains("Effectiveness"), "the panel is drawn, not an empty frame:\n\(first)")
        XCTAssertFalse(first.contains("◆"), "no note count before the notes are in:\n\(first)")
        // Typed while the notes load: nothing is handled until they are in, and nothing is lost.
        try session.press("Enter")
        try session.type("xyz")
        try session.press("Enter", "q")
        XCTAssertEqual(try session.waitForExit(timeout: 60), 0)

        var expected = Self.bigPanel
        let cell = CellKey(criterion: expected.framework.criteria[0].id, dimension: expected.framework.dimensions[0].id)
        expected.framework[cell] += "xyz"
        XCTAssertEqual(try PanelStore.load(from: store), expected)
    }

    func testADamagedNoteDeepInABigStoreIsReportedAsAWholeDecodeReportsIt() throws {
        let damaged = String(decoding: Self.bigStoreBytes, as: UTF8.self)
            .replacingOccurrences(of: "\"at\" : \"2031-01-01T00:00:00+00:00\"", with: "\"at\" : 5")
        try Data(damaged.utf8).write(to: store)
        let before = try Data(contentsOf: store)
        var message = ""
        do { _ = try PanelStore.decode(before, file: "panel.json") } catch { message = "scrutiny: \(error)" }
        XCTAssertTrue(message.contains("notes[49990].at"), message)

        // Wide enough for the message on one line.
        let session = try scrutiny(["panel.json"], width: 200)
        XCTAssertEqual(try session.waitForExit(timeout: 60), 1)
        let screen = try session.screen()
        XCTAssertTrue(screen.contains(message), "expected \(message) on:\n\(screen)")
        XCTAssertFalse(screen.contains("Effectiveness"), "the terminal was given back:\n\(screen)")
        XCTAssertEqual(try Data(contentsOf: store), before, "the file is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") },
                       ["panel.json"], "no journal written, the lock released")

        // Without a terminal, the damaged note is what is reported (as before), not the terminal.
        let run = try CommandRun.run(ScrutinyBinary.url(), ["panel.json"], in: folder,
                                     environment: ["HOME": folder.path, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.err, message + "\n")
        XCTAssertEqual(try Data(contentsOf: store), before)
    }

    func testAStoreInAnotherLayoutOpensWithItsNotes() throws {
        // One line, keys in another order: not the layout the fast path looks for first.
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: PanelStore.encode(PanelTemplates.example)) as? [String: Any])
        object["notes"] = [["id": "n1", "at": "2024-03-06T10:41:07+00:00", "text": "one",
                            "subject": ["criterion": PanelTemplates.example.framework.criteria[0].id,
                                        "dimension": PanelTemplates.example.framework.dimensions[0].id]]]
        try JSONSerialization.data(withJSONObject: object).write(to: store)
        let session = try scrutiny(["panel.json"])
        let screen = try session.waitFor("1◆", timeout: 30)
        XCTAssertFalse(screen.contains("loading notes…"), screen)
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(timeout: 30), 0)
    }
}
