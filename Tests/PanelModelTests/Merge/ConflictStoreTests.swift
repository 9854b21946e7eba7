import Foundation
import XCTest
@testable import PanelModel

/// A store holding merge conflicts is a valid store: it passes the published schema, and the
/// validator (so `scrutiny check`) lists each conflict until it is resolved.
final class ConflictStoreTests: XCTestCase {
    private var conflicted: PanelDocument {
        var doc = PanelDocument()
        doc.framework = Framework(criteria: [AxisItem(id: "crit-equity", name: "Equity")],
                                  dimensions: [AxisItem(id: "dim-outcomes", name: "Outcomes")])
        doc.questions = [Question(id: "q-1", number: "5.1", title: "Clusters", text: "")]
        doc.conflicts = [
            MergeConflict(kind: .editedOnBothSides, place: .cell(CellKey(criterion: "crit-equity", dimension: "dim-outcomes")),
                          base: "", ours: "Ours", theirs: "Theirs"),
            MergeConflict(kind: .deletedAndEdited, place: .item(.question, id: "q-1", field: nil),
                          base: "5.1 Clusters", ours: nil, theirs: "5.1 Clusters"),
            MergeConflict(kind: .editedOnBothSides, place: .panel(field: "reportDate"), base: nil, ours: "2024-03-25", theirs: nil),
            MergeConflict(kind: .editedOnBothSides, place: .item(.question, id: "q-1", field: "title"),
                          base: "A", ours: "B", theirs: "C\u{1B}[2J"),
        ]
        return doc
    }

    func testTheValidatorListsEachConflictInThePanelsWords() {
        XCTAssertEqual(PanelValidator.problems(in: conflicted), [
            "unresolved merge conflict: cell Equity × Outcomes: changed differently on both sides (ours “Ours”, theirs “Theirs”)",
            "unresolved merge conflict: question 5.1: deleted in ours, changed in theirs (kept as “5.1 Clusters”)",
            "unresolved merge conflict: header field “Report date”: changed differently on both sides (ours “2024-03-25”, theirs (none))",
            "unresolved merge conflict: question 5.1 title: changed differently on both sides (ours “B”, theirs “C [2J”)",
        ])
    }

    func testAStoreWithConflictsMatchesTheSchema() throws {
        let scratch = try ScratchFolder()
        let good = scratch.file("conflicted.json")
        try PanelStore.save(conflicted, to: good)
        // And the schema is strict about them: a cell conflict without its dimension is refused.
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: PanelStore.encode(conflicted)) as? [String: Any])
        var conflicts = try XCTUnwrap(object["conflicts"] as? [[String: Any]])
        conflicts[0]["dimension"] = nil
        conflicts[1]["kind"] = "ours-won"
        object["conflicts"] = conflicts
        let bad = scratch.file("bad.json")
        try JSONSerialization.data(withJSONObject: object).write(to: bad)

        let schema = Fixture.repositoryRoot.appendingPathComponent("docs/panel.schema.json")
        let script = """
            import json, sys, jsonschema
            v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
            for path in sys.argv[2:]:
                for e in sorted(v.iter_errors(json.load(open(path))), key=lambda e: list(map(str, e.path))):
                    print(path.rsplit("/", 1)[-1] + ": /" + "/".join(map(str, e.path)))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, good.path, bad.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 with jsonschema is needed: pip install -r Tests/python-requirements.txt")
        XCTAssertEqual(lines, "bad.json: /conflicts/0\nbad.json: /conflicts/1/kind\n")
    }
}
