import Foundation
import XCTest
@testable import PanelTerminal

/// Reading one keymap file: what it binds, and the exact message for each mistake a person
/// can make in it (file, line and key named, so they can go straight to it).
final class KeymapFileTests: XCTestCase {
    private func parse(_ text: String) throws(KeymapError) -> KeymapFile {
        try KeymapFile.parse(text, label: "my.toml")
    }

    /// The message `text` fails with, or a failure when it loads.
    private func message(_ text: String, line: UInt = #line) -> String {
        do {
            _ = try parse(text)
            XCTFail("expected an error", line: line)
            return ""
        } catch {
            return error.description
        }
    }

    func testReadsBindingsInFileOrderWithTheirLines() throws {
        let file = try parse("""
            # comment
            [grid]
            "x" = "clear"
            "d r" = "delete-criterion"

            [global]
            C-r = "redo"
            'q' = "none"
            """)
        XCTAssertEqual(file.bindings, [
            .init(context: .grid, keys: [.char("x")], action: .clear, line: 3),
            .init(context: .grid, keys: [.char("d"), .char("r")], action: .deleteCriterion, line: 4),
            .init(context: .global, keys: [.ctrl("r")], action: .redo, line: 7),
            .init(context: .global, keys: [.char("q")], action: nil, line: 8),
        ])
    }

