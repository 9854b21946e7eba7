import XCTest
@testable import PanelTerminal
import ScrutinyTestSupport

/// The rows the editor and the zoom keep as numbers are exactly `TextWrap.wrap`'s, built whole
/// and after any edit, and an edit re-wraps only the rows around it.
final class WrapIndexTests: XCTestCase {
    /// Texts that exercise every branch of the wrap: spaces at a break and at the end, words
    /// wider than the row, line breaks (CR LF too) and empty paragraphs, wide characters,
    /// characters made of several scalars, and stand-ins wider than a narrow row ("⟨RLO⟩").
    static let texts = [
        "", " ", "abc", "abcd ", "Lack of data on outcomes", "abcdefghij klm\n\nno  pq", "a\n", "\n\n",
        "日本語のテキスト 👍🏽 🇬🇧 é", "aaaa bbbb cccc", "ab ab ab ab ab ab", "x\r\ny \r\n\r\nz",
        "a b\u{202E}c d\u{1B}[31m e", "e\u{301}e\u{301} e\u{301}\u{301}x  ", "\u{301}\n\u{301}a",
        "word\tword\u{0}w\u{85}w \u{200B} \u{2028}", "👨\u{200D}👩\u{200D}👧 🇬🇧🇫🇷 ❤\u{FE0F}x",
    ]

    /// The rows as `TextWrap.Line`s (text and Character offsets), through `EditorLayout.lines`.
    private func lines(_ text: String, _ index: WrapIndex) -> [TextWrap.Line] {
        EditorLayout(text: text, index: index, cursor: 0).lines
    }

    func testTheRowsAreTextWrapsLines() {
        for text in Self.texts {
            for width in 1...12 {
                XCTAssertEqual(lines(text, WrapIndex(text, width: width)), TextWrap.wrap(text, width: width),
                               "\(text.debugDescription) at \(width)")
            }
        }
    }

    func testTheRowCountOfTheFirstRowsStopsJustPastTheLimit() {
        let text = String(repeating: "word ", count: 10_000)
        XCTAssertEqual(WrapIndex.rowCount(of: text, width: 10, upTo: 3), 4)
        XCTAssertEqual(WrapIndex.rowCount(of: "a b", width: 10, upTo: 3), 1)
        XCTAssertEqual(WrapIndex.rowCount(of: "a\nb\nc", width: 10, upTo: 3), 3)
        XCTAssertEqual(WrapIndex.rowCount(of: "", width: 10, upTo: 3), 1)
    }

    /// Every edit (a seeded random walk of inserts and deletions of characters that join, wrap
    /// and break) leaves the rows a fresh wrap of the new text would have.
    func testAnEditLeavesTheRowsOfAFreshWrap() {
        var random = SeededGenerator(seed: 7)
        let pieces = ["a", "b", " ", "  ", "\n", "\r\n", "日", "\u{301}", "\u{202E}", "\u{1B}", "🇬", "\u{200D}",
                      "👩", "word ", "longerword", "\t", "e"]
        for text in Self.texts {
            for width in [1, 2, 3, 4, 5, 7, 10] {
                var current = text
                var index = WrapIndex(current, width: width)
                for _ in 0..<40 {
                    let bytes = Array(current.utf8)
                    // Any two scalar boundaries: the index must cope with whatever the text becomes.
                    let boundaries = current.unicodeScalars.indices.map { current.utf8.distance(from: current.utf8.startIndex, to: $0) } + [bytes.count]
                    var a = boundaries[random.next(boundaries.count)]
                    var b = random.next(3) == 0 ? boundaries[random.next(boundaries.count)] : a
                    if a > b { swap(&a, &b) }
                    let inserted = random.next(4) == 0 ? "" : pieces[random.next(pieces.count)]
                    current = String(decoding: bytes[..<a] + Array(inserted.utf8) + bytes[b...], as: UTF8.self)
                    // The editor only ever edits at character boundaries; an index kept across a
                    // scalar-level edit must still match, as long as its first row start stands.
                    index.update(replacing: a..<b, withCount: inserted.utf8.count, in: current)
                    XCTAssertEqual(index, WrapIndex(current, width: width),
                                   "\(text.debugDescription) → \(current.debugDescription) at \(width)")
                }
            }
        }
    }

    /// A letter typed into the middle of a megabyte paragraph re-wraps a handful of rows.
    func testATypedLetterReWrapsOnlyTheRowsAroundIt() {
        let text = (1...83_400).map { "word" + String($0) }.joined(separator: " ")
        var index = WrapIndex(text, width: 60)
        let middle = text.utf8.count / 2
        let bytes = Array(text.utf8)
        let edited = String(decoding: bytes[..<middle] + Array("x".utf8) + bytes[middle...], as: UTF8.self)
        let rewrapped = index.update(replacing: middle..<middle, withCount: 1, in: edited)
        XCTAssertLessThanOrEqual(rewrapped, 6)
        XCTAssertEqual(index, WrapIndex(edited, width: 60))
    }
}
