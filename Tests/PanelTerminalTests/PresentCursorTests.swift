import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// The clerk's instance publishes its selection for `--follow-cursor` followers: once per
/// move, ids only; not at all unless asked, and never from a read-only view.
final class PresentCursorTests: XCTestCase {
    private func published(_ effects: [AppEffect]) -> [CursorSidecar] {
        effects.compactMap { if case .publishCursor(let data) = $0 { CursorSidecar.decode(data.bytes) } else { nil } }
    }

    func testEachMovePublishesTheSelectionOnce() {
        var clerk = PresentPanel.driver(width: 80, height: 24)
        clerk.workspace.publishesSelection = true
        clerk.resize(80, 24)
        clerk.press("j", "l", "?", "esc", "3")
        XCTAssertEqual(published(clerk.effects).map { [$0.pane, $0.criterion, $0.dimension] }, [
            ["framework", "crit-effectiveness", "dim-diagnosis"],
            ["framework", "crit-efficiency", "dim-diagnosis"],
            ["framework", "crit-efficiency", "dim-funding"],
            ["questions", "crit-efficiency", "dim-funding"],
        ], "help opening and closing moved nothing")
    }

    func testNothingIsPublishedUnlessAskedOrFromAReadOnlyView() {
        var quiet = PresentPanel.driver(width: 80, height: 24)
        quiet.press("j", "l")
        XCTAssertEqual(published(quiet.effects), [])

        var chair = PresentPanel.driver(width: 80, height: 24)
        chair.workspace.publishesSelection = true
        chair.workspace.present(readOnly: true)
        chair.press("j", "l")
        XCTAssertEqual(chair.effects, [])
    }

    func testAFollowerInPresentationMovesWithTheClerkAndItsZoomFollowsToo() {
        var clerk = PresentPanel.driver(width: 80, height: 24)
        clerk.workspace.publishesSelection = true
        var chair = PresentPanel.driver(width: 80, height: 24)
        chair.workspace.present(readOnly: true)
        chair.press("z")
        clerk.press("j", "j", "l", "l")
        for cursor in published(clerk.effects) { chair.workspace.receive(.cursor(cursor), storeName: "panel.json") }
        XCTAssertEqual(chair.screen().line(1), "    Equity × Outcomes")
        chair.press("esc")
        XCTAssertEqual(chair.workspace.position, "Equity × Outcomes")
    }
}
