import XCTest
@testable import PanelTerminal

/// The cursor never lands inside a character, and deletions take whole characters, for every
/// kind of character the clerk may type or paste.
final class EditorUnicodeTests: XCTestCase {
    let combiningE = "e\u{301}"            // é as e + combining acute
    let family = "👨\u{200D}👩\u{200D}👧"     // one ZWJ sequence
    let flag = "🇬🇧"
    let thumb = "👍🏽"
    let heart = "❤\u{FE0F}"

    func testCursorMovesOverWholeCharacters() {
        let text = "a" + combiningE + "日" + flag + family + thumb + heart + "z"
        var e = TextEditor(text: text, cursor: 0)
        var seen: [Int] = []
        while e.cursor < text.count {
            _ = e.perform(.cursorRight, width: 80)
            seen.append(e.cursor)
        }
        XCTAssertEqual(text.count, 8)
        XCTAssertEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8])
    }

    func testBackspaceDeletesAWholeCharacter() {
        for character in [combiningE, "日", flag, family, thumb, heart, "한"] {
            var e = TextEditor(text: "x" + character)
            _ = e.perform(.deleteBackward, width: 80)
            XCTAssertEqual(e.text, "x", "deleting \(character.unicodeScalars.map { $0.value })")
            XCTAssertEqual(e.cursor, 1)
        }
    }

    func testDeleteForwardDeletesAWholeCharacter() {
        for character in [combiningE, "日", flag, family, thumb, heart] {
            var e = TextEditor(text: character + "x", cursor: 0)
            _ = e.perform(.deleteForward, width: 80)
            XCTAssertEqual(e.text, "x")
            XCTAssertEqual(e.cursor, 0)
        }
    }

    func testACombiningAccentTypedAfterALetterJoinsIt() {
        var e = TextEditor(text: "caf")
        e.insert("e")
        e.insert("\u{301}")
        XCTAssertEqual(e.text, "caf" + combiningE)
        XCTAssertEqual(e.text.count, 4)
        XCTAssertEqual(e.cursor, 4)
        _ = e.perform(.cursorLeft, width: 80)
        XCTAssertEqual(e.cursor, 3)
    }

    func testTwoRegionalIndicatorsTypedApartMakeOneFlag() {
        var e = TextEditor(text: "")
        e.insert("🇬")
        e.insert("🇧")
        XCTAssertEqual(e.text, flag)
        XCTAssertEqual(e.cursor, 1)
    }

    func testTypedTextKeepsEveryScalar() {
        var e = TextEditor(text: "")
        let typed = "Co‑production — “good” ’s naïve 日本 한국어 😀 " + family + thumb + flag + heart
        e.insert(typed)
        XCTAssertEqual(Array(e.text.unicodeScalars), Array(typed.unicodeScalars))
        XCTAssertEqual(e.cursor, typed.count)
    }

    func testLayoutColumnsCountWideCharactersTwice() {
        let e = TextEditor(text: "日本" + flag + "é", cursor: 3)
        let layout = e.layout(width: 20)
        XCTAssertEqual(layout.cursorRow, 0)
        XCTAssertEqual(layout.cursorColumn, 6)
        XCTAssertEqual(TextEditor(text: "日本" + flag + "é").layout(width: 20).cursorColumn, 7)
    }
}
