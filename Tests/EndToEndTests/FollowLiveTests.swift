import Foundation
import PanelModel
import XCTest

/// The real `scrutiny present` in tmux, following a store that is saved the way the clerk's
/// instance saves it (`PanelStore.save`: a temporary file renamed over the store). Each chair
/// shows a save within a second, refuses edit keys with "read-only view", follows the
/// published cursor, waits for a store that is not there yet, and writes nothing at all.
/// Every wait polls the screen with a deadline. (`PresentClerkTests` runs a real clerk.)
final class FollowLiveTests: XCTestCase {
    private var folder: URL!
    private var store: URL { folder.appendingPathComponent("panel.json") }
    private var tmux: PresentTmux!

    override func setUpWithError() throws {
        guard PresentTmux.isAvailable else { throw XCTSkip("tmux is not installed") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-follow-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("home"), withIntermediateDirectories: true)
        tmux = PresentTmux(home: folder.appendingPathComponent("home"))
    }

    override func tearDownWithError() throws {
        tmux = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

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
        for name in ["chair", "second"] { try tmux.start(name, ["present", store.path]) }
        for name in ["chair", "second"] {
            try tmux.wait(name, for: "the grid", until: { $0.contains("Depends on diagnosis.") })
        }
        try tmux.keys("chair", "Down", "Right")
        try tmux.wait("chair", for: "the chair's own place", until: { $0.contains("Efficiency × Provision/Funding") })

        try PanelStore.save(Self.panel("Seen live — by the chair"), to: store)
        for name in ["chair", "second"] {
            try tmux.wait(name, upTo: 1, for: "the saved text", until: { $0.contains("Seen live — by the chair") })
        }
        XCTAssertTrue(try tmux.screen("chair").contains("Efficiency × Provision/Funding"), "the chair kept their place")

        let saved = try Data(contentsOf: store)
        for key in ["Enter", "x", "u", "o", "d"] {
            try tmux.keys("chair", key)
            if key == "d" { try tmux.keys("chair", "r") }  // "d r": delete the criterion
            try tmux.wait("chair", for: "read-only view after \(key)", until: { $0.contains("read-only view") })
            try tmux.keys("chair", "Left")  // clears the message before the next key
            try tmux.wait("chair", for: "the message cleared", until: { !$0.contains("read-only view") })
        }
        // A corrupt write leaves the last good version on screen.
        try Data("{ \"format\": \"scrutiny-pan".utf8).write(to: store)
        try tmux.wait("chair", for: "the quiet note", until: { $0.contains("unreadable: last good version shown") })
        XCTAssertTrue(try tmux.screen("chair").contains("Seen live — by the chair"))
        try Data(saved).write(to: store)
        try tmux.wait("chair", for: "the good version", until: { !$0.contains("unreadable") })

        for name in ["chair", "second"] { try tmux.keys(name, "q") }
        for name in ["chair", "second"] { try tmux.waitForExit(name) }
        XCTAssertEqual(try Data(contentsOf: store), saved)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["home", "panel.json"],
                       "no lock, draft, cursor or temporary file from a chair")
    }

    func testFollowCursorMovesTheChairWithThePublishedSelection() throws {
        try PanelStore.create(Self.panel(), at: store)
        try tmux.start("chair", ["present", "--follow-cursor", store.path])
        try tmux.wait("chair", for: "the first cell", until: { $0.contains("Effectiveness × Diagnosis") })
        let cursor = #"{"criterion":"crit-efficiency","dimension":"dim-funding","pane":"framework"}"#
        let temporary = folder.appendingPathComponent(".cursor-incoming")
        try Data(cursor.utf8).write(to: temporary)
        XCTAssertEqual(rename(temporary.path, store.path + ".cursor"), 0)
        try tmux.wait("chair", upTo: 1, for: "the clerk's selection", until: { $0.contains("Efficiency × Provision/Funding") })
    }

    func testAChairStartedBeforeTheStoreExistsWaitsForIt() throws {
        try tmux.start("chair", ["present", store.path])
        try tmux.wait("chair", for: "waiting", until: { $0.contains("waiting for panel.json…") })
        try PanelStore.create(Self.panel(), at: store)
        try tmux.wait("chair", upTo: 1, for: "the grid",
                      until: { $0.contains("Depends on diagnosis.") && !$0.contains("waiting") })
    }

    func testAMissingFolderIsRefusedWithAClearMessage() throws {
        let process = Process()
        process.executableURL = try PresentTmux.binary
        process.arguments = ["present", folder.appendingPathComponent("nowhere/panel.json").path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertEqual(text, "scrutiny: the folder \(folder.appendingPathComponent("nowhere").path) does not exist: "
            + "check the path of \(folder.appendingPathComponent("nowhere/panel.json").path)\n")
    }
}
