import XCTest
@testable import PanelTerminal

/// Typed and pasted text is cleaned of terminal controls and keeps everything else exactly.
final class EditorPasteTests: XCTestCase {
    func testLineBreaksBecomeLF() {
        XCTAssertEqual(TypedText.clean("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour")
        XCTAssertEqual(TypedText.clean("\r\n\r\n"), "\n\n")
        XCTAssertEqual(TypedText.clean("\r\r\n"), "\n\n")
    }

    func testTabsAreKept() {
        XCTAssertEqual(TypedText.clean("a\tb"), "a\tb")
    }

    func testControlCharactersAreDropped() {
        XCTAssertEqual(TypedText.clean("a\u{0}b\u{7}c\u{8}d\u{1B}e\u{7F}f"), "abcdef")
        XCTAssertEqual(TypedText.clean("a\u{85}b\u{9B}c\u{80}d\u{9F}e"), "abcde")
    }

    func testEscapeSequencesLeaveOnlyTheirHarmlessText() {
        // The ESC goes; what follows is ordinary text and is kept.
        XCTAssertEqual(TypedText.clean("\u{1B}]0;title\u{7}x"), "]0;titlex")
        XCTAssertEqual(TypedText.clean("\u{1B}[31mred"), "[31mred")
    }

    func testBracketedPasteMarkersAreRemovedWhole() {
        XCTAssertEqual(TypedText.clean("\u{1B}[200~pasted\u{1B}[201~"), "pasted")
        XCTAssertEqual(TypedText.clean("before\u{1B}[201~q:quit\nafter"), "beforeq:quit\nafter")
        XCTAssertEqual(TypedText.clean("\u{1B}[201~\u{1B}[201~"), "")
        // Not a marker: kept apart from the ESC.
        XCTAssertEqual(TypedText.clean("\u{1B}[202~"), "[202~")
    }

    func testEverythingElseIsKeptExactly() {
        let text = "Co‑production — “good” ’s naïve cafe\u{301} 日本 한국어 😀 👨\u{200D}👩\u{200D}👧 👍🏽 🇬🇧 ❤\u{FE0F} \u{202E}x \u{200B}"
        XCTAssertEqual(Array(TypedText.clean(text).unicodeScalars), Array(text.unicodeScalars))
    }

    func testAPasteGoesInAtTheCursorWithItsLineBreaks() {
        var e = editor("Notes: | (end)")
        e.insert("\u{1B}[200~first line\r\nsecond line\u{1B}[201~")
        XCTAssertEqual(marked(e), "Notes: first line\nsecond line| (end)")
    }

    func testAPasteOfOnlyControlsChangesNothing() {
        var e = editor("ab|c")
        e.insert("\u{1B}\u{7}\u{0}")
        XCTAssertEqual(marked(e), "ab|c")
    }
}
