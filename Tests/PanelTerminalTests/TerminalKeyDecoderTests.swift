import CNcurses
import XCTest
@testable import PanelTerminal

/// `get_wch` results in, key presses, pastes and resizes out.
final class TerminalKeyDecoderTests: XCTestCase {
    private func decode(_ inputs: [RawInput], decoder: KeyDecoder = KeyDecoder(), times: [Double]? = nil) -> [InputEvent] {
        var decoder = decoder
        var events: [InputEvent] = []
        for (index, input) in inputs.enumerated() {
            events += decoder.feed(input, at: times?[index] ?? 0)
        }
        return events
    }

    private func chars(_ text: String) -> [RawInput] {
        text.unicodeScalars.map { .character($0.value) }
    }

    private func keys(_ list: Key...) -> [InputEvent] { list.map { .key($0) } }

    func testPrintableCharactersIncludingAccentsAndCJKAreCharacterKeys() {
        XCTAssertEqual(decode(chars("aé—日")), keys(.char("a"), .char("é"), .char("—"), .char("日")))
    }

    func testEnterTabAndBackspaceInEveryForm() {
        XCTAssertEqual(decode([.character(13), .character(10), .keyCode(KEY_ENTER)]),
                       keys(Key(.enter), Key(.enter), Key(.enter)))
        XCTAssertEqual(decode([.character(9), .keyCode(KEY_BTAB)]), keys(Key(.tab), Key(.tab, shift: true)))
        XCTAssertEqual(decode([.character(127), .character(8), .keyCode(KEY_BACKSPACE)]),
                       keys(Key(.backspace), Key(.backspace), Key(.backspace)))
    }

    func testCtrlLettersExceptTabAndEnter() {
        XCTAssertEqual(decode([.character(1), .character(3), .character(18), .character(19), .character(17), .character(26)]),
                       keys(.ctrl("a"), .ctrl("c"), .ctrl("r"), .ctrl("s"), .ctrl("q"), .ctrl("z")))
    }

    func testNavigationKeyCodesIncludingTheFindAndSelectThatTmuxSendsForHomeAndEnd() {
        XCTAssertEqual(decode([.keyCode(KEY_UP), .keyCode(KEY_DOWN), .keyCode(KEY_LEFT), .keyCode(KEY_RIGHT),
                               .keyCode(KEY_HOME), .keyCode(KEY_END), .keyCode(KEY_FIND), .keyCode(KEY_SELECT),
                               .keyCode(KEY_PPAGE), .keyCode(KEY_NPAGE), .keyCode(KEY_DC)]),
                       keys(Key(.up), Key(.down), Key(.left), Key(.right), Key(.home), Key(.end),
                            Key(.home), Key(.end), Key(.pageUp), Key(.pageDown), Key(.delete)))
    }

    func testFunctionKeysOneToTwelveAndShiftedOnes() {
        let codes = (1...12).map { RawInput.keyCode(scrutiny_key_f(Int32($0))) }
        XCTAssertEqual(decode(codes), (1...12).map { .key(Key(.function($0))) })
        XCTAssertEqual(decode([.keyCode(scrutiny_key_f(17))]), keys(Key(.function(5), shift: true)))
    }

    func testExtendedKeyCodesComeFromTheTableTheAdapterBuilt() {
        let decoder = KeyDecoder(extendedKeys: [600: Key(.left, ctrl: true), 601: Key(.right, ctrl: true)])
        XCTAssertEqual(decode([.keyCode(600), .keyCode(601), .keyCode(602)], decoder: decoder),
                       keys(Key(.left, ctrl: true), Key(.right, ctrl: true)))
    }

    func testExtendedKeyNamesCoverCtrlArrowsWithXtermModifierNumbers() {
        let names = Dictionary(uniqueKeysWithValues: KeyDecoder.extendedKeyNames.map { ($0.name, $0.key) })
        XCTAssertEqual(names["kLFT5"], Key(.left, ctrl: true))
        XCTAssertEqual(names["kRIT5"], Key(.right, ctrl: true))
        XCTAssertEqual(names["kUP3"], Key(.up, alt: true))
        XCTAssertEqual(names["kDN2"], Key(.down, shift: true))
        XCTAssertEqual(names["kHOM6"], Key(.home, ctrl: true, shift: true))
        XCTAssertEqual(names["kEND7"], Key(.end, ctrl: true, alt: true))
    }

