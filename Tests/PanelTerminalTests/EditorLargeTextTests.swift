import XCTest
@testable import PanelTerminal
import ScrutinyTestSupport

/// A key in the editor costs what is around the cursor, not the length of the text: the text is
/// wrapped whole once, when the editor is first drawn, and each edit re-wraps a few rows. And
/// what the editor keeps from key to key (its rows, its cursor counted in Characters) is always
/// what a fresh editor on the same text and cursor would work out.
final class EditorLargeTextTests: XCTestCase {
    /// One paragraph of about a megabyte, as a clerk's pasted transcript without line breaks.
    static let megabyte = (1...83_400).map { "word" + String($0) }.joined(separator: " ")
    let anchor = Rect(x: 10, y: 5, width: 20, height: 3)
    let bounds = Rect(x: 0, y: 1, width: 120, height: 38)

    private func draw(_ e: TextEditor) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: 120, height: 40)
        EditorBox.draw(e, anchor: anchor, bounds: bounds, into: &buffer, style: Style(.editing))
        return buffer
    }

    private func width(_ e: TextEditor) -> Int {
        EditorBox.placement(for: e, anchor: anchor, bounds: bounds).wrapWidth
    }

    func testKeysOnAMegabyteWrapItOnceAndReWrapOnlyAroundTheCursor() {
        var e = TextEditor(text: Self.megabyte)
        _ = draw(e)
        XCTAssertEqual(e.wrapWork.wholeWraps, 1, "the box's rows, once")
        let actions: [Action] = [.cursorUp, .cursorUp, .wordLeft, .deleteWordBackward, .cursorLineStart,
                                 .deleteBackward, .newline, .cursorDown, .cursorLineEnd, .deleteForward,
                                 .wordRight, .cursorLeft, .cursorRight, .killToLineEnd, .cursorUp, .killToLineStart]
        var edits = 0
        for action in actions {
            if [.deleteWordBackward, .deleteBackward, .newline, .deleteForward, .killToLineEnd,
                .killToLineStart].contains(action) { edits += 1 }
            _ = e.perform(action, width: width(e))
            e.insert("é")
            edits += 1
            _ = draw(e)
        }
        XCTAssertEqual(e.wrapWork.wholeWraps, 1, "no key wrapped the whole text again")
        XCTAssertLessThanOrEqual(e.wrapWork.rowsRewrapped, edits * 8)
        // And the screen is the one a fresh editor, wrapping everything, draws.
        let fresh = TextEditor(text: e.text, cursor: e.cursor)
        XCTAssertEqual(rows(draw(e)), rows(draw(fresh)))
        XCTAssertEqual(draw(e).cursor?.x, draw(fresh).cursor?.x)
        XCTAssertEqual(draw(e).cursor?.y, draw(fresh).cursor?.y)
    }

    func testKillingALongLineReWrapsWhatIsLeft() {
        let rest = "\nlast\nof\nfive\nlines"  // too tall for the cell, so still in the box
        var e = TextEditor(text: "first\n" + Self.megabyte + rest, cursor: 6 + Self.megabyte.utf8.count)
        _ = draw(e)
        _ = e.perform(.killToLineStart, width: width(e))
        XCTAssertEqual(e.text, "first\n" + rest)
        XCTAssertEqual(e.cursor, 6)
        XCTAssertEqual(rows(draw(e)), rows(draw(TextEditor(text: "first\n" + rest, cursor: 6))))
        XCTAssertEqual(e.wrapWork.wholeWraps, 1, "what is left is re-wrapped, not wrapped anew")
    }

    /// A seeded walk of every editor action over text with every kind of character: after each
    /// key the kept rows and the counted cursor equal a fresh editor's.
    func testWhatIsKeptMatchesAFreshEditorAfterEveryKey() {
        var random = SeededGenerator(seed: 11)
        let actions: [Action] = [.cursorLeft, .cursorRight, .wordLeft, .wordRight, .cursorUp, .cursorDown,
                                 .cursorLineStart, .cursorLineEnd, .deleteBackward, .deleteForward,
                                 .deleteWordBackward, .killToLineEnd, .killToLineStart, .newline]
        let typed = ["a", "b c", " ", "\u{301}", "日本", "🇬", "🇧", "👩", "\u{200D}", "\u{202E}", "word ",
                     "\r\n", "\t", "longerword"]
        for text in WrapIndexTests.texts + ["Lack of data on outcomes, and on inputs"] {
            for width in [3, 5, 8] {
                var e = TextEditor(text: text, cursor: random.next(text.count + 1))
                _ = e.layout(width: width)
                for step in 0..<60 {
                    if random.next(3) == 0 {
                        e.insert(typed[random.next(typed.count)])
                    } else {
                        _ = e.perform(actions[random.next(actions.count)], width: width)
                    }
                    let fresh = TextEditor(text: e.text, cursor: e.cursor)
                    let context = "\(text.debugDescription) at \(width), step \(step): \(e.text.debugDescription)"
                    XCTAssertEqual(e.cursorOffset, fresh.cursorOffset, context)
                    XCTAssertEqual(e.cursor, e.text.distance(from: e.text.startIndex,
                                                             to: WrapIndex.index(e.cursorOffset, in: e.text)), context)
                    XCTAssertEqual(e.layout(width: width), fresh.layout(width: width), context)
                }
            }
        }
    }
}
