import Foundation
import XCTest
@testable import PanelModel

/// Load → save → load gives the same panel, and saving an unchanged panel gives the same bytes:
/// the promise that `git diff` of two saves shows only what changed.
final class StoreRoundTripTests: XCTestCase {
    func testLoadSaveLoadIsEqualAndTheSecondSaveIsByteIdentical() throws {
        let scratch = try ScratchFolder()
        let first = scratch.file("panel.json"), second = scratch.file("again.json")
        let original = Fixture.everyField
        try PanelStore.save(original, to: first)
        let loaded = try PanelStore.load(from: first)
        XCTAssertEqual(loaded, original)
        try PanelStore.save(loaded, to: second)
        XCTAssertEqual(try Data(contentsOf: second), try Data(contentsOf: first))
        XCTAssertEqual(try PanelStore.load(from: second), original)
    }

    func testSavingTheSameFileAgainLeavesItsBytesAsTheyWere() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        try PanelStore.save(Fixture.everyField, to: url)
        let before = try Data(contentsOf: url)
        try PanelStore.save(try PanelStore.load(from: url), to: url)
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(try scratch.names(), ["panel.json"], "no temp file left behind")
    }

    func testEncodingIsPrettySortedAndEndsWithANewline() throws {
        let text = String(decoding: PanelStore.encode(PanelTemplates.blank), as: UTF8.self)
        let expectedStart = """
            {
              "format" : "scrutiny-panel",
              "framework" : {
                "cells" : [

                ],
                "criteria" : [
                  {
                    "id" : "crit-effectiveness",
                    "name" : "Effectiveness"
                  },
            """
        XCTAssertTrue(text.hasPrefix(expectedStart), "got:\n\(text.prefix(300))")
        let expectedEnd = """
              "notes" : [

              ],
              "panel" : {
                "accessToInformation" : "",
                "authority" : "",
                "chair" : "",
                "committee" : "",
                "contact" : {
                  "address" : "",
                  "email" : "",
                  "name" : "",
                  "phone" : "",
                  "role" : ""
                },
                "recommendation" : "",
                "reportOf" : "",
                "reportTitle" : "",
                "sections" : [

                ],
                "summary" : "",
                "title" : "",
                "wards" : ""
              },
              "questions" : [

              ],
              "schedule" : [

              ],
              "version" : 1
            }

            """
        XCTAssertTrue(text.hasSuffix(expectedEnd), "got:\n\(text.suffix(600))")
    }

    func testNonASCIIAndSlashesAreWrittenAsTheyAreAndControlCharactersEscaped() throws {
        var doc = PanelTemplates.blank
        doc.framework["crit-equity", "dim-outcomes"] = "café – “x” 😀 a/b \"q\" \u{1}\nnext"
        let text = String(decoding: PanelStore.encode(doc), as: UTF8.self)
        XCTAssertTrue(text.contains(#""text" : "café – “x” 😀 a/b \"q\" \u0001\nnext""#), text)
        XCTAssertTrue(text.contains(#""name" : "Provision/ Funding""#))
        XCTAssertEqual(try PanelStore.decode(Data(text.utf8), file: "x"), doc)
    }

    func testCellsAreWrittenInGridOrderWhateverOrderTheyWereSetIn() throws {
        var a = PanelTemplates.blank, b = PanelTemplates.blank
        a.framework["crit-equity", "dim-outcomes"] = "one"
        a.framework["crit-effectiveness", "dim-institutions"] = "two"
        b.framework["crit-effectiveness", "dim-institutions"] = "two"
        b.framework["crit-equity", "dim-outcomes"] = "one"
        XCTAssertEqual(PanelStore.encode(a), PanelStore.encode(b))
        let text = String(decoding: PanelStore.encode(a), as: UTF8.self)
        let two = try XCTUnwrap(text.range(of: "\"two\"")), one = try XCTUnwrap(text.range(of: "\"one\""))
        XCTAssertLessThan(two.lowerBound, one.lowerBound, "the Effectiveness row comes before Equity")
    }

    func testAbsentOptionalFieldsAreLeftOutNotWrittenAsNull() throws {
        let text = String(decoding: PanelStore.encode(PanelTemplates.example), as: UTF8.self)
        XCTAssertFalse(text.contains("null"))
        // "SEND engagement and quality" has no date: the key is absent.
        let item = """
                {
                  "id" : "sched-send-engagement-quality",
                  "kind" : "interview",
                  "status" : "held",
                  "title" : "SEND engagement and quality"
                },
            """
        XCTAssertTrue(text.contains(item), text)
    }

    func testTheExampleTemplateIsTheSameBytesEveryTime() {
        XCTAssertEqual(PanelStore.encode(PanelTemplates.example), PanelStore.encode(PanelTemplates.example))
        XCTAssertEqual(PanelStore.encode(PanelTemplates.example).count, 17729)
    }
}
