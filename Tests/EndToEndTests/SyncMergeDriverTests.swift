import Foundation
import PanelModel
import XCTest

/// `scrutiny merge BASE OURS THEIRS` as git calls it: result over OURS, exit 0 / 1 / 2.
final class SyncMergeDriverTests: XCTestCase {
    var sandbox: SyncSandbox!

    override func setUpWithError() throws { sandbox = try SyncSandbox() }
    override func tearDown() { sandbox.remove() }

    private func write(_ doc: PanelDocument, _ name: String) throws -> String {
        let url = sandbox.root.appendingPathComponent(name)
        try PanelStore.save(doc, to: url)
        return url.path
    }

    private var base: PanelDocument {
        var doc = PanelDocument()
        doc.framework = Framework(criteria: [AxisItem(id: "c", name: "Equity")], dimensions: [AxisItem(id: "d", name: "Outcomes")])
        doc.questions = [Question(id: "q-1", number: "5.1", title: "Clusters", text: "")]
        return doc
    }

    func testACleanMergeIsWrittenOverOursIdenticallyWhicheverSideIsOurs() throws {
        var ours = base, theirs = base
        ours.framework["c", "d"] = "Ours"
        ours.notes = [Note(id: "n-2", at: "2024-03-06T11:00:00+00:00", text: "two")]
        theirs.questions.insert(Question(id: "q-0", number: "5.0", title: "First", text: ""), at: 0)
        theirs.notes = [Note(id: "n-1", at: "2024-03-06T10:00:00+00:00", text: "one")]

        let basePath = try write(base, "base.json")
        let one = try write(ours, "one.json"), other = try write(theirs, "other.json")
        let theirsCopy = try write(theirs, "theirs-copy.json"), oursCopy = try write(ours, "ours-copy.json")
        let first = try sandbox.scrutiny(["merge", basePath, one, theirsCopy], in: sandbox.root)
        let second = try sandbox.scrutiny(["merge", basePath, other, oursCopy], in: sandbox.root)
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: one)), try Data(contentsOf: URL(fileURLWithPath: other)))
        let merged = try PanelStore.load(from: URL(fileURLWithPath: one))
        XCTAssertEqual(merged.notes.map(\.id), ["n-1", "n-2"])
        XCTAssertEqual(merged.questions.map(\.id), ["q-0", "q-1"])
        XCTAssertEqual(merged.framework["c", "d"], "Ours")
    }

    func testConflictsExitOneAndAreRecordedInTheStore() throws {
        var ours = base, theirs = base
        ours.questions[0].title = "ENG and Clusters"
        theirs.questions[0].title = "Clusters of schools"
        let oursPath = try write(ours, "ours.json")
        let result = try sandbox.scrutiny(["merge", try write(base, "base.json"), oursPath, try write(theirs, "theirs.json")],
                                          in: sandbox.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.err, """
            scrutiny merge: 1 conflict to resolve, recorded in the panel:
              question 5.1 title: changed differently on both sides (ours “ENG and Clusters”, theirs “Clusters of schools”)

            """)
        let merged = try PanelStore.load(from: URL(fileURLWithPath: oursPath))
        XCTAssertEqual(merged.questions[0].title, "ENG and Clusters")
        XCTAssertEqual(merged.conflicts.count, 1)
    }

    func testAnUnreadableInputExitsTwoNamingItAndLeavesOursUntouched() throws {
        let oursPath = try write(base, "ours.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: oursPath))
        let broken = sandbox.root.appendingPathComponent("theirs.json")
        try Data("{ \"format\": \"scrutiny-panel\",".utf8).write(to: broken)
        let result = try sandbox.scrutiny(["merge", try write(base, "base.json"), oursPath, broken.path], in: sandbox.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.hasPrefix("\(broken.path) is not a Scrutiny panel (broken JSON at line 1"), result.err)
        XCTAssertTrue(result.err.hasSuffix("Nothing was merged; \(oursPath) is unchanged.\n"), result.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: oursPath)), before)
    }

    func testAnEmptyBaseMeansTheCopiesShareNoHistory() throws {
        let empty = sandbox.root.appendingPathComponent("empty.json")
        try Data().write(to: empty)
        var ours = base
        ours.notes = [Note(id: "n-1", at: "t", text: "one")]
        let oursPath = try write(ours, "ours.json")
        let result = try sandbox.scrutiny(["merge", empty.path, oursPath, try write(base, "theirs.json")], in: sandbox.root)
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(try PanelStore.load(from: URL(fileURLWithPath: oursPath)).notes.map(\.id), ["n-1"])
    }
}
