import XCTest
@testable import PanelTerminal

/// Word movement and up/down by visual line with a goal column.
final class EditorMovementTests: XCTestCase {
    // MARK: words

    func testWordRightGoesToTheEndOfTheNextWord() {
        XCTAssertEqual(after(.wordRight, on: "|Lack of data"), "Lack| of data")
        XCTAssertEqual(after(.wordRight, on: "Lack| of data"), "Lack of| data")
        XCTAssertEqual(after(.wordRight, on: "Lack of da|ta"), "Lack of data|")
        XCTAssertEqual(after(.wordRight, on: "Lack of data|"), "Lack of data|")
    }

    func testWordLeftGoesToTheStartOfThePreviousWord() {
        XCTAssertEqual(after(.wordLeft, on: "Lack of data|"), "Lack of |data")
        XCTAssertEqual(after(.wordLeft, on: "Lack of |data"), "Lack |of data")
        XCTAssertEqual(after(.wordLeft, on: "La|ck"), "|Lack")
        XCTAssertEqual(after(.wordLeft, on: "|Lack"), "|Lack")
    }

    func testWordsAreRunsOfLettersAndDigitsWithAccents() {
        XCTAssertEqual(after(.wordRight, on: "|naïve café, 2024"), "naïve| café, 2024")
        XCTAssertEqual(after([.wordRight, .wordRight], on: "|naïve café, 2024"), "naïve café|, 2024")
        XCTAssertEqual(after([.wordRight, .wordRight, .wordRight], on: "|naïve café, 2024"),
                       "naïve café, 2024|")
        // e + combining accent is one letter.
        XCTAssertEqual(after(.wordLeft, on: "the cafe\u{301}|"), "the |cafe\u{301}")
    }

    func testPunctuationAndTypographicQuotesAreSkipped() {
        XCTAssertEqual(after(.wordRight, on: "|“Parents’ forum” — notes"), "“Parents|’ forum” — notes")
        XCTAssertEqual(after([.wordRight, .wordRight], on: "|“Parents’ forum” — notes"),
                       "“Parents’ forum|” — notes")
        XCTAssertEqual(after(.wordRight, on: "“Parents’ forum|” — notes"), "“Parents’ forum” — notes|")
        XCTAssertEqual(after(.wordLeft, on: "co-production|"), "co-|production")
    }

    func testCJKRunsAreWordsAndSpacesSeparateThem() {
        XCTAssertEqual(after(.wordRight, on: "|日本語 テキスト"), "日本語| テキスト")
        XCTAssertEqual(after(.wordLeft, on: "日本語 テキスト|"), "日本語 |テキスト")
        XCTAssertEqual(after(.wordLeft, on: "日本語、|テキスト"), "|日本語、テキスト")
        XCTAssertEqual(after(.wordRight, on: "|한국어 낱말"), "한국어| 낱말")
    }

    func testWordMovementCrossesLineBreaks() {
        XCTAssertEqual(after(.wordRight, on: "one|\ntwo"), "one\ntwo|")
        XCTAssertEqual(after(.wordLeft, on: "one\n|two"), "|one\ntwo")
    }

    // MARK: up and down

    func testUpAndDownKeepTheGoalColumnAcrossAShortLine() {
        let start = "one tw|o\nab\nthree four"
        XCTAssertEqual(after(.cursorDown, on: start), "one two\nab|\nthree four")
        XCTAssertEqual(after([.cursorDown, .cursorDown], on: start), "one two\nab\nthree |four")
        XCTAssertEqual(after([.cursorDown, .cursorDown, .cursorUp, .cursorUp], on: start), start)
    }

    func testTheGoalColumnSurvivesAnEmptyLine() {
        XCTAssertEqual(after(.cursorDown, on: "abcd|ef\n\nabcdef"), "abcdef\n|\nabcdef")
        XCTAssertEqual(after([.cursorDown, .cursorDown], on: "abcd|ef\n\nabcdef"), "abcdef\n\nabcd|ef")
    }

    func testMovingSidewaysForgetsTheGoalColumn() {
        XCTAssertEqual(after([.cursorDown, .cursorLeft, .cursorDown], on: "abcd|ef\nab\nabcdef"),
                       "abcdef\nab\na|bcdef")
    }

    func testUpAndDownMoveByVisualLine() {
        // Width 10: "Lack of" / "data on" / "outcomes".
        let start = "Lack o|f data on outcomes"
        XCTAssertEqual(after(.cursorDown, on: start, width: 10), "Lack of data o|n outcomes")
        XCTAssertEqual(after([.cursorDown, .cursorDown], on: start, width: 10), "Lack of data on outcom|es")
        XCTAssertEqual(after(.cursorUp, on: "Lack of data on ou|tcomes", width: 10), "Lack of da|ta on outcomes")
    }

    func testUpOnTheFirstLineGoesToTheStartAndDownOnTheLastToTheEnd() {
        XCTAssertEqual(after(.cursorUp, on: "ab|c\ndef"), "|abc\ndef")
        XCTAssertEqual(after(.cursorDown, on: "abc\nd|ef"), "abc\ndef|")
        XCTAssertEqual(after(.cursorUp, on: "|"), "|")
        XCTAssertEqual(after(.cursorDown, on: "|"), "|")
    }

    func testUpAndDownLineUpWideCharactersByDisplayColumn() {
        // Column 3 falls on the right half of "本": the cursor goes before it.
        XCTAssertEqual(after(.cursorUp, on: "日本語テキスト\nabc|defgh"), "日|本語テキスト\nabcdefgh")
        XCTAssertEqual(after(.cursorDown, on: "日本|語テキスト\nabcdefgh"), "日本語テキスト\nabcd|efgh")
        XCTAssertEqual(after(.cursorDown, on: "abcd|efgh\n日本語"), "abcdefgh\n日本|語")
        XCTAssertEqual(after(.cursorDown, on: "abcd|efgh\n👍🏽🇬🇧x"), "abcdefgh\n👍🏽🇬🇧|x")
        XCTAssertEqual(after(.cursorDown, on: "abc|defgh\n👍🏽🇬🇧x"), "abcdefgh\n👍🏽|🇬🇧x")
    }

    /// Left at the start of the text moves nothing but still ends the goal column, as any
    /// horizontal move does: down then aims for the column the cursor is in, not the one kept.
    func testLeftAtTheStartStillEndsTheGoalColumn() {
        // Up from column 1 lands at 0 before the wide "日", keeping the goal 1.
        XCTAssertEqual(after([.cursorUp, .cursorDown], on: "日x\na|b"), "日x\na|b")
        XCTAssertEqual(after([.cursorUp, .cursorLeft, .cursorDown], on: "日x\na|b"), "日x\n|ab")
    }
}
