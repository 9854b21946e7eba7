import XCTest
@testable import PanelTerminal
import ScrutinyTestSupport

/// Wrapping to a column width and truncating with "…".
final class TextWrapTests: XCTestCase {
    func texts(_ text: String, _ width: Int) -> [String] {
        TextWrap.wrap(text, width: width).map(\.text)
    }

    func testBreaksAtSpaces() {
        XCTAssertEqual(texts("Lack of data on outcomes", 10), ["Lack of", "data on", "outcomes"])
        XCTAssertEqual(TextWrap.wrap("Lack of data on outcomes", width: 10).map { [$0.start, $0.end] },
                       [[0, 7], [8, 15], [16, 24]])
    }

    func testASpaceExactlyAtTheBreakIsEaten() {
        XCTAssertEqual(TextWrap.wrap("abcd efgh", width: 4).map { [$0.start, $0.end] }, [[0, 4], [5, 9]])
        XCTAssertEqual(texts("abcd efgh", 4), ["abcd", "efgh"])
    }

    func testBreaksWordsLongerThanTheLine() {
        XCTAssertEqual(texts("abcdefghij", 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(texts("see SENDIASS", 5), ["see", "SENDI", "ASS"])
    }

    func testKeepsHardLineBreaks() {
        XCTAssertEqual(texts("one\n\ntwo three", 20), ["one", "", "two three"])
        XCTAssertEqual(texts("one\n", 20), ["one", ""])
        XCTAssertEqual(texts("", 20), [""])
        XCTAssertEqual(texts("a\r\nb", 20), ["a", "b"])
    }

    func testNeverSplitsACharacter() {
        XCTAssertEqual(texts("日本語テキスト", 5), ["日本", "語テ", "キス", "ト"])
        XCTAssertEqual(texts("👨\u{200D}👩\u{200D}👧👍🏽🇬🇧", 3), ["👨\u{200D}👩\u{200D}👧", "👍🏽", "🇬🇧"])
        XCTAssertEqual(texts("cafe\u{301}s", 4), ["cafe\u{301}", "s"])
        XCTAssertEqual(texts("한국어 낱말", 6), ["한국어", "낱말"])
    }

    func testLinesNeverExceedTheWidth() {
        let samples = ["Lack of data on outcomes — “measures” ’s", "日本語 テキスト 한국어 😀 👍🏽 🇬🇧",
                       "Co-production between the council and parents", "x\u{1B}[31m\u{7}y z"]
        for text in samples {
            for width in 2...12 {
                for line in TextWrap.wrap(text, width: width) {
                    XCTAssertLessThanOrEqual(line.width, width, "\(text) at \(width): \(line.text)")
                }
            }
        }
    }

    func testAWideCharacterInALineOneColumnWideStillGetsALine() {
        XCTAssertEqual(texts("日本", 1), ["日", "本"])
    }

    func testControlCharactersAreMeasuredAsDrawn() {
        // "␛" takes one column and "^G" two, so "^G" no longer fits on the first line.
        XCTAssertEqual(texts("a\u{1B}b\u{7}c", 4), ["a\u{1B}b", "\u{7}c"])
        XCTAssertEqual(TextWrap.wrap("a\tb", width: 10).first?.width, 3)
    }

    func testTruncateEndsWithAnEllipsisWhenItCuts() {
        XCTAssertEqual(TextWrap.truncate("Lack of data", width: 8), "Lack of…")
        XCTAssertEqual(TextWrap.truncate("Lack of data", width: 12), "Lack of data")
        XCTAssertEqual(TextWrap.truncate("Lack of data", width: 40), "Lack of data")
        XCTAssertEqual(TextWrap.truncate("Lack", width: 1), "…")
        XCTAssertEqual(TextWrap.truncate("Lack", width: 0), "")
    }

    func testTruncateNeverExceedsItsWidthWithWideCharacters() {
        XCTAssertEqual(TextWrap.truncate("日本語テキスト", width: 6), "日本…")
        XCTAssertEqual(TextWrap.truncate("日本語テキスト", width: 5), "日本…")
        XCTAssertEqual(TextWrap.truncate("日本語", width: 2), "…")
        XCTAssertEqual(TextWrap.truncate("👍🏽🇬🇧x", width: 4), "👍🏽…")
        for text in ["日本語テキスト", "a日b本c語", "😀😀😀", "x\u{202E}yz", "a\u{7}b\u{1B}c"] {
            for width in 0...10 {
                XCTAssertLessThanOrEqual(VisibleText.width(of: TextWrap.truncate(text, width: width)), width,
                                         "\(text) at \(width)")
            }
        }
    }
}

/// Grid cells hyphenate a word cut because it is wider than the column, so it reads as one.
final class TextWrapHyphenationTests: XCTestCase {
    private func lines(_ text: String, _ width: Int) -> [String] {
        TextWrap.wrap(text, width: width, hyphenate: true).map(\.text)
    }

    func testALongWordIsCutOneLetterEarlierWithAHyphen() {
        XCTAssertEqual(lines("Problematically divided", 14), ["Problematical-", "ly divided"])
        XCTAssertEqual(TextWrap.wrap("Problematically divided", width: 14).map(\.text), ["Problematicall", "y divided"],
                       "the editor's wrapping is unchanged: its lines are the text itself")
    }

    func testNoHyphenBetweenCJKCharactersNorBesidePunctuationNorInTinyColumns() {
        XCTAssertEqual(lines("日本語のテキスト", 6), ["日本語", "のテキ", "スト"])
        XCTAssertEqual(lines("https://example.org", 10), ["https://ex", "ample.org"])
        XCTAssertEqual(lines("abcdef", 3), ["abc", "def"])
    }

    func testTheOffsetsStillCoverTheText() {
        let wrapped = TextWrap.wrap("Problematically", width: 8, hyphenate: true)
        XCTAssertEqual(wrapped.map(\.text), ["Problem-", "atically"])
        XCTAssertEqual(wrapped.map(\.start), [0, 7])
        XCTAssertEqual(wrapped.map(\.end), [7, 15])
    }

    /// Truncating reads only what the width can show, and gives what a whole-text measure gave:
    /// a megabyte line, a line one character too long, and one that just fits.
    func testTruncateOfLongTextMatchesItsShownStart() {
        let huge = String(repeating: "abcdefghij", count: 100_000)
        XCTAssertEqual(TextWrap.truncate(huge, width: 8), "abcdefg…")
        XCTAssertEqual(TextWrap.truncate("abcdefghi", width: 8), "abcdefg…")
        XCTAssertEqual(TextWrap.truncate("abcdefgh", width: 8), "abcdefgh")
        XCTAssertEqual(TextWrap.truncate("日本語の文章", width: 7), "日本語…")
        XCTAssertEqual(TextWrap.truncate("ab\u{1B}cdefgh", width: 4), "ab\u{1B}…", "ESC shows as one column, ␛")
        XCTAssertEqual(TextWrap.truncate("ab\u{1B}", width: 4), "ab\u{1B}")
        XCTAssertEqual(TextWrap.truncate("abcdefgh" + "é", width: 8), "abcdefg…", "ASCII start, more after")
        XCTAssertEqual(TextWrap.truncate("abc", width: 1), "…")
        XCTAssertEqual(TextWrap.truncate("a", width: 1), "a")
    }

    /// A list line of a megabyte paragraph shows its start, sanitized, cut with "…".
    func testVisibleLineCutsBeforeSanitizing() {
        let huge = "Evidence\u{1B} " + String(repeating: "x", count: 1_000_000) + "\nsecond"
        XCTAssertEqual(PaneFrame.visibleLine(huge, columns: 12), "Evidence␛ xxx", "13 characters: one past the width")
        XCTAssertEqual(PaneFrame.pad(huge, 12), "Evidence␛ x…")
        XCTAssertEqual(PaneFrame.pad("short\nsecond", 8), "short   ")
        XCTAssertEqual(PaneFrame.firstLine("one\r\ntwo"), "one\r\ntwo", "CRLF is one Character, kept as before")
        XCTAssertEqual(PaneFrame.firstLine("one\rtwo"), "one")
        XCTAssertEqual(PaneFrame.firstLine("no break"), "no break")
        XCTAssertEqual(PaneFrame.visible("a\u{7}b\nc"), "a^Gb\nc")
        XCTAssertEqual(PaneFrame.visible("a\u{7}b"), "a^Gb")
    }
}

/// ASCII text is wrapped byte by byte; the lines are those the character walk gives.
final class TextWrapASCIITests: XCTestCase {
    func testASCIITextWrapsAsTheCharacterWalkWrapsIt() {
        var random = SeededGenerator(seed: 9)
        let words = ["a", "of", "data", "Problematical", "school-to-school", "http://x.org/a/b", "12345678901", "",
                     "SENDIASS", "x", "  ", "\n", "\n\n", "Depends", "on", "condition", "it's", "(yes)"]
        for _ in 0..<600 {
            let text = (0..<random.next(12)).map { _ in words[random.next(words.count)] }.joined(separator: " ")
            for width in [1, 2, 3, 4, 5, 8, 13, 30] {
                for hyphenate in [false, true] {
                    XCTAssertEqual(TextWrap.wrap(text, width: width, hyphenate: hyphenate),
                                   TextWrap.wrapCharacters(text, width: width, hyphenate: hyphenate),
                                   "\(text.debugDescription) at \(width), hyphenate \(hyphenate)")
                }
            }
        }
    }
}