    func testUnknownActionNamesFileLineAndKey() {
        XCTAssertEqual(message("""
            [global]
            "u" = "undo"
            "g g" = "go-frist"
            """),
            #"my.toml:3: key "g g" in [global] is bound to unknown action "go-frist"; did you mean "go-first"?"#)
        XCTAssertEqual(message("[grid]\n\"x\" = \"explode\"\n"),
                       #"my.toml:2: key "x" in [grid] is bound to unknown action "explode""#)
    }

    func testUnknownKeyNameNamesFileLineAndKey() {
        XCTAssertEqual(message("""
            [schedule]
            "a" = "add"

            "C-foo" = "delete"
            """),
            #"my.toml:4: unknown key name "C-foo" in [schedule]; write keys like "a", "A", "?", "C-s", "A-enter", "S-tab", "F5", "space" or "g g""#)
    }

    func testUnknownContextNamesFileLineAndKey() {
        XCTAssertEqual(message("""
            [global]
            "q" = "quit"
            [grids]
            "x" = "clear"
            """),
            #"my.toml:3: unknown context [grids] (holding key "x"); the contexts are [global], [grid], [schedule], [questions], [editor], [notes]; did you mean [grid]?"#)
    }

    func testTwoSpellingsOfOneKeyAreADuplicate() {
        XCTAssertEqual(message("""
            [grid]
            "enter" = "edit"
            "x" = "clear"
            "ret" = "edit"
            """),
            #"my.toml:4: key "ret" in [grid] is the same key as "enter" on line 2; bind each key once"#)
        XCTAssertEqual(message("[editor]\n\"C-m\" = \"newline\"\n\"enter\" = \"finish-edit\"\n"),
                       #"my.toml:3: key "enter" in [editor] is the same key as "C-m" on line 2; bind each key once"#)
    }

    func testTheSameKeyInTwoContextsIsFine() throws {
        let file = try parse("[grid]\n\"enter\" = \"edit\"\n[schedule]\n\"ret\" = \"edit\"\n")
        XCTAssertEqual(file.bindings.map(\.context), [.grid, .schedule])
    }

    func testASequenceAndItsOwnStartClash() {
        XCTAssertEqual(message("[global]\n\"g\" = \"go-first\"\n\"g g\" = \"go-first\"\n"),
                       #"my.toml:3: key "g g" in [global] clashes with "g" on line 2: "g g" could never be typed while "g" is bound on its own"#)
        XCTAssertEqual(message("[global]\n\"g g\" = \"go-first\"\n\"g\" = \"go-first\"\n"),
                       #"my.toml:3: key "g" in [global] clashes with "g g" on line 2: "g g" could never be typed while "g" is bound on its own"#)
    }

    func testPlainCharactersCannotBeBoundInTheEditor() {
        XCTAssertEqual(message("[editor]\n\"C-x\" = \"leave-edit\"\n\"x\" = \"leave-edit\"\n"),
                       #"my.toml:3: key "x" in [editor] types text, so it cannot run an action there; bind it with a modifier, such as "C-x" or "A-x""#)
    }

    func testAValueThatIsNotAnActionName() {
        XCTAssertEqual(message("[grid]\n\"x\" = 3\n"),
                       #"my.toml:2: key "x" in [grid] must be bound to an action name in quotes, such as "quit" (or "none" to unbind it)"#)
    }

    func testABindingOutsideAnyContext() {
        XCTAssertEqual(message("\"q\" = \"quit\"\n[global]\n\"u\" = \"undo\"\n"),
                       #"my.toml:1: key "q" is not inside a context; put it under one of [global], [grid], [schedule], [questions], [editor], [notes]"#)
    }

    func testTOMLSyntaxErrorsKeepTheParsersPosition() {
        XCTAssertEqual(message("[global]\n\"q\" = \"quit\"\n\"u\" = undo\n"),
                       "my.toml:3:7: not valid TOML: Error while parsing value: could not determine value type")
        // The very same spelling twice is refused by the TOML parser, and said as a duplicate.
        XCTAssertEqual(message("[global]\n\"q\" = \"quit\"\n\"q\" = \"undo\"\n"),
                       #"my.toml:3: key "q" in [global] is already bound on line 2; bind each key once"#)
    }

    /// The TOML parser aborts the whole program on some malformed TOML (found by fuzzing): a
    /// keymap is edited by hand, so each of these must be an error naming its line instead.
    func testLinesTheTOMLParserWouldCrashOnAreErrors() {
        let header = "not valid TOML: a table header is one context name in brackets, such as [grid]"
        let binding = #"not valid TOML: a binding is a key name, "=", and one action name in quotes, such as "C-r" = "redo""#
        XCTAssertEqual(message("[=x]\n"), "my.toml:1:2: " + header)
        XCTAssertEqual(message("[global]\n\"q\" = \"quit\"\n  [ .grid]\n"), "my.toml:3:5: " + header)
        XCTAssertEqual(message("[[=x]]\n"), "my.toml:1:2: " + header)
        XCTAssertEqual(message("[\n"), "my.toml:1:2: " + header)
        XCTAssertEqual(message("[global]\n\"a\" = [}\n"), "my.toml:2:7: " + binding)
        // With Windows line ends too (Swift reads CR LF as one character; found by fuzzing).
        XCTAssertEqual(message("# mine\r\n[\u{FFFD}'x'\r\n"), "my.toml:2:2: " + header)
    }

    /// Every keymap input fuzzing ever found crashing the parser stays an error with a line.
    func testEveryFuzzReproducerIsRefusedWithALine() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("keymap-") }.sorted()
        XCTAssertEqual(names.count, 4, "the reproducers found so far")
        for name in names {
            // Read as the fuzz target reads its bytes: invalid UTF-8 becomes U+FFFD.
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            XCTAssertTrue(message(text).hasPrefix("my.toml:"), name)
        }
    }

    /// Keymaps use one action name per key: lists, inline tables, dotted keys and multi-line
    /// strings are refused in words, before the parser.
    func testOnlyHeadersAndSimpleBindingsAreAccepted() {
        let binding = #"not valid TOML: a binding is a key name, "=", and one action name in quotes, such as "C-r" = "redo""#
        XCTAssertEqual(message("[global]\n\"q\" = [\"quit\"]\n"), "my.toml:2:7: " + binding)
        XCTAssertEqual(message("[global]\n\"q\" = { a = 1 }\n"), "my.toml:2:7: " + binding)
        XCTAssertEqual(message("[global]\nq.x = \"quit\"\n"), "my.toml:2:2: " + binding)
        XCTAssertEqual(message("[global]\n\"q\" = \"\"\"quit\"\"\"\n"), "my.toml:2:7: " + binding)
        XCTAssertEqual(message("[global]\n\"q\" = \"quit\" trailing\n"), "my.toml:2:14: " + binding)
        // Comments, CR LF line ends, literal strings and escapes are fine.
        XCTAssertEqual(message("# mine\r\n[global] # the rest\r\n'q' = \"qu\\u0069t\" # leave\r\n\"u\" = \"nothing\"\r\n"),
                       #"my.toml:4: key "u" in [global] is bound to unknown action "nothing""#)
    }

    func testLinesAreFoundForEscapedAndLiteralKeys() {
        XCTAssertEqual(message("[global]\n\n  'C-q' = \"quit\"\n  \"\\u0041-z\" = \"nothing\"\n"),
                       #"my.toml:4: key "A-z" in [global] is bound to unknown action "nothing""#)
    }
}
