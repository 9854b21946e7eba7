import XCTest
@testable import PanelTerminal

/// What the adapter finally writes for a cell's text: never a control character.
final class TerminalCellTextTests: XCTestCase {
    func testOrdinaryCharactersPassUnchanged() {
        for text in ["a", "é", "e\u{301}", "日", "—", "␛", "👍🏽"] {
            XCTAssertEqual(NcursesTerminal.safeForTerminal(text), text)
        }
    }

    func testControlsThatSlippedPastVisibleTextAreNeverWritten() {
        for text in ["\u{1B}", "\u{7}", "\u{0}", "\u{9B}", "\u{85}", "\u{7F}", "\u{202E}", "\u{2066}", "\u{2028}", "a\u{1B}"] {
            XCTAssertEqual(NcursesTerminal.safeForTerminal(text), "?", "for U+\(String(text.unicodeScalars.last!.value, radix: 16))")
        }
    }
}
