import XCTest
@testable import PanelTerminal

/// Every editor action on plain text, at the start and end of the text and across line breaks.
final class EditorActionTests: XCTestCase {
    func testOpensWithTheCursorAtTheEnd() {
        let e = TextEditor(text: "Lack of data")
        XCTAssertEqual(e.cursor, 12)
        XCTAssertEqual(marked(e), "Lack of data|")
    }

    func testADraftCursorIsKeptAndClampedToTheText() {
        XCTAssertEqual(TextEditor(text: "abc", cursor: 1).cursor, 1)
        XCTAssertEqual(TextEditor(text: "abc", cursor: 9).cursor, 3)
        XCTAssertEqual(TextEditor(text: "abc", cursor: -2).cursor, 0)
    }

    func testSettingTheCursorClampsIt() {
        var e = TextEditor(text: "abc")
        e.cursor = 10
        XCTAssertEqual(e.cursor, 3)
        e.cursor = -1
        XCTAssertEqual(e.cursor, 0)
    }

    func testCursorLeftAndRightByCharacter() {
        XCTAssertEqual(after(.cursorLeft, on: "ab|c"), "a|bc")
        XCTAssertEqual(after(.cursorRight, on: "ab|c"), "abc|")
        XCTAssertEqual(after(.cursorLeft, on: "|abc"), "|abc")
        XCTAssertEqual(after(.cursorRight, on: "abc|"), "abc|")
        XCTAssertEqual(after(.cursorRight, on: "ab|\ncd"), "ab\n|cd")
        XCTAssertEqual(after(.cursorLeft, on: "ab\n|cd"), "ab|\ncd")
    }

    func testInsertTypesAtTheCursor() {
        var e = editor("Lack |data")
        e.insert("o")
        e.insert("f ")
        XCTAssertEqual(marked(e), "Lack of |data")
    }

    func testDeleteBackward() {
        XCTAssertEqual(after(.deleteBackward, on: "abc|"), "ab|")
        XCTAssertEqual(after(.deleteBackward, on: "a|bc"), "|bc")
        XCTAssertEqual(after(.deleteBackward, on: "|abc"), "|abc")
        XCTAssertEqual(after(.deleteBackward, on: "ab\n|cd"), "ab|cd")
        XCTAssertEqual(after(.deleteBackward, on: "|"), "|")
    }

    func testDeleteForward() {
        XCTAssertEqual(after(.deleteForward, on: "|abc"), "|bc")
        XCTAssertEqual(after(.deleteForward, on: "ab|c"), "ab|")
        XCTAssertEqual(after(.deleteForward, on: "abc|"), "abc|")
        XCTAssertEqual(after(.deleteForward, on: "ab|\ncd"), "ab|cd")
    }

    func testDeleteWordBackwardTakesTheWordAndTheSpacesAfterIt() {
        XCTAssertEqual(after(.deleteWordBackward, on: "Lack of data|"), "Lack of |")
        XCTAssertEqual(after(.deleteWordBackward, on: "Lack of   |"), "Lack |")
        XCTAssertEqual(after(.deleteWordBackward, on: "Lack of da|ta"), "Lack of |ta")
        XCTAssertEqual(after(.deleteWordBackward, on: "see co-production,|"), "see |")
        XCTAssertEqual(after(.deleteWordBackward, on: "|Lack"), "|Lack")
        XCTAssertEqual(after(.deleteWordBackward, on: "word|"), "|")
    }

    func testDeleteWordBackwardStopsAtALineBreak() {
        XCTAssertEqual(after(.deleteWordBackward, on: "one\ntwo|"), "one\n|")
        XCTAssertEqual(after(.deleteWordBackward, on: "one\n  two|"), "one\n  |")
        XCTAssertEqual(after(.deleteWordBackward, on: "one\n   |"), "one\n|")
        // Right after a line break it deletes the break only, like Backspace.
        XCTAssertEqual(after(.deleteWordBackward, on: "one two\n|three"), "one two|three")
    }

    func testKillToLineEndDeletesToTheEndOfTheLogicalLine() {
        XCTAssertEqual(after(.killToLineEnd, on: "Lack |of data"), "Lack |")
        XCTAssertEqual(after(.killToLineEnd, on: "one |two\nthree"), "one |\nthree")
        XCTAssertEqual(after(.killToLineEnd, on: "|one"), "|")
        XCTAssertEqual(after(.killToLineEnd, on: "one|"), "one|")
    }

