import XCTest
@testable import PanelTerminal

/// Text that could steer the terminal is shown, never sent.
final class ScreenVisibleTextTests: XCTestCase {
    func shown(_ c: Character) -> String { String(VisibleText.display(c)) }

    func testControlCharactersHaveVisibleStandIns() {
        XCTAssertEqual(shown("\u{1B}"), "␛")
        XCTAssertEqual(shown("\u{7}"), "^G")
        XCTAssertEqual(shown("\u{0}"), "^@")
        XCTAssertEqual(shown("\u{8}"), "^H")
        XCTAssertEqual(shown("\u{7F}"), "^?")
        XCTAssertEqual(shown("\t"), " ")
        XCTAssertEqual(shown("\n"), "↵")
        XCTAssertEqual(shown("\r\n"), "↵↵")
    }

    func testC1ControlsAreShownAsCatDoes() {
        XCTAssertEqual(shown("\u{85}"), "M-^E")
        XCTAssertEqual(shown("\u{9B}"), "M-^[")
        XCTAssertEqual(shown("\u{80}"), "M-^@")
    }

    func testBidiControlsAndInvisiblesAreNamed() {
        XCTAssertEqual(shown("\u{202E}"), "⟨RLO⟩")
        XCTAssertEqual(shown("\u{202D}"), "⟨LRO⟩")
        XCTAssertEqual(shown("\u{2067}"), "⟨RLI⟩")
        XCTAssertEqual(shown("\u{200F}"), "⟨RLM⟩")
        XCTAssertEqual(shown("\u{200B}"), "⟨ZW⟩")
        XCTAssertEqual(shown("\u{FEFF}"), "⟨ZW⟩")
        XCTAssertEqual(shown("\u{2028}"), "⟨LS⟩")
        XCTAssertEqual(shown("\u{2029}"), "⟨PS⟩")
    }

    func testEscapeSequencesAreShownWhole() {
        XCTAssertEqual(VisibleText.sanitize("\u{1B}]0;title\u{7}"), "␛]0;title^G")
        XCTAssertEqual(VisibleText.sanitize("\u{1B}[2J\u{1B}[31mred"), "␛[2J␛[31mred")
        XCTAssertEqual(VisibleText.sanitize("\u{9B}31m"), "M-^[31m")
    }

    func testOrdinaryTextIsUnchanged() {
        let text = "Co‑production — “good” ’s naïve cafe\u{301} 日本 한국어 😀 👨\u{200D}👩\u{200D}👧 👍🏽 🇬🇧 ❤\u{FE0F}"
        XCTAssertEqual(Array(VisibleText.sanitize(text).unicodeScalars), Array(text.unicodeScalars))
    }

    func testNoUnsafeScalarSurvivesSanitizing() {
        // Every scalar of the Basic Multilingual Plane, alone and after a letter.
        for v in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar))] {
                for s in VisibleText.sanitize(text).unicodeScalars {
                    XCTAssertFalse(VisibleText.needsStandIn(s), "U+\(String(v, radix: 16)) left \(s.value)")
                }
            }
        }
    }

    func testWidthMeasuresWhatIsDrawn() {
        XCTAssertEqual(VisibleText.width(of: "\u{1B}"), 1)
        XCTAssertEqual(VisibleText.width(of: "\u{7}"), 2)
        XCTAssertEqual(VisibleText.width(of: "\u{202E}"), 5)
        XCTAssertEqual(VisibleText.width(of: "\t"), 1)
        XCTAssertEqual(VisibleText.width(of: "日本"), 4)
        XCTAssertEqual(VisibleText.width(of: "a\u{1B}]0;x\u{7}"), 8)
    }

    /// Safe text comes back as it is (the fast path); one unsafe character anywhere still gets
    /// its stand-in, and a zero-width character alone is still named.
    func testSanitizeKeepsSafeTextAndStillReplacesTheUnsafe() {
        for text in ["", "Plain ASCII, 100%", "Café — 日本 👍🏽", "e\u{301}", "naïve"] {
            XCTAssertEqual(VisibleText.sanitize(text), text)
        }
        XCTAssertEqual(VisibleText.sanitize("Café\u{1B}[2J"), "Café␛[2J")
        XCTAssertEqual(VisibleText.sanitize("日本\u{202E}abc"), "日本⟨RLO⟩abc")
        XCTAssertEqual(VisibleText.sanitize("a\u{200B}b"), "a⟨ZW⟩b")
        XCTAssertEqual(VisibleText.sanitize("\u{301}é"), "⟨ZW⟩é")
    }
}
