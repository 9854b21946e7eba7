import Foundation
import XCTest
@testable import PanelModel

/// Finding the notes in a store's bytes, and decoding the two parts: where the split is taken it
/// gives exactly what a whole decode gives, and where it cannot promise that it declines.
final class NotesSpanTests: XCTestCase {
    private func text(_ data: Data, _ range: Range<Int>) -> String {
        String(decoding: data[range], as: UTF8.self)
    }

    func testFindsTheNotesOfAStoreAsScrutinyWritesIt() throws {
        let data = PanelStore.encode(Fixture.everyField)
        let range = try XCTUnwrap(NotesSpan.locate(in: data))
        XCTAssertTrue(text(data, range).hasPrefix("[\n    {"), text(data, range))
        XCTAssertTrue(text(data, range).hasSuffix("}\n  ]"), text(data, range))
        let notes = try XCTUnwrap(PanelStore.decodeNotes(data, at: range))
        XCTAssertEqual(notes, Fixture.everyField.notes)
    }

    func testTheSplitDecodesToTheWholeDocument() throws {
        // Text that holds what ends the notes in the bytes, but in a string (its line break escaped).
        var brackets = Fixture.everyField
        brackets.notes[1].text = "a list [1, 2]\n  ] and\n  ],\n]"
        brackets.notes.append(Note(id: "note-9", at: "2024-03-06T10:41:07+00:00", text: "]"))
        for document in [Fixture.everyField, brackets, PanelTemplates.example, PanelTemplates.blank, PanelDocument()] {
            let data = PanelStore.encode(document)
            let split = try XCTUnwrap(PanelStore.decodeWithoutNotes(data))
            XCTAssertEqual(split.document.notes, [])
            var whole = split.document
            whole.notes = try XCTUnwrap(PanelStore.decodeNotes(data, at: split.notes))
            XCTAssertEqual(whole, try PanelStore.decode(data, file: "panel.json"))
        }
    }

    func testAnyLayoutIsLexedNotOnlyTheCanonicalOne() throws {
        // One line, no spaces: the shortcut for "\n  ]" does not apply; the full lexer does.
        let compact = try JSONSerialization.data(
            withJSONObject: JSONSerialization.jsonObject(with: PanelStore.encode(Fixture.everyField)))
        let split = try XCTUnwrap(PanelStore.decodeWithoutNotes(compact))
        var whole = split.document
        whole.notes = try XCTUnwrap(PanelStore.decodeNotes(compact, at: split.notes))
        XCTAssertEqual(whole, Fixture.everyField)
    }

    func testStringsThatLookLikeStructureAreSkippedWhole() throws {
        let json = #"{"a": "\"notes\": [} ] {", "b": ["]", {"notes": 1}], "notes": [{"x": "\\"}], "c": "\n  ]"}"#
        let data = Data(json.utf8)
        let range = try XCTUnwrap(NotesSpan.locate(in: data))
        XCTAssertEqual(text(data, range), #"[{"x": "\\"}]"#)
    }

    func testDeclinesWhatItCannotReadPlainly() {
        let cases: [String: String] = [
            "no notes key": #"{"format": "scrutiny-panel", "version": 1}"#,
            "notes twice": #"{"notes": [], "x": 1, "notes": [{"id": "n"}]}"#,
            "an escaped key that may be notes": #"{"not\u0065s": [], "notes": []}"#,
            "notes not a list": #"{"notes": {"id": "n"}}"#,
            "not an object": #"[{"notes": []}]"#,
            "something after the object": #"{"notes": []} {"#,
            "an unended string": #"{"title": "abc, "notes": []}"#,
            "cut short": #"{"notes": [1, 2"#,
            "a byte-order mark": "\u{FEFF}{\"notes\": []}",
            "empty": "",
        ]
        for (name, json) in cases {
            XCTAssertNil(NotesSpan.locate(in: Data(json.utf8)), name)
        }
    }

    func testDeclinesToSplitWhatAWholeDecodeWouldTreatDifferently() throws {
        // An older version is migrated whole: its notes may not have the current shape.
        var old = String(decoding: PanelStore.encode(Fixture.everyField), as: UTF8.self)
        old = old.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 0")
        XCTAssertNotNil(NotesSpan.locate(in: Data(old.utf8)))
        XCTAssertNil(PanelStore.decodeWithoutNotes(Data(old.utf8)))
        // The rest damaged: the whole decode names the problem.
        var damaged = String(decoding: PanelStore.encode(Fixture.everyField), as: UTF8.self)
        damaged = damaged.replacingOccurrences(of: "\"format\" : \"scrutiny-panel\"", with: "\"format\" : 7")
        XCTAssertNil(PanelStore.decodeWithoutNotes(Data(damaged.utf8)))
    }

    func testNotesDecodedInPiecesAreTheArraysNotes() throws {
        var document = Fixture.everyField
        document.notes += (10..<60).map { Note(id: "note-\($0)", at: "2024-03-06T10:41:07+00:00", text: "} ],\n    }, \($0)") }
        let data = PanelStore.encode(document)
        let range = try XCTUnwrap(NotesSpan.locate(in: data))
        let pieces = NotesSpan.pieces(of: range, in: data, size: 300)
        XCTAssertGreaterThan(pieces.count, 10)
        for piece in pieces {
            XCTAssertTrue(text(data, piece).hasPrefix("\n    {"), text(data, piece))
            XCTAssertTrue(text(data, piece).hasSuffix(piece == pieces.last ? "}\n  " : "}"), text(data, piece))
        }
        XCTAssertEqual(PanelStore.decodeNotes(data, at: range, pieceSize: 300), document.notes)
        XCTAssertEqual(NotesSpan.pieces(of: range, in: data, size: 1 << 20).count, 1, "a small array is one piece")
    }

    func testAStrayCommaBetweenPiecesIsNotDecodedAway() throws {
        var document = Fixture.everyField
        document.notes += (10..<60).map { Note(id: "note-\($0)", at: "2024-03-06T10:41:07+00:00", text: "\($0)") }
        let json = String(decoding: PanelStore.encode(document), as: UTF8.self)
        // An empty element: refused whole, so refused in pieces (no piece may decode as empty).
        let empty = Data(json.replacingOccurrences(of: "\"text\" : \"30\"\n    },",
                                                   with: "\"text\" : \"30\"\n    },\n    ,").utf8)
        XCTAssertThrowsError(try PanelStore.decode(empty, file: "panel.json"))
        XCTAssertNil(PanelStore.decodeNotes(empty, at: try XCTUnwrap(NotesSpan.locate(in: empty)), pieceSize: 100))
        // A trailing comma, which JSONDecoder lets through: the notes are the whole decode's.
        let trailing = Data(json.replacingOccurrences(of: "\"text\" : \"59\"\n    }",
                                                      with: "\"text\" : \"59\"\n    },").utf8)
        let range = try XCTUnwrap(NotesSpan.locate(in: trailing))
        let part = StoreOpening.DeferredPart.decode(trailing, notesAt: range, file: "panel.json")
        XCTAssertEqual(try part.notes.get(), try PanelStore.decode(trailing, file: "panel.json").notes)
    }

    func testDamagedNotesDoNotDecodeAlone() throws {
        var json = String(decoding: PanelStore.encode(Fixture.everyField), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"text\" : \"Ask about ENG audit.\"", with: "\"text\" : 12")
        let data = Data(json.utf8)
        let split = try XCTUnwrap(PanelStore.decodeWithoutNotes(data), "the rest is sound")
        XCTAssertNil(PanelStore.decodeNotes(data, at: split.notes))
    }
}
