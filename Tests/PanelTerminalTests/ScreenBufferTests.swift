import XCTest
@testable import PanelTerminal
import ScrutinyTestSupport

/// Drawing into the in-memory screen: clipping, wide characters and control characters.
final class ScreenBufferTests: XCTestCase {
    func testPutDrawsTextAndReturnsItsColumns() {
        var screen = ScreenBuffer(width: 10, height: 2)
        XCTAssertEqual(screen.put("café", x: 1, y: 0), 4)
        XCTAssertEqual(screen.put("日本", x: 1, y: 1), 4)
        XCTAssertEqual(screen.text, " café\n 日本")
        XCTAssertEqual(screen[1, 1].character, "日")
        XCTAssertEqual(screen[2, 1].character, "")
    }

    func testEmojiSequencesTakeTwoCellsEach() {
        var screen = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(screen.put("👍🏽🇬🇧👨\u{200D}👩\u{200D}👧❤\u{FE0F}", x: 0, y: 0), 8)
        XCTAssertEqual(screen.line(0), "👍🏽🇬🇧👨\u{200D}👩\u{200D}👧❤\u{FE0F}")
        XCTAssertEqual((0..<8).map { screen[$0, 0].character.isEmpty }, [false, true, false, true, false, true, false, true])
    }

    func testTextIsClippedToMaxWidthAndTheBuffer() {
        var screen = ScreenBuffer(width: 8, height: 2)
        XCTAssertEqual(screen.put("Lack of data", x: 0, y: 0, maxWidth: 4), 4)
        XCTAssertEqual(screen.put("Lack of data", x: 3, y: 1), 5)
        XCTAssertEqual(screen.text, "Lack\n   Lack")
    }

    func testAWideCharacterAtAClippedEdgeBecomesASpace() {
        var screen = ScreenBuffer(width: 6, height: 3)
        screen.fill(Rect(x: 0, y: 0, width: 6, height: 3), with: ".")
        XCTAssertEqual(screen.put("ab日", x: 0, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(screen.put("abcde日", x: 0, y: 1), 6)
        XCTAssertEqual(screen.put("日本", x: -1, y: 2), 3)
        XCTAssertEqual(screen.text, "ab ...\nabcde\n 本...")
        XCTAssertEqual(screen[5, 1].character, " ")
    }

    func testDrawingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = ScreenBuffer(width: 6, height: 2)
        screen.put("日本語", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        screen.put("y", x: 4, y: 0)
        XCTAssertEqual(screen.line(0), " x本y")
        screen.put("日本語", x: 0, y: 1)
        screen.put("한", x: 1, y: 1)
        XCTAssertEqual(screen.line(1), " 한 語")
    }

    func testFillBlanksAWideCharacterItsEdgeCuts() {
        var screen = ScreenBuffer(width: 6, height: 1)
        screen.put("日本語", x: 0, y: 0)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: "-")
        // 日 lost its right half and 本 its left half: both remaining halves are spaces.
        XCTAssertEqual(screen.line(0), " -- 語")
    }

    func testControlCharactersAreDrawnVisibly() {
        var screen = ScreenBuffer(width: 40, height: 4)
        screen.put("a\u{1B}[31mb\u{7}c\u{0}", x: 0, y: 0)
        screen.put("\u{1B}]0;title\u{7}", x: 0, y: 1)
        screen.put("\u{85}\u{9B}x\u{202E}y", x: 0, y: 2)
        screen.put("zero\u{200B}width\ttab", x: 0, y: 3)
        XCTAssertEqual(rows(screen), [
            "a␛[31mb^Gc^@",
            "␛]0;title^G",
            "M-^EM-^[x⟨RLO⟩y",
            "zero⟨ZW⟩width tab",
        ])
        for cell in screen.cells {
            for s in cell.character.unicodeScalars {
                XCTAssertFalse(s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x202E)
            }
        }
    }

    func testChangesListOnlyTheCellsThatDiffer() {
        var before = ScreenBuffer(width: 4, height: 2)
        before.put("ab", x: 0, y: 0)
        var after = before
        after.put("x", x: 1, y: 1)
        let changes = after.changes(since: before)
        XCTAssertEqual(changes.map { [$0.x, $0.y] }, [[1, 1]])
        XCTAssertEqual(changes.first?.cell.character, "x")
        XCTAssertEqual(after.changes(since: nil).count, 8)
    }

    /// ASCII text is placed byte by byte; the results are those of the character walk: cut at
    /// the edge, a combining mark on the last letter that fits still joins it, and a start left
    /// of the screen is clipped.
    func testASCIITextIsPlacedAsTheCharacterWalkPlacesIt() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        XCTAssertEqual(buffer.put("abcdefgh", x: 0, y: 0, maxWidth: 5), 5)
        XCTAssertEqual(buffer.line(0), "abcde")
        XCTAssertEqual(buffer.put("abcde\u{301}", x: 0, y: 1, maxWidth: 5), 5)
        XCTAssertEqual(buffer.line(1), "abcde\u{301}")
        XCTAssertEqual(buffer.put("abe\u{301}", x: 0, y: 2), 3)
        XCTAssertEqual(buffer.line(2), "abe\u{301}")
        XCTAssertEqual(buffer.put("xyz12", x: -2, y: 0), 3)
        XCTAssertEqual(buffer.line(0), "z12de")
    }