    func testKillToLineEndAtTheEndOfALineJoinsTheNextLine() {
        XCTAssertEqual(after(.killToLineEnd, on: "one|\ntwo"), "one|two")
        XCTAssertEqual(after(.killToLineEnd, on: "one|\n\ntwo"), "one|\ntwo")
    }

    func testKillToLineEndIgnoresSoftWrapping() {
        // "aaaa bbbb" wraps at width 4, but the logical line goes on to the end.
        XCTAssertEqual(after(.killToLineEnd, on: "a|aaa bbbb", width: 4), "a|")
    }

    func testKillToLineStartDeletesToTheStartOfTheLogicalLine() {
        XCTAssertEqual(after(.killToLineStart, on: "Lack of| data"), "| data")
        XCTAssertEqual(after(.killToLineStart, on: "one\ntwo th|ree"), "one\n|ree")
        XCTAssertEqual(after(.killToLineStart, on: "one\n|two"), "one\n|two")
        XCTAssertEqual(after(.killToLineStart, on: "|one"), "|one")
    }

    func testNewlineInsertsALineBreak() {
        XCTAssertEqual(after(.newline, on: "one|two"), "one\n|two")
        XCTAssertEqual(after(.newline, on: "|"), "\n|")
        XCTAssertEqual(after([.newline, .newline], on: "end|"), "end\n\n|")
    }

    func testLineStartAndEndOfALogicalLine() {
        XCTAssertEqual(after(.cursorLineStart, on: "one\ntw|o\nthree"), "one\n|two\nthree")
        XCTAssertEqual(after(.cursorLineEnd, on: "one\nt|wo\nthree"), "one\ntwo|\nthree")
        XCTAssertEqual(after(.cursorLineStart, on: "|one"), "|one")
        XCTAssertEqual(after(.cursorLineEnd, on: "one|"), "one|")
    }

    func testLineStartAndEndOfAVisualLine() {
        // Width 10: "Lack of" / "data on" / "outcomes".
        XCTAssertEqual(editor("Lack of data |on outcomes").layout(width: 10).lines.map(\.text),
                       ["Lack of", "data on", "outcomes"])
        XCTAssertEqual(after(.cursorLineStart, on: "Lack of data o|n outcomes", width: 10),
                       "Lack of |data on outcomes")
        XCTAssertEqual(after(.cursorLineEnd, on: "Lack of d|ata on outcomes", width: 10),
                       "Lack of data on| outcomes")
        XCTAssertEqual(after(.cursorLineEnd, on: "La|ck of data on outcomes", width: 10),
                       "Lack of| data on outcomes")
    }

    func testLineEndOfARowCutInsideAWordStopsBeforeTheWrapPoint() {
        // "abcdef" at width 4 is "abcd" / "ef": the offset after "d" shows at the start of
        // the next row, so End on the first row stops before "d".
        XCTAssertEqual(after(.cursorLineEnd, on: "a|bcdef", width: 4), "abc|def")
        XCTAssertEqual(after(.cursorLineStart, on: "abcde|f", width: 4), "abcd|ef")
    }

    func testFinishAndLeaveAreTheWorkspacesAndChangeNothing() {
        for action in [Action.finishEdit, .leaveEdit, .quit, .undo, .moveUp, .edit] {
            var e = editor("ab|c")
            XCTAssertFalse(e.perform(action, width: 80), "\(action)")
            XCTAssertEqual(marked(e), "ab|c")
        }
    }

    func testEveryEditorActionIsHandled() {
        let editorActions: [Action] = [
            .cursorLeft, .cursorRight, .wordLeft, .wordRight, .cursorUp, .cursorDown,
            .cursorLineStart, .cursorLineEnd, .deleteBackward, .deleteForward,
            .deleteWordBackward, .killToLineEnd, .killToLineStart, .newline,
        ]
        for action in editorActions {
            var e = editor("one |two")
            XCTAssertTrue(e.perform(action, width: 80), "\(action)")
        }
        // Handled even where it has nothing to do, so the key is never passed on.
        var empty = TextEditor(text: "")
        XCTAssertTrue(empty.perform(.deleteBackward, width: 80))
        XCTAssertEqual(empty.text, "")
    }
}
