import Foundation
import PanelModel
import XCTest

/// A real clerk (`scrutiny FILE`) and real chairs (`scrutiny present FILE`) on one store, each
/// in its own tmux session: the clerk types into a cell and each chair's screen shows it within
/// a second of the save reaching the disk; the chair's edit keys are refused; `--follow-cursor`
/// moves the chair's selection with the clerk's. Every wait polls the screen with a deadline.
final class PresentClerkTests: ScrutinyTestCase {
    override var store: URL { folder.appendingPathComponent("store/panel.json") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try PanelStore.create(FollowLiveTests.panel(), at: store)
    }

    private var firstCell: String? {
        (try? PanelStore.load(from: store))?.framework[CellKey(criterion: "crit-effectiveness", dimension: "dim-diagnosis")]
    }

    func testTheChairsSeeTheClerksEditWithinASecondOfTheSaveAndCannotEdit() throws {
        let clerk = try scrutiny([store.path])
        try clerk.waitFor("Depends on diagnosis.")
        let chairs = try (0..<2).map { _ in try scrutiny(["present", store.path]) }
        for chair in chairs { try chair.waitFor("Depends on diagnosis.") }

        // The clerk replaces the text of the first cell (the grid starts there).
        try clerk.press("Enter", "C-u")
        try clerk.type("Seen live — by the chair")
        try clerk.press("Enter")
        let typed = Date()
        let deadline = Date().addingTimeInterval(5)
        while firstCell != "Seen live — by the chair" && Date() < deadline { usleep(5_000) }
        XCTAssertEqual(firstCell, "Seen live — by the chair", "the clerk's autosave")
        let saved = Date()
        print("the clerk's save reached the disk \(Int(saved.timeIntervalSince(typed) * 1000)) ms after Enter")
        for chair in chairs { try chair.waitFor("Seen live — by the chair", timeout: 1) }
        print("both chairs showed the clerk's save \(Int(Date().timeIntervalSince(saved) * 1000)) ms after it reached the disk")

        let bytes = try Data(contentsOf: store)
        for key in ["Enter", "x", "u"] {
            try chairs[0].press(key)
            try chairs[0].waitFor("read-only view")
            try chairs[0].press("Down")
            try chairs[0].waitForAbsence(of: "read-only view")
        }
        XCTAssertEqual(try Data(contentsOf: store), bytes, "the chair changed nothing")
        XCTAssertTrue(try clerk.screen().contains("Seen live — by the chair"))
    }

    func testFollowCursorMovesTheChairsSelectionWithTheClerks() throws {
        let clerk = try scrutiny([store.path])
        try clerk.waitFor("Framework")
        let chair = try scrutiny(["present", "--follow-cursor", store.path])
        try chair.waitFor("Effectiveness × Diagnosis")
        try clerk.press("Down", "Right")
        try chair.waitFor("Efficiency × Provision/Funding")
        try clerk.press("Up")
        try chair.waitFor("Effectiveness × Provision/Funding")
        // The chair may still look elsewhere; the clerk's next move brings it back.
        try chair.press("Left")
        try chair.waitFor("Effectiveness × Diagnosis")
        try clerk.press("Down")
        try chair.waitFor("Efficiency × Provision/Funding")
    }
}
