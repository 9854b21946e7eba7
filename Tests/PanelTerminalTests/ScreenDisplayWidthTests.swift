import XCTest
@testable import PanelTerminal

/// Display widths the terminal really uses: one column for Latin text and typographic
/// punctuation, two for CJK, Hangul and emoji pictures, none for joiners and combining marks.
final class ScreenDisplayWidthTests: XCTestCase {
    func width(_ c: Character) -> Int { DisplayWidth.of(c) }

    func testLatinLettersAndTypographicPunctuationAreOneColumn() {
        for c: Character in ["a", "Z", "é", "e\u{301}", "ï", "ß", "ł", "’", "‘", "“", "”", "—", "–", "…", "€", "£", "·", "ﬁ"] {
            XCTAssertEqual(width(c), 1, "\(c)")
        }
    }

    func testCJKHangulAndFullwidthFormsAreTwoColumns() {
        for c: Character in ["日", "本", "語", "の", "テ", "한", "국", "Ａ", "　", "、", "𠀋"] {
            XCTAssertEqual(width(c), 2, "\(c)")
        }
        // Hangul written as conjoining jamo is one syllable, two columns.
        XCTAssertEqual(width("\u{1100}\u{1161}\u{11A8}"), 2)
        // Halfwidth katakana stays narrow.
        XCTAssertEqual(width("ｱ"), 1)
    }

    func testEmojiPicturesAreTwoColumns() {
        let emoji: [Character] = ["😀", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇬🇧", "❤\u{FE0F}", "1\u{FE0F}\u{20E3}", "☕", "⌚", "🚀", "🥲"]
        for c in emoji {
            XCTAssertEqual(width(c), 2, "\(c.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // The heart without VS16 is a text symbol, one column, as terminals draw it.
        XCTAssertEqual(width("❤"), 1)
    }

    func testZeroWidthCharactersAndMarks() {
        for c: Character in ["\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{301}", "\u{FE0F}"] {
            XCTAssertEqual(width(c), 0, "\(c.unicodeScalars.first!.value)")
        }
    }

    func testControlCharactersHaveNoWidthOfTheirOwn() {
        // They are drawn as stand-ins; `VisibleText.width` measures those.
        for c: Character in ["\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}"] {
            XCTAssertEqual(width(c), 0)
        }
    }

    func testTextWidthIsTheSumOfItsCharacters() {
        XCTAssertEqual(DisplayWidth.of("Co-production"), 13)
        XCTAssertEqual(DisplayWidth.of("café 日本"), 9)
        XCTAssertEqual(DisplayWidth.of("👍🏽 🇬🇧 é"), 7)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    /// The scalars measured without a property look-up are what the full measure says: one
    /// column, no stand-in, and never joined to a neighbour (so `put` may place them one by one).
    func testPlainNarrowScalarsAreOneColumnDrawnAsTheyAreAndStandAlone() {
        var count = 0
        for v in UInt32(0)...0x10FFFF where DisplayWidth.isPlainNarrow(v) {
            guard let s = Unicode.Scalar(v) else { return XCTFail("\(v) is not a scalar") }
            count += 1
            let hex = String(v, radix: 16)
            XCTAssertEqual(DisplayWidth.measured(s), 1, hex)
            switch s.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .nonspacingMark, .spacingMark, .enclosingMark,
                 .surrogate, .privateUse, .unassigned:
                XCTFail("\(hex) is \(s.properties.generalCategory)")
            default:
                break
            }
            XCTAssertFalse(s.properties.isGraphemeExtend || s.properties.isEmojiPresentation, hex)
            let c = Character(s)
            XCTAssertEqual(VisibleText.display(c), [c], hex)
            XCTAssertEqual("\(c)\(c)a\(c)─\(c)".count, 6, hex)
        }
        XCTAssertGreaterThan(count, 1000)
        for c: Character in ["─", "│", "┌", "—", "…", "·", "×", "≠", "●", "◆", "▴", "▾", "✗", "↵", "‹", "›", "⟨", "⟩", "␛", "é"] {
            XCTAssertTrue(DisplayWidth.isPlainNarrow(c.unicodeScalars.first!.value), "\(c)")
        }
        for v: UInt32 in [0x7F, 0xAD, 0x300, 0x200B, 0x2028, 0x202E, 0x231A, 0x25FD, 0x2705, 0x1F600] {
            XCTAssertFalse(DisplayWidth.isPlainNarrow(v), String(v, radix: 16))
        }
    }
}
