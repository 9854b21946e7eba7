import Foundation
import XCTest
@testable import PanelModel

/// `scrutiny new` and `scrutiny check`, run as the real binary that `swift test` builds beside
/// the test bundle.
final class CommandLineTests: XCTestCase {
    func testNewMakesAPrivateExampleStoreAndNeverOverwrites() throws {
        let scratch = try ScratchFolder()
        let made = try scrutiny(["new", "panel.json"], in: scratch)
        XCTAssertEqual(made.status, 0, made.err)
        XCTAssertEqual(made.out, "Created panel.json from the example template "
                       + "(22 schedule items, 6×5 grid, 8 questions, 0 notes), mode 0600.\n")
        XCTAssertEqual(mode(of: scratch.file("panel.json").path), "600")
        XCTAssertEqual(try Data(contentsOf: scratch.file("panel.json")), PanelStore.encode(PanelTemplates.example))

        try Data("mine\n".utf8).write(to: scratch.file("panel.json"))
        let again = try scrutiny(["new", "panel.json", "--template", "blank"], in: scratch)
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.err, "scrutiny: panel.json already exists; Scrutiny never overwrites a file with a new "
                       + "panel. Choose another name or move the old file away.\n")
        XCTAssertEqual(try String(contentsOf: scratch.file("panel.json"), encoding: .utf8), "mine\n")
    }

    func testNewBlank() throws {
        let scratch = try ScratchFolder()
        let made = try scrutiny(["new", "blank.json", "--template", "blank"], in: scratch)
        XCTAssertEqual(made.out, "Created blank.json from the blank template "
                       + "(0 schedule items, 6×5 grid, 0 questions, 0 notes), mode 0600.\n")
        XCTAssertEqual(try PanelStore.load(from: scratch.file("blank.json")), PanelTemplates.blank)
        let wrong = try scrutiny(["new", "x.json", "--template", "fancy"], in: scratch)
        XCTAssertEqual(wrong.status, 64)
        XCTAssertTrue(wrong.err.contains("fancy"), wrong.err)
        XCTAssertEqual(try scratch.names(), ["blank.json"])
    }

    func testCheckASoundFile() throws {
        let scratch = try ScratchFolder()
        try PanelStore.save(Fixture.everyField, to: scratch.file("panel.json"))
        let run = try scrutiny(["check", "panel.json"], in: scratch)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.out, "panel.json: ok (23 schedule items, 6×5 grid, 8 questions, 3 notes)\n")
    }

    func testCheckListsEveryProblemOnItsOwnLine() throws {
        let scratch = try ScratchFolder()
        var doc = PanelTemplates.example
        doc.notes = [Note(id: "note-1", at: "yesterday", text: "x", source: "sched-gone")]
        doc.questions.append(doc.questions[0])
        try PanelStore.save(doc, to: scratch.file("panel.json"))
        let before = try Data(contentsOf: scratch.file("panel.json"))
        let run = try scrutiny(["check", "panel.json"], in: scratch)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.out, """
            panel.json: id “q-5-1” is used 2 times in the questions
            panel.json: note “note-1” has the time “yesterday”, which is not an ISO 8601 time with an offset
            panel.json: note “note-1” was taken in the unknown schedule item “sched-gone”

            """)
        XCTAssertEqual(try Data(contentsOf: scratch.file("panel.json")), before)
    }

    func testCheckAFileThatIsNotAPanel() throws {
        let scratch = try ScratchFolder()
        try Data("{\"format\": \"scrutiny-panel\", \"version\": 1,\n".utf8).write(to: scratch.file("cut.json"))
        let run = try scrutiny(["check", "cut.json"], in: scratch)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.out, "cut.json is not a Scrutiny panel (broken JSON at line 2, column 1: "
                       + "unexpected end of file during JSON parse). The file was not changed.\n")
    }
}
