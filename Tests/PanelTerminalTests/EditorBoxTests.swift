import XCTest
@testable import PanelTerminal

/// The editor drawn into a screen: in the cell when the text fits, in a box anchored at the
/// cell when it does not. The screen starts full of dots so the tests show exactly which
/// cells the editor covered.
final class EditorBoxTests: XCTestCase {
    let editing = Style(.editing)

    func dottedScreen(width: Int = 40, height: Int = 12) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        buffer.fill(Rect(x: 0, y: 0, width: width, height: height), with: ".")
        return buffer
    }

    func dots(_ n: Int) -> String { String(repeating: ".", count: n) }
    func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    func testTextThatFitsIsEditedInTheCellItself() {
        var screen = dottedScreen()
        let anchor = Rect(x: 5, y: 2, width: 14, height: 2)
        let drawn = EditorBox.draw(TextEditor(text: "Lack of data"), anchor: anchor,
                                   bounds: Rect(x: 0, y: 0, width: 40, height: 12),
                                   into: &screen, style: editing)
        XCTAssertEqual(drawn, anchor)
        XCTAssertEqual(rows(screen)[1...4], [
            dots(40),
            dots(5) + "Lack of data" + spaces(2) + dots(21),
            dots(5) + spaces(14) + dots(21),
            dots(40),
        ])
        XCTAssertEqual(screen.cursor?.x, 17)
        XCTAssertEqual(screen.cursor?.y, 2)
        XCTAssertEqual(screen[5, 2].style, editing)
        XCTAssertEqual(screen[18, 3].style, editing)
        XCTAssertEqual(screen[19, 3].style, .normal)
    }

    func testWrappedTextAndWideCharactersInTheCell() {
        var screen = dottedScreen(width: 20, height: 4)
        var e = TextEditor(text: "日本語 café 👍🏽 ok")
        e.cursor = 4
        let drawn = EditorBox.draw(e, anchor: Rect(x: 1, y: 1, width: 10, height: 2),
                                   bounds: Rect(x: 0, y: 0, width: 20, height: 4),
                                   into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 1, y: 1, width: 10, height: 2))
        XCTAssertEqual(rows(screen), [
            dots(20),
            ".日本語" + spaces(4) + dots(9),
            ".café 👍🏽 ok" + dots(9),
            dots(20),
        ])
        // Offset 4 is before "c", the first character of the second row.
        XCTAssertEqual(screen.cursor?.x, 1)
        XCTAssertEqual(screen.cursor?.y, 2)
    }

    func testAFullRowKeepsTheCursorJustPastTheCell() {
        var screen = dottedScreen()
        EditorBox.draw(TextEditor(text: "abcdefghijkl"), anchor: Rect(x: 5, y: 2, width: 12, height: 1),
                       bounds: Rect(x: 0, y: 0, width: 40, height: 12), into: &screen, style: editing)
        XCTAssertEqual(screen.line(2), dots(5) + "abcdefghijkl" + dots(23))
        XCTAssertEqual(screen.cursor?.x, 17)
    }

    func testTextTooLongForTheCellGrowsABoxDownwards() {
        var screen = dottedScreen()
        let e = TextEditor(text: "Lack of data on outcome measures and on how they are reported")
        let drawn = EditorBox.draw(e, anchor: Rect(x: 5, y: 2, width: 30, height: 1),
                                   bounds: Rect(x: 0, y: 0, width: 40, height: 12),
                                   into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 5, y: 2, width: 30, height: 5))
        XCTAssertEqual(rows(screen), [
            dots(40),
            dots(40),
            dots(5) + "┌────────────────────────────┐" + dots(5),
            dots(5) + "│ Lack of data on outcome    │" + dots(5),
            dots(5) + "│ measures and on how they   │" + dots(5),
            dots(5) + "│ are reported               │" + dots(5),
            dots(5) + "└────────────────────────────┘" + dots(5),
            dots(40), dots(40), dots(40), dots(40), dots(40),
        ])
        XCTAssertEqual(screen.cursor?.x, 19)
        XCTAssertEqual(screen.cursor?.y, 5)
        XCTAssertEqual(screen[5, 2].style, editing)
        XCTAssertEqual(EditorBox.placement(for: e, anchor: Rect(x: 5, y: 2, width: 30, height: 1),
                                           bounds: Rect(x: 0, y: 0, width: 40, height: 12)).wrapWidth, 26)
    }

    func testAtTheBottomOfTheScreenTheBoxGrowsUpwards() {
        var screen = dottedScreen()
        let e = TextEditor(text: "Lack of data on outcome measures and on how they are reported")
        let drawn = EditorBox.draw(e, anchor: Rect(x: 5, y: 10, width: 30, height: 1),
                                   bounds: Rect(x: 0, y: 0, width: 40, height: 12),
                                   into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 5, y: 7, width: 30, height: 5))
        XCTAssertEqual(Array(rows(screen)[6...11]), [
            dots(40),
            dots(5) + "┌────────────────────────────┐" + dots(5),
            dots(5) + "│ Lack of data on outcome    │" + dots(5),
            dots(5) + "│ measures and on how they   │" + dots(5),
            dots(5) + "│ are reported               │" + dots(5),
            dots(5) + "└────────────────────────────┘" + dots(5),
        ])
        XCTAssertEqual(screen.cursor?.x, 19)
        XCTAssertEqual(screen.cursor?.y, 10)
    }

    func testANarrowCellIsWidenedToTheRight() {
        var screen = dottedScreen()
        let e = TextEditor(text: "SENDIASS interview notes")
        let drawn = EditorBox.draw(e, anchor: Rect(x: 2, y: 1, width: 8, height: 2),
                                   bounds: Rect(x: 0, y: 0, width: 40, height: 12),
                                   into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 2, y: 1, width: 24, height: 4))
        XCTAssertEqual(Array(rows(screen)[0...5]), [
            dots(40),
            "..┌──────────────────────┐" + dots(14),
            "..│ SENDIASS interview   │" + dots(14),
            "..│ notes                │" + dots(14),
            "..└──────────────────────┘" + dots(14),
            dots(40),
        ])
        XCTAssertEqual(screen.cursor?.x, 9)
        XCTAssertEqual(screen.cursor?.y, 3)
    }

    func testANarrowCellAtTheRightEdgeIsWidenedToTheLeft() {
        var screen = dottedScreen()
        let e = TextEditor(text: "SENDIASS interview notes")
        let drawn = EditorBox.draw(e, anchor: Rect(x: 30, y: 1, width: 8, height: 1),
                                   bounds: Rect(x: 0, y: 0, width: 40, height: 12),
                                   into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 16, y: 1, width: 24, height: 4))
        XCTAssertEqual(Array(rows(screen)[1...4]), [
            dots(16) + "┌──────────────────────┐",
            dots(16) + "│ SENDIASS interview   │",
            dots(16) + "│ notes                │",
            dots(16) + "└──────────────────────┘",
        ])
    }

    func testAFullRowAtTheRightEdgeOpensABoxSoTheCursorStaysOnScreen() {
        var screen = dottedScreen()
        let drawn = EditorBox.draw(TextEditor(text: "abcdefghijkl"), anchor: Rect(x: 28, y: 2, width: 12, height: 2),
                                   bounds: Rect(x: 0, y: 0, width: 40, height: 12), into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 16, y: 2, width: 24, height: 3))
        XCTAssertEqual(screen.line(3), dots(16) + "│ abcdefghijkl         │")
        XCTAssertEqual(screen.cursor?.x, 30)
        XCTAssertEqual(screen.cursor?.y, 3)
    }

    func longText() -> String {
        (1...10).map { "line \($0)" }.joined(separator: "\n")
    }

    func testALongTextScrollsToShowTheCursorAtTheEnd() {
        var screen = dottedScreen(width: 30, height: 8)
        let drawn = EditorBox.draw(TextEditor(text: longText()), anchor: Rect(x: 2, y: 1, width: 20, height: 1),
                                   bounds: Rect(x: 0, y: 0, width: 30, height: 8), into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 2, y: 0, width: 24, height: 8))
        XCTAssertEqual(rows(screen), [
            "..┌────────────────────↑─┐....",
            "..│ line 5               │....",
            "..│ line 6               │....",
            "..│ line 7               │....",
            "..│ line 8               │....",
            "..│ line 9               │....",
            "..│ line 10              │....",
            "..└──────────────────────┘....",
        ])
        XCTAssertEqual(screen.cursor?.x, 11)
        XCTAssertEqual(screen.cursor?.y, 6)
    }

    func testALongTextShowsItsStartWhenTheCursorIsThere() {
        var screen = dottedScreen(width: 30, height: 8)
        EditorBox.draw(TextEditor(text: longText(), cursor: 0), anchor: Rect(x: 2, y: 1, width: 20, height: 1),
                       bounds: Rect(x: 0, y: 0, width: 30, height: 8), into: &screen, style: editing)
        XCTAssertEqual(rows(screen), [
            "..┌──────────────────────┐....",
            "..│ line 1               │....",
            "..│ line 2               │....",
            "..│ line 3               │....",
            "..│ line 4               │....",
            "..│ line 5               │....",
            "..│ line 6               │....",
            "..└────────────────────↓─┘....",
        ])
        XCTAssertEqual(screen.cursor?.x, 4)
        XCTAssertEqual(screen.cursor?.y, 1)
    }

    func testInTheMiddleBothMarksShow() {
        var screen = dottedScreen(width: 30, height: 8)
        // Cursor on "line 8": rows 3 to 8 in view.
        let cursor = longText().distance(of: "line 8")
        EditorBox.draw(TextEditor(text: longText(), cursor: cursor), anchor: Rect(x: 2, y: 1, width: 20, height: 1),
                       bounds: Rect(x: 0, y: 0, width: 30, height: 8), into: &screen, style: editing)
        XCTAssertEqual(screen.line(0), "..┌────────────────────↑─┐....")
        XCTAssertEqual(screen.line(1), "..│ line 3               │....")
        XCTAssertEqual(screen.line(6), "..│ line 8               │....")
        XCTAssertEqual(screen.line(7), "..└────────────────────↓─┘....")
        XCTAssertEqual(screen.cursor?.y, 6)
    }

    func testWithNoRoomForABoxTheCellItselfScrolls() {
        var screen = dottedScreen(width: 30, height: 2)
        let e = TextEditor(text: "one two three four five six")
        let drawn = EditorBox.draw(e, anchor: Rect(x: 2, y: 0, width: 10, height: 1),
                                   bounds: Rect(x: 0, y: 0, width: 30, height: 2), into: &screen, style: editing)
        XCTAssertEqual(drawn, Rect(x: 2, y: 0, width: 10, height: 1))
        // Rows at width 10: "one two", "three four", "five six"; the cursor's row shows.
        XCTAssertEqual(rows(screen), [".." + "five six  " + dots(18), dots(30)])
        XCTAssertEqual(screen.cursor?.x, 10)
        XCTAssertEqual(screen.cursor?.y, 0)
    }

    func testUpAndDownAtTheBoxWrapWidthMoveTheCursorOneRowOnScreen() {
        let anchor = Rect(x: 5, y: 2, width: 30, height: 1)
        let bounds = Rect(x: 0, y: 0, width: 40, height: 12)
        var e = TextEditor(text: "Lack of data on outcome measures and on how they are reported")
        e.cursor = 27  // "mea|sures": second row of the box, column 3
        func cursorOnScreen() -> [Int] {
            var screen = dottedScreen()
            EditorBox.draw(e, anchor: anchor, bounds: bounds, into: &screen, style: editing)
            return [screen.cursor!.x, screen.cursor!.y]
        }
        let width = EditorBox.placement(for: e, anchor: anchor, bounds: bounds).wrapWidth
        XCTAssertEqual(cursorOnScreen(), [10, 4])
        XCTAssertTrue(e.perform(.cursorUp, width: width))
        XCTAssertEqual(cursorOnScreen(), [10, 3])
        XCTAssertTrue(e.perform(.cursorDown, width: width))
        XCTAssertTrue(e.perform(.cursorDown, width: width))
        XCTAssertEqual(cursorOnScreen(), [10, 5])
    }

    func testControlCharactersInTheTextAreShownNotSent() {
        var screen = dottedScreen(width: 30, height: 3)
        EditorBox.draw(TextEditor(text: "a\u{1B}]0;x\u{7}b\u{202E}c"), anchor: Rect(x: 0, y: 1, width: 30, height: 1),
                       bounds: Rect(x: 0, y: 0, width: 30, height: 3), into: &screen, style: editing)
        XCTAssertEqual(screen.line(1), "a␛]0;x^Gb⟨RLO⟩c")
        XCTAssertEqual(screen.cursor?.x, 15)
    }

    func testTheBoxBlanksAWideCharacterItsEdgeCutsInHalf() {
        var screen = dottedScreen(width: 30, height: 6)
        screen.put("日本語日本語日本語日本語日本語", x: 0, y: 2)
        let e = TextEditor(text: "Lack of data on outcome measures")
        EditorBox.draw(e, anchor: Rect(x: 3, y: 2, width: 24, height: 1),
                       bounds: Rect(x: 0, y: 0, width: 30, height: 6), into: &screen, style: editing)
        // "本" at columns 2–3 lost its right half to the box, and the "本" at 26–27 its left
        // half: what is left of each is now a space.
        XCTAssertEqual(screen.line(2), "日 ┌──────────────────────┐ 語")
    }
}

private extension String {
    /// The Character offset of the first occurrence of `part`.
    func distance(of part: String) -> Int {
        distance(from: startIndex, to: range(of: part)!.lowerBound)
    }
}