    func testEscAloneIsEscapeOnceTheFollowUpReadTimesOut() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed(.character(27), at: 0), [])
        XCTAssertTrue(decoder.wantsFollowUp)
        XCTAssertEqual(decoder.feed(.timeout, at: 0.03), keys(Key(.escape)))
        XCTAssertFalse(decoder.wantsFollowUp)
    }

    func testAltKeyIsEscThenTheKeyAtOnce() {
        XCTAssertEqual(decode([.character(27), .character(98)]), keys(.alt("b")))
        XCTAssertEqual(decode([.character(27), .character(13)]), keys(Key(.enter, alt: true)))
        XCTAssertEqual(decode([.character(27), .keyCode(KEY_LEFT)]), keys(Key(.left, alt: true)))
        XCTAssertEqual(decode([.character(27), .character(27), .timeout]), keys(Key(.escape), Key(.escape)))
    }

    func testEscapeSequencesNcursesDidNotKnow() {
        XCTAssertEqual(decode(chars("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF")),
                       keys(Key(.home), Key(.end), Key(.home), Key(.end), Key(.home), Key(.end), Key(.home), Key(.end)))
        XCTAssertEqual(decode(chars("\u{1B}[1;5D\u{1B}[1;5C\u{1B}[1;2A\u{1B}[3~\u{1B}[Z\u{1B}[15~\u{1B}OP")),
                       keys(Key(.left, ctrl: true), Key(.right, ctrl: true), Key(.up, shift: true), Key(.delete),
                            Key(.tab, shift: true), Key(.function(5)), Key(.function(1))))
    }

    func testAnUnfinishedSequenceGivesBackWhatWasTyped() {
        XCTAssertEqual(decode(chars("\u{1B}[1") + [.timeout]), keys(.alt("["), .char("1")))
    }

    func testResizeCarriesTheNewSize() {
        XCTAssertEqual(decode([.resized(width: 60, height: 20)]), [.resize(width: 60, height: 20)])
    }

    func testC1ControlsAreNotKeys() {
        XCTAssertEqual(decode([.character(0x9B), .character(0x85)]), [])
    }

    // MARK: - Bracketed paste

    func testBracketedPasteIsOneEventWithItsNewlinesNeverKeys() {
        let input = chars("x\u{1B}[200~line one\rline two\nq\u{1B}[201~y")
        XCTAssertEqual(decode(input), [.key(.char("x")), .paste("line one\rline two\nq"), .key(.char("y"))])
    }

    func testPasteMarkersRegisteredWithDefineKeyWorkToo() {
        let decoder = KeyDecoder(pasteStartCode: 0x6000, pasteEndCode: 0x6001)
        let input: [RawInput] = [.keyCode(0x6000)] + chars("a\tb") + [.keyCode(KEY_ENTER), .keyCode(0x6001)]
        XCTAssertEqual(decode(input, decoder: decoder), [.paste("a\tb\n")])
    }

    func testAPasteMarkerInsidePastedTextIsStripped() {
        let decoder = KeyDecoder(pasteStartCode: 0x6000, pasteEndCode: 0x6001)
        let input: [RawInput] = [.keyCode(0x6000)] + chars("a\u{1B}[200~b") + [.keyCode(0x6000)] + chars("c")
            + [.keyCode(0x6001)]
        XCTAssertEqual(decode(input, decoder: decoder), [.paste("abc")])
    }

    func testAPasteThatNeverEndsIsClosedAfterAnIdleSecond() {
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        for input in chars("\u{1B}[200~half") { events += decoder.feed(input, at: 10) }
        events += decoder.feed(.timeout, at: 10.5)
        XCTAssertEqual(events, [])
        XCTAssertTrue(decoder.isPasting)
        events += decoder.feed(.timeout, at: 11.0)
        XCTAssertEqual(events, [.paste("half")])
        XCTAssertEqual(decoder.feed(.character(113), at: 11.1), keys(.char("q")))
    }

    func testAHugePasteArrivesInPiecesAndStaysAPaste() {
        var decoder = KeyDecoder()
        decoder.pasteChunkLimit = 4
        var events: [InputEvent] = []
        for input in chars("\u{1B}[200~abcdefg\u{1B}[201~") { events += decoder.feed(input, at: 0) }
        XCTAssertEqual(events, [.paste("abcd"), .paste("efg")])
    }
}
