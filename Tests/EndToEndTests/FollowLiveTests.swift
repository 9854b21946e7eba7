import Foundation
import PanelModel
import XCTest

/// The real `scrutiny present` in tmux (the shared `ScrutinyTestCase` fixture), following a store that is
/// saved the way the clerk's instance saves it (`PanelStore.save`: a temporary file renamed
/// over the store). Each chair shows a save within a second, refuses edit keys with
/// "read-only view", follows the published cursor, waits for a store that is not there yet,
/// and writes nothing at all. Every wait polls the screen with a deadline.
/// (`PresentClerkTests` runs a real clerk beside the chairs.)
final class FollowLiveTests: ScrutinyTestCase {
    /// The store's own folder, apart from HOME, so the test can see everything written beside it.
    private var storeFolder: URL { folder.appendingPathComponent("store") }
    override var store: URL { storeFolder.appendingPathComponent("panel.json") }

    static func panel(_ firstCell: String = "Depends on diagnosis.") -> PanelDocument {
        var panel = PanelInfo()
        panel.title = "SEND Provision Scrutiny Panel"
        let framework = Framework(
            criteria: [AxisItem(id: "crit-effectiveness", name: "Effectiveness"),
                       AxisItem(id: "crit-efficiency", name: "Efficiency")],
            dimensions: [AxisItem(id: "dim-diagnosis", name: "Diagnosis"),
                         AxisItem(id: "dim-funding", name: "Provision/Funding")],
            cells: [CellKey(criterion: "crit-effectiveness", dimension: "dim-diagnosis"): firstCell])
        return PanelDocument(panel: panel, framework: framework)
    }

    func testEveryChairShowsASaveWithinASecondAndRefusesEditKeys() throws {
        try PanelStore.create(Self.panel(), at: store)
        let chairs = try (0..<2).map { _ in try scrutiny(["present", store.path]) }
        for chair in chairs { try chair.waitFor("Depends on diagnosis.") }
        let chair = chairs[0]
        try chair.press("Down", "Right")
        try chair.waitFor("Efficiency × Provision/Funding")

        try PanelStore.save(Self.panel("Seen live — by the chair"), to: store)
        for chair in chairs { try chair.waitFor("Seen live — by the chair", timeout: 1) }
        XCTAssertTrue(try chair.screen().contains("Efficiency × Provision/Funding"), "the chair kept their place")

        let saved = try Data(contentsOf: store)
        for keys in [["Enter"], ["x"], ["u"], ["o"], ["d", "r"]] {
            try chair.press(keys[0])
            if keys.count > 1 { try chair.press(keys[1]) }
            try chair.waitFor("read-only view")
            try chair.press("Left")  // clears the message before the next key
            try chair.waitForAbsence(of: "read-only view")
        }
        // A damaged write leaves the last good version on screen, with a quiet note.
        try Data("{ \"format\": \"scrutiny-pan".utf8).write(to: store)
        try chair.waitFor("unreadable: last good version shown")
        XCTAssertTrue(try chair.screen().contains("Seen live — by the chair"))
        try saved.write(to: store)
        try chair.waitForAbsence(of: "unreadable")

        for chair in chairs { try chair.press("q") }
        for chair in chairs { XCTAssertEqual(try chair.waitForExit(), 0) }
        XCTAssertEqual(try Data(contentsOf: store), saved)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: storeFolder.path), ["panel.json"],
                       "no lock, draft, cursor or temporary file from a chair")
    }

    func testFollowCursorMovesTheChairWithThePublishedSelection() throws {
        try PanelStore.create(Self.panel(), at: store)
        let chair = try scrutiny(["present", "--follow-cursor", store.path])
        try chair.waitFor("Effectiveness × Diagnosis")
        let cursor = #"{"criterion":"crit-efficiency","dimension":"dim-funding","pane":"framework"}"#
        let temporary = storeFolder.appendingPathComponent(".cursor-incoming")
        try Data(cursor.utf8).write(to: temporary)
        XCTAssertEqual(rename(temporary.path, store.path + ".cursor"), 0)
        try chair.waitFor("Efficiency × Provision/Funding", timeout: 1)
    }

    func testAChairStartedBeforeTheStoreExistsWaitsForIt() throws {
        let chair = try scrutiny(["present", store.path])
        try chair.waitFor("waiting for panel.json…")
        try PanelStore.create(Self.panel(), at: store)
        try chair.waitFor("Depends on diagnosis.", timeout: 1)
        try chair.waitForAbsence(of: "waiting")
    }

    func testAMissingFolderIsRefusedWithAClearMessage() throws {
        let missing = storeFolder.appendingPathComponent("nowhere/panel.json")
        let chair = try scrutiny(["present", missing.path])
        XCTAssertEqual(try chair.waitForExit(), 1)
        // The terminal wraps the long line: read the screen as one line.
        let shown = try chair.screen().replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(shown.hasPrefix("scrutiny: the folder \(missing.deletingLastPathComponent().path) "
            + "does not exist: check the path of \(missing.path)"), shown)
    }
}
