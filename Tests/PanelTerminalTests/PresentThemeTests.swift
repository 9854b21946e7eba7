import XCTest
@testable import PanelTerminal

/// The stage roles presentation and zoom draw in: high contrast where there is colour (dark on
/// light, nothing dimmed, which a projector washes out), attributes alone in monochrome.
final class PresentThemeTests: XCTestCase {
    private let stageRoles: [Style.Role] = [.stage, .stageHeader, .stageSelected, .stageRule, .stageQuiet]

    func testInColourTheStageIsDarkOnLightAndTheSelectionLightOnDark() {
        let theme = Theme.colour
        XCTAssertEqual(theme.look(for: Style(.stage)), Theme.Look(pair: Theme.Pair(.black, on: .white)))
        XCTAssertEqual(theme.look(for: Style(.stageHeader, bold: true)),
                       Theme.Look(pair: Theme.Pair(.blue, on: .white), bold: true))
        XCTAssertEqual(theme.look(for: Style(.stageSelected, bold: true)),
                       Theme.Look(pair: Theme.Pair(.white, on: .blue), bold: true))
        for role in stageRoles {
            let look = theme.look(for: Style(role))
            XCTAssertFalse(look.dim, "\(role) is dimmed")
            XCTAssertNotNil(look.pair?.background, "\(role) would show the terminal's own ground")
        }
    }

    func testInMonochromeTheSelectionIsReversedAndNothingIsDimmed() {
        XCTAssertEqual(Theme.monochrome.look(for: Style(.stageSelected)), Theme.Look(bold: true, reverse: true))
        XCTAssertEqual(Theme.monochrome.look(for: Style(.stageHeader)), Theme.Look(bold: true))
        for role in stageRoles { XCTAssertFalse(Theme.monochrome.look(for: Style(role)).dim, "\(role)") }
    }
}
