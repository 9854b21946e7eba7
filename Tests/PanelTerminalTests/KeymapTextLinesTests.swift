import XCTest
@testable import PanelTerminal
import ScrutinyTestSupport

/// The keymap's lines are found by bytes, for speed, but must be exactly the lines Swift's
/// `Character` split gives (which the line numbers and columns in messages were counted on),
/// and the line check must say the same of every line, byte by byte or Character by Character.
final class KeymapTextLinesTests: XCTestCase {
    /// Texts with every kind of line end, empty lines, lines ending the text, and characters
    /// that join with their neighbours (combining marks, emoji sequences, CR LF).
    private let samples: [String] = [
        "", "\n", "\r\n", "\r", "a", "a\n", "a\nb", "\n\n", "\r\r\n", "\r\n\r\n", "a\rb\r\nc\nd",
        "[global]\n\"q\" = \"quit\"\r\n# é\r\n", "\"\u{301}x\" = \"quit\"\n", "x\n\u{301}y", "\u{1F469}\u{200D}\u{1F52C}\n",
        "a\u{0B}b\u{0C}c\u{85}d\u{2028}e\u{2029}f", "\u{2028}\u{2029}\u{85}", "é\r\n\u{85}\r", "tab\t= 'x'\u{0B}\n",
    ]

    func testLinesAtLineFeedsAreCharacterSplitLines() {
        for text in samples + randomTexts() {
            let expected = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            XCTAssertEqual(KeymapTextLines.atLineFeeds(text), expected, text.debugDescription)
        }
    }

    func testLinesAtNewlinesAreCharacterSplitLines() {
        for text in samples + randomTexts() {
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            XCTAssertEqual(KeymapTextLines.atNewlines(text), expected, text.debugDescription)
        }
    }

    /// A line of ASCII checked byte by byte gets the verdict, column included, that it gets
    /// Character by Character.
    func testTheLineCheckReadsBytesAsItReadsCharacters() {
        let lines = ["[grid]", " [ grid ] # x", "[=x]", "[", "[[a]]", "\"q\" = \"quit\"", "'q' = 'quit'", "q = quit",
                     "\"a\" = [}", "\"q\" = \"\"\"quit\"\"\"", "\"q\" = \"quit\" trailing", "\"q\\u0041\" = \"x\"",
                     "\"q\\u00G1\" = \"x\"", "\"q\\x\" = \"x\"", "\"q\u{7F}\" = \"x\"", "q.x = \"quit\"", "\t#", "",
                     "\"unclosed = \"x", "'a\\' = 'b'", "C-r = \"redo\"", "\"x\" = 3.5", "k = +1:2"]
        for line in lines {
            XCTAssertEqual(KeymapLineCheck.firstProblem(in: line), KeymapLineCheck.firstProblemByCharacters(line), line)
        }
        for line in randomTexts(alphabet: Array("[]\"'=#\\ \tuU0aAqz.-_+:{}")) {
            XCTAssertEqual(KeymapLineCheck.firstProblem(in: line), KeymapLineCheck.firstProblemByCharacters(line), line)
        }
    }

    /// Seeded random texts over an alphabet of line ends and joining characters.
    private func randomTexts(alphabet: [Character] = ["a", " ", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
                                                      "\u{2029}", "\u{301}", "é", "\u{1F469}", "\u{200D}", "\""]) -> [String] {
        var random = SeededGenerator(seed: 42)
        return (0..<300).map { _ in
            String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
    }
}

extension KeymapLineCheck {
    /// The check as it was: every line split and read as Characters.
    static func firstProblemByCharacters(_ text: String) -> Problem? {
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            if let (column, message) = check(Array(raw)) {
                return Problem(line: index + 1, column: column + 1, message: message)
            }
        }
        return nil
    }
}
