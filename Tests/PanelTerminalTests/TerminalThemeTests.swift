import XCTest
@testable import PanelTerminal

/// What each style role looks like, in colour and in monochrome.
final class TerminalThemeTests: XCTestCase {
    func testColourOnlyWhenTheTerminalHasItAndNoColorIsUnset() {
        XCTAssertEqual(Theme.choose(terminalHasColours: true, environment: [:]), .colour)
        XCTAssertEqual(Theme.choose(terminalHasColours: false, environment: [:]), .monochrome)
        XCTAssertEqual(Theme.choose(terminalHasColours: true, environment: ["NO_COLOR": ""]), .monochrome)
        XCTAssertEqual(Theme.choose(terminalHasColours: true, environment: ["NO_COLOR": "1"]), .monochrome)
    }

    func testMonochromeUsesReverseForSelectionBoldForHeadersUnderlineForMatches() {
        let theme = Theme.monochrome
        XCTAssertEqual(theme.look(for: Style(.selected)), Theme.Look(reverse: true))
        XCTAssertEqual(theme.look(for: Style(.header)), Theme.Look(bold: true))
        XCTAssertEqual(theme.look(for: Style(.match)), Theme.Look(underline: true))
        XCTAssertEqual(theme.look(for: Style(.alarm)), Theme.Look(bold: true, reverse: true))
        XCTAssertEqual(theme.look(for: .normal), Theme.Look())
        XCTAssertTrue(theme.pairs.isEmpty)
    }

    func testEveryRoleHasALookInBothThemesAndMonochromeNeverUsesColour() {
        for role in Style.Role.allCases {
            XCTAssertNotNil(Theme.colour.looks[role], "colour theme lacks \(role)")
            XCTAssertNotNil(Theme.monochrome.looks[role], "monochrome theme lacks \(role)")
            XCTAssertNil(Theme.monochrome.looks[role]?.pair, "monochrome uses colour for \(role)")
        }
    }

    func testColourKeepsTheTerminalsOwnColoursForPlainText() {
        XCTAssertEqual(Theme.colour.look(for: .normal), Theme.Look())
        XCTAssertEqual(Theme.colour.look(for: Style(.selected)).pair, Theme.Pair(.black, on: .cyan))
        XCTAssertEqual(Theme.colour.look(for: Style(.alarm)), Theme.Look(pair: Theme.Pair(.white, on: .red), bold: true))
    }

    func testAStylesOwnBoldAndUnderlineAreAdded() {
        XCTAssertEqual(Theme.monochrome.look(for: Style(.selected, bold: true, underline: true)),
                       Theme.Look(bold: true, reverse: true, underline: true))
    }

    func testColourPairsAreListedOnceEachInAStableOrder() {
        let pairs = Theme.colour.pairs
        XCTAssertEqual(pairs.count, Set(pairs).count)
        XCTAssertEqual(pairs.first, Theme.Pair(.white, on: .blue))
        XCTAssertEqual(pairs, Theme.colour.pairs)
    }
}
