import XCTest
@testable import PanelTerminal

/// Where the cursor shows in the wrapped text.
final class EditorLayoutTests: XCTestCase {
    func position(_ state: String, width: Int) -> [Int] {
        let layout = editor(state).layout(width: width)
        return [layout.cursorRow, layout.cursorColumn]
    }

    func testTheLinesAreTheWrappedText() {
        let layout = TextEditor(text: "Lack of data on outcomes").layout(width: 10)
        XCTAssertEqual(layout.lines.map(\.text), ["Lack of", "data on", "outcomes"])
        XCTAssertEqual(layout.lines, TextWrap.wrap("Lack of data on outcomes", width: 10))
    }

    func testCursorPositions() {
        XCTAssertEqual(position("|", width: 10), [0, 0])
        XCTAssertEqual(position("Lack of data on outcomes|", width: 10), [2, 8])
        XCTAssertEqual(position("Lack of |data on outcomes", width: 10), [1, 0])
        XCTAssertEqual(position("Lack of| data on outcomes", width: 10), [0, 7])
    }

    func testTheCursorAtAWrapPointShowsAtTheStartOfTheNextLine() {
        XCTAssertEqual(position("abcd|ef", width: 4), [1, 0])
        XCTAssertEqual(position("abc|def", width: 4), [0, 3])
    }

    func testTheCursorBeforeASpaceEatenByTheWrapStaysAtTheEndOfItsRow() {
        // A full row: the cursor shows one column past it, where the box keeps room.
        XCTAssertEqual(position("abcd| efgh", width: 4), [0, 4])
        XCTAssertEqual(position("abcd |efgh", width: 4), [1, 0])
        XCTAssertEqual(position("abcd|", width: 4), [0, 4])
    }

    func testTheCursorAfterATrailingNewlineIsOnANewEmptyLine() {
        let layout = TextEditor(text: "abc\n").layout(width: 10)
        XCTAssertEqual(layout.lines.map(\.text), ["abc", ""])
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [1, 0])
        XCTAssertEqual(position("abc|\n", width: 10), [0, 3])
    }

    func testEveryOffsetHasItsOwnPlace() {
        let texts = ["Lack of data on outcomes", "abcdefghij klm\n\nno  pq", "日本語のテキスト 👍🏽 🇬🇧 é",
                     "aaaa bbbb cccc"]
        for text in texts {
            for width in 3...9 {
                let layout = TextEditor(text: text).layout(width: width)
                let places = (0...text.count).map { layout.position(of: $0) }
                let distinct = Set(places.map { "\($0.row),\($0.column)" })
                XCTAssertEqual(distinct.count, places.count, "\(text) at \(width)")
                // And in reading order.
                for (a, b) in zip(places, places.dropFirst()) {
                    XCTAssertTrue(a.row < b.row || (a.row == b.row && a.column < b.column),
                                  "\(text) at \(width): \(a) then \(b)")
                }
            }
        }
    }
}