    /// The fast paths of `put` (ASCII, plain narrow scalars) place exactly what the character
    /// walk places: box rules, marks and accents, next to wide characters, combining marks and
    /// controls, from every start and at every width, over wide characters already there.
    func testFastPathsPlaceWhatTheCharacterWalkPlaces() {
        let texts = ["┌──────┐", "— ≠ ● ◆ ✗ ▴ ▾ · ×…", "Café ŷ", "ab—e\u{301}", "──\u{301}", "a漢─b", "✗\u{1B}x",
                     "‹›⟨⟩↵␛", "", "plain ascii", "x\u{202E}y", "abc─", "───────\u{20DD}", "é\u{AD}é"]
        for text in texts {
            for x in -3...9 {
                for maxWidth in [nil, 0, 1, 2, 3, 5, 8] {
                    var fast = ScreenBuffer(width: 8, height: 1)
                    fast.put("日本語ab", x: 0, y: 0)
                    var walked = fast
                    let columns = fast.put(text, x: x, y: 0, style: Style(.mark), maxWidth: maxWidth)
                    let limit = min(walked.width, x + (maxWidth ?? walked.width))
                    let walkedColumns = x < walked.width ? walked.putCharacters(text, x: x, y: 0, style: Style(.mark), limit: limit) : 0
                    let what = "\(text.debugDescription) at \(x), maxWidth \(String(describing: maxWidth))"
                    XCTAssertEqual(columns, walkedColumns, what)
                    XCTAssertEqual(fast, walked, what + ": \(fast.line(0)) vs \(walked.line(0))")
                }
            }
        }
    }

    /// A cell keeps any character exactly, however long: ASCII, accents, wide and combined
    /// characters inline, an emoji family of 25 bytes through the table of long characters.
    func testACellGivesBackTheCharacterItWasGiven() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        XCTAssertGreaterThan(family.utf8.count, 15)
        for text in ["", " ", "a", "~", "é", "e\u{301}", "日", "─", "🇬🇧", "1\u{FE0F}\u{20E3}", family, "\u{0}", "abcdefghijklmno"] {
            let cell = ScreenBuffer.Cell(character: text, style: Style(.mark))
            XCTAssertEqual(cell.character, text, text.debugDescription)
            XCTAssertEqual(cell.glyph.isEmpty, text.isEmpty, text.debugDescription)
            XCTAssertEqual(cell, ScreenBuffer.Cell(character: String(text), style: Style(.mark)))
        }
        XCTAssertNotEqual(ScreenBuffer.Cell(character: "a", style: .normal), ScreenBuffer.Cell(character: "b", style: .normal))
        XCTAssertNotEqual(ScreenBuffer.Cell(character: family, style: .normal), ScreenBuffer.Cell(character: "👨", style: .normal))
        var screen = ScreenBuffer(width: 6, height: 1)
        XCTAssertEqual(screen.put("a" + family + "b", x: 0, y: 0), 4)
        XCTAssertEqual(screen[1, 0].character, family)
        XCTAssertEqual(screen.line(0), "a" + family + "b")
        var cell = screen[4, 0]
        cell.character = "Z"
        screen[4, 0] = cell
        XCTAssertEqual(screen.line(0), "a" + family + "bZ")
    }

    /// The terminal adapter's shortcut: a cell of one plain narrow scalar is read as that scalar;
    /// anything else (several scalars, wide, a control) is not, and goes the long way.
    func testAPlainNarrowGlyphIsReadAsItsScalar() {
        for text in ["a", " ", "~", "é", "ÿ", "─", "—", "…", "●", "◆", "≠", "✗", "⟩", "␛"] {
            XCTAssertEqual(Glyph(text).plainNarrowScalar, text.unicodeScalars.first!.value, text)
        }
        for text in ["", "e\u{301}", "日", "😀", "\u{1B}", "\u{7F}", "\u{202E}", "\u{AD}", "ab", "\u{0}", "👨\u{200D}👩\u{200D}👧\u{200D}👦"] {
            XCTAssertNil(Glyph(text).plainNarrowScalar, text.debugDescription)
        }
    }

    /// The changes between two frames are exactly the cells that differ, whatever was drawn in
    /// between (rows skipped whole when their bytes match, others compared cell by cell).
    func testChangesAreTheCellsThatDifferAfterAnyDrawing() {
        var random = SeededGenerator(seed: 5)
        let texts = ["abc", "─┼─", "日本", "✗ ≠", "x", "  ", "e\u{301}"]
        var previous = ScreenBuffer(width: 20, height: 6)
        for _ in 0..<300 {
            var next = previous
            for _ in 0..<random.next(4) {
                let style = random.next(2) == 0 ? Style.normal : Style(.selected, bold: true)
                if random.next(3) == 0 {
                    next.fill(Rect(x: random.next(20), y: random.next(6), width: random.next(8), height: random.next(3)), style: style)
                } else {
                    next.put(texts[random.next(texts.count)], x: random.next(22) - 2, y: random.next(6), style: style)
                }
            }
            var expected: [[Int]] = []
            for y in 0..<6 {
                for x in 0..<20 where next[x, y] != previous[x, y] { expected.append([x, y]) }
            }
            let changes = next.changes(since: previous)
            XCTAssertEqual(changes.map { [$0.x, $0.y] }, expected)
            XCTAssertTrue(changes.allSatisfy { next[$0.x, $0.y] == $0.cell })
            previous = next
        }
        XCTAssertEqual(previous.changes(since: previous).count, 0)
    }
}
