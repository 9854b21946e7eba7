import Foundation
import XCTest
@testable import PanelModel

/// Every store the program writes validates against docs/panel.schema.json, checked by a real
/// validator (python's jsonschema, Draft 2020-12), and the schema really is strict.
final class SchemaTests: XCTestCase {
    private static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("MISSING: the python package jsonschema is not installed")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            name = path.rsplit("/", 1)[-1]
            for error in sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: list(map(str, e.path))):
                print(name + ": /" + "/".join(map(str, error.path)) + ": " + error.message)
        """

    /// Runs the validator over the files; returns its output, one line per schema violation.
    private func validate(_ files: [URL], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let schema = Fixture.repositoryRoot.appendingPathComponent("docs/panel.schema.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, schema.path] + files.map(\.path)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let help = "The schema tests need python3 with jsonschema: pip install -r Tests/python-requirements.txt"
        switch process.terminationStatus {
        case 0: return out.split(separator: "\n").map(String.init)
        case 3: XCTFail("\(out.trimmingCharacters(in: .newlines)). \(help)", file: file, line: line)
        case 127: XCTFail("python3 was not found. \(help)", file: file, line: line)
        default: XCTFail("the validator failed (exit \(process.terminationStatus)): \(err)\(out)\n\(help)", file: file, line: line)
        }
        return ["(validator did not run)"]
    }

    func testEveryStoreTheProgramWritesIsValid() throws {
        let scratch = try ScratchFolder()
        var files: [URL] = []
        for (name, doc) in [("example.json", PanelTemplates.example), ("blank.json", PanelTemplates.blank),
                            ("every-field.json", Fixture.everyField), ("empty.json", PanelDocument())] {
            let url = scratch.file(name)
            try PanelStore.save(doc, to: url)
            files.append(url)
        }
        // The every-field store really has each optional field and each kind of note subject.
        let text = try String(contentsOf: scratch.file("every-field.json"), encoding: .utf8)
        for key in ["reportDate", "signedDate", "who", "endDate", "time", "details", "startedAt", "endedAt",
                    "source", "subject", "origin", "question", "\"criterion\" : \"crit-sufficiency\""] {
            XCTAssertTrue(text.contains(key), key)
        }
        XCTAssertEqual(try validate(files), [])
    }

    func testTheSchemaIsStrict() throws {
        let scratch = try ScratchFolder()
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: PanelStore.encode(Fixture.everyField)) as? [String: Any])
        object["extra"] = true
        var schedule = object["schedule"] as! [[String: Any]]
        schedule[0]["date"] = "2024-3-6"
        schedule[1]["kind"] = "picnic"
        schedule[2]["time"] = "9:30"
        schedule[7]["endDate"] = "2024-03-07"  // "SEND engagement and quality" has no date
        object["schedule"] = schedule
        var notes = object["notes"] as! [[String: Any]]
        notes[0]["at"] = "2024-03-06T10:41:07"
        notes[1]["subject"] = ["question": "q-5-1", "criterion": "crit-equity"]
        object["notes"] = notes
        object["version"] = 2
        let url = scratch.file("bad.json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)

        let problems = try validate([url])
        let paths = problems.map { String($0.split(separator: ":", maxSplits: 2)[1].dropFirst()) }
        XCTAssertEqual(paths, ["/", "/notes/0/at", "/notes/1/subject", "/schedule/0/date", "/schedule/1/kind",
                               "/schedule/2/time", "/schedule/7", "/version"], problems.joined(separator: "\n"))
        XCTAssertTrue(problems[0].contains("'extra' was unexpected"), problems[0])
    }
}
