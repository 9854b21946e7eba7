import Foundation
import XCTest
@testable import PanelModel

/// Every kind of bad file is refused with a message that names the file and says what is wrong,
/// and the file is left exactly as it was.
final class CorruptInputTests: XCTestCase {
    /// Writes `bytes` to a file, loads it, checks the file is unchanged, and returns the message.
    private func refusal(_ bytes: Data, name: String = "panel.json",
                         file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let scratch = try ScratchFolder()
        let url = scratch.file(name)
        try bytes.write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        let error = storeError({ () throws(StoreError) in _ = try PanelStore.load(from: url) }, file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: url), bytes, "the file must be left byte for byte", file: file, line: line)
        XCTAssertEqual(mode(of: url.path), "640", file: file, line: line)
        XCTAssertEqual(try scratch.names(), [name], "nothing written beside it", file: file, line: line)
        return (error?.description ?? "").replacingOccurrences(of: url.path, with: "FILE")
    }

    private func refusal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try refusal(Data(text.utf8), file: file, line: line)
    }

    /// A valid panel's JSON with one change made to its object tree.
    private func panelJSON(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: PanelStore.encode(PanelTemplates.example)) as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    func testEmptyFile() throws {
        XCTAssertEqual(try refusal(""), "FILE is not a Scrutiny panel (the file is empty). The file was not changed.")
        XCTAssertEqual(try refusal(" \n\n\t"), "FILE is not a Scrutiny panel (the file is empty). The file was not changed.")
    }

    func testTruncatedFileGivesLineAndColumn() throws {
        let whole = PanelStore.encode(PanelTemplates.example)
        let cut = whole.prefix(500)
        let lines = String(decoding: cut, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let expected = "FILE is not a Scrutiny panel (broken JSON at line \(lines.count), column \(lines.last!.count + 1): "
            + "unexpected end of file during JSON parse). The file was not changed."
        XCTAssertEqual(lines.count, 13)
        XCTAssertEqual(try refusal(Data(cut)), expected)
    }

    func testSyntaxErrorInTheMiddleGivesItsLineAndColumnCountingCharactersNotBytes() throws {
        let text = "{\n  \"format\" : \"scrutiny-panel\",\n  \"née\" : @nope\n}\n"
        XCTAssertEqual(try refusal(text),
                       "FILE is not a Scrutiny panel (broken JSON at line 3, column 11: invalid value). The file was not changed.")
    }

    func testBinaryJunk() throws {
        let junk = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE])
        XCTAssertEqual(try refusal(junk),
                       "FILE is not a Scrutiny panel (it is not text: it holds bytes that are not UTF-8). The file was not changed.")
    }

    func testPlainTextThatIsNotJSON() throws {
        XCTAssertEqual(try refusal("Minutes of the panel meeting\n"),
                       "FILE is not a Scrutiny panel (broken JSON at line 1, column 1: invalid value). The file was not changed.")
    }

    func testValidJSONOfAnotherShape() throws {
        XCTAssertEqual(try refusal("[1, 2, 3]\n"),
                       "FILE is not a Scrutiny panel (the top level is not a JSON object). The file was not changed.")
        XCTAssertEqual(try refusal("\"panel\""),
                       "FILE is not a Scrutiny panel (the top level is not a JSON object). The file was not changed.")
        XCTAssertEqual(try refusal(#"{"name": "my-package", "version": "1.0.0"}"#),
                       #"FILE is not a Scrutiny panel (it has no "format": "scrutiny-panel"). The file was not changed."#)
        XCTAssertEqual(try refusal(#"{"format": "scrutiny-keymap", "version": 1}"#),
                       "FILE is not a Scrutiny panel (its format is “scrutiny-keymap”, not “scrutiny-panel”). The file was not changed.")
        XCTAssertEqual(try refusal(#"{"format": 7}"#),
                       #"FILE is not a Scrutiny panel (it has no "format": "scrutiny-panel"). The file was not changed."#)
    }

    func testNewerVersionIsRefusedAndNamedAsSuch() throws {
        let newer = try panelJSON { $0["version"] = 2; $0["somethingNew"] = ["x": 1] }
        XCTAssertEqual(try refusal(newer),
                       "FILE was written by a newer Scrutiny (format version 2; this one reads up to version 1). "
                       + "Update Scrutiny to open it. The file was not changed.")
        // Even when the rest of it would not decode as version 1.
        XCTAssertEqual(try refusal(#"{"format": "scrutiny-panel", "version": 9, "panel": []}"#),
                       "FILE was written by a newer Scrutiny (format version 9; this one reads up to version 1). "
                       + "Update Scrutiny to open it. The file was not changed.")
    }

    func testMissingOrNonsenseVersion() throws {
        XCTAssertEqual(try refusal(#"{"format": "scrutiny-panel"}"#),
                       "FILE is a damaged Scrutiny panel: at version, a required value is missing. The file was not changed.")
        XCTAssertEqual(try refusal(#"{"format": "scrutiny-panel", "version": "1"}"#),
                       "FILE is a damaged Scrutiny panel: at version, expected a whole number. The file was not changed.")
        XCTAssertEqual(try refusal(#"{"format": "scrutiny-panel", "version": 0}"#),
                       "FILE is a damaged Scrutiny panel: at version, 0 is not a version of the format. The file was not changed.")
    }

    func testWrongTypeGivesTheJSONPath() throws {
        let data = try panelJSON { object in
            var framework = object["framework"] as! [String: Any]
            var cells = framework["cells"] as! [[String: Any]]
            cells[3]["text"] = 42
            framework["cells"] = cells
            object["framework"] = framework
        }
        XCTAssertEqual(try refusal(data),
                       "FILE is a damaged Scrutiny panel: at framework.cells[3].text, expected text but found number. "
                       + "The file was not changed.")
    }

    func testMissingKeyGivesTheJSONPath() throws {
        let data = try panelJSON { object in
            var questions = object["questions"] as! [[String: Any]]
            questions[7]["title"] = nil
            object["questions"] = questions
        }
        XCTAssertEqual(try refusal(data),
                       "FILE is a damaged Scrutiny panel: at questions[7].title, a required value is missing. The file was not changed.")
    }

    func testNullWhereTextIsExpected() throws {
        let data = try panelJSON { object in
            var panel = object["panel"] as! [String: Any]
            panel["title"] = NSNull()
            object["panel"] = panel
        }
        XCTAssertEqual(try refusal(data),
                       "FILE is a damaged Scrutiny panel: at panel.title, expected text but found null. The file was not changed.")
    }

    func testImpossibleDateAndUnknownKindName() throws {
        let badDate = try panelJSON { object in
            var schedule = object["schedule"] as! [[String: Any]]
            schedule[2]["date"] = "2023-04-31"
            object["schedule"] = schedule
        }
        XCTAssertEqual(try refusal(badDate),
                       "FILE is a damaged Scrutiny panel: at schedule[2].date, “2023-04-31” is not a date of the form "
                       + "YYYY-MM-DD. The file was not changed.")
        let badKind = try panelJSON { object in
            var schedule = object["schedule"] as! [[String: Any]]
            schedule[0]["kind"] = "picnic"
            object["schedule"] = schedule
        }
        let message = try refusal(badKind)
        XCTAssertTrue(message.hasPrefix("FILE is a damaged Scrutiny panel: at schedule[0].kind, "), message)
        XCTAssertTrue(message.contains("picnic"), message)
    }

    func testTwoTextsForOneCell() throws {
        let data = try panelJSON { object in
            var framework = object["framework"] as! [String: Any]
            var cells = framework["cells"] as! [[String: Any]]
            cells.append(["criterion": "crit-effectiveness", "dimension": "dim-diagnosis", "text": "Second opinion"])
            framework["cells"] = cells
            object["framework"] = framework
        }
        XCTAssertEqual(try refusal(data),
                       "FILE is a damaged Scrutiny panel: at framework.cells, two cells for criterion “crit-effectiveness” "
                       + "× dimension “dim-diagnosis”. The file was not changed.")
    }

    /// Found by fuzzing: two rows with one id loaded, but their shared cells made the next save
    /// unreadable. Such a file is refused on load instead.
    func testTwoCriteriaOrDimensionsWithOneId() throws {
        for (axis, duplicated) in [("criteria", "crit-equity"), ("dimensions", "dim-outcomes")] {
            let data = try panelJSON { object in
                var framework = object["framework"] as! [String: Any]
                var items = framework[axis] as! [[String: Any]]
                items.append(["id": duplicated, "name": "Again"])
                framework[axis] = items
                object["framework"] = framework
            }
            XCTAssertEqual(try refusal(data),
                           "FILE is a damaged Scrutiny panel: at framework.\(axis), two \(axis) have the id “\(duplicated)”; "
                           + "ids must be unique. The file was not changed.")
        }
    }

    func testMissingFileAndFolderAreUnreadable() throws {
        let scratch = try ScratchFolder()
        let missing = scratch.file("nope.json")
        XCTAssertEqual(storeError({ () throws(StoreError) in _ = try PanelStore.load(from: missing) })?.description,
                       "\(missing.path) cannot be read: it does not exist.")
        XCTAssertEqual(storeError({ () throws(StoreError) in _ = try PanelStore.load(from: scratch.url) })?.description,
                       "\(scratch.url.path) cannot be read: it is a folder, not a file.")
    }

    func testMessagesNameTheFileAsTheUserWroteIt() throws {
        let scratch = try ScratchFolder()
        try Data("[]".utf8).write(to: scratch.file("relative.json"))
        // What `URL(fileURLWithPath: "relative.json")` gives in the folder the user is in.
        let typed = URL(fileURLWithPath: "relative.json", relativeTo: scratch.url)
        let error = storeError({ () throws(StoreError) in _ = try PanelStore.load(from: typed) })
        XCTAssertEqual(error?.description,
                       "relative.json is not a Scrutiny panel (the top level is not a JSON object). The file was not changed.")
    }

    /// The migration mechanism, run with steps made up for the test (there is no older format
    /// version yet): each step runs once, in order, and the version ends at the target.
    func testMigrationRunsEveryStepInOrderUpToTheTarget() throws {
        let steps: [Int: FormatMigration.Step] = [
            1: { $0["log"] = (($0["log"] as? [Int]) ?? []) + [1] },
            2: { $0["log"] = (($0["log"] as? [Int]) ?? []) + [2] },
        ]
        var object: [String: Any] = ["version": 1]
        try FormatMigration.upgrade(&object, from: 1, to: 3, steps: steps)
        XCTAssertEqual(object["log"] as? [Int], [1, 2])
        XCTAssertEqual(object["version"] as? Int, 3)

        var fromTwo: [String: Any] = ["version": 2]
        try FormatMigration.upgrade(&fromTwo, from: 2, to: 3, steps: steps)
        XCTAssertEqual(fromTwo["log"] as? [Int], [2])

        var gap: [String: Any] = ["version": 3]
        XCTAssertThrowsError(try FormatMigration.upgrade(&gap, from: 3, to: 5, steps: steps)) { error in
            XCTAssertEqual((error as? FormatMigration.Failure)?.reason,
                           "this build has no conversion from version 3 to 4")
        }
        XCTAssertTrue(FormatMigration.steps.isEmpty, "version 1 is the first format: nothing to migrate from yet")
    }
}
