import Foundation
import PanelModel
import XCTest

/// A real clerk (`scrutiny FILE`) and real chairs (`scrutiny present FILE`) on one store, in
/// tmux: the clerk types into a cell and each chair's screen shows it within a second of the
/// save reaching the disk; the chair's edit keys are refused; `--follow-cursor` moves the
/// chair's selection with the clerk's. Every wait polls the screen with a deadline.
final class PresentClerkTests: XCTestCase {
    private var folder: URL!
    private var store: URL { folder.appendingPathComponent("panel.json") }
    private var tmux: PresentTmux!

    override func setUpWithError() throws {
        guard PresentTmux.isAvailable else { throw XCTSkip("tmux is not installed") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-clerk-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("home"), withIntermediateDirectories: true)
        tmux = PresentTmux(home: folder.appendingPathComponent("home"))
        try PanelStore.create(FollowLiveTests.panel(), at: store)
    }

    override func tearDownWithError() throws {
        tmux = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private var firstCell: String? {
        (try? PanelStore.load(from: store))?.framework[CellKey(criterion: "crit-effectiveness", dimension: "dim-diagnosis")]
    }

    func testTheChairsSeeTheClerksEditWithinASecondOfTheSaveAndCannotEdit() throws {
        try tmux.start("clerk", [store.path])
        try tmux.wait("clerk", for: "the workspace", until: { $0.contains("Framework") && $0.contains("Depends on diagnosis.") })
        for name in ["chair", "second"] {
            try tmux.start(name, ["present", store.path])
            try tmux.wait(name, for: "the grid", until: { $0.contains("Depends on diagnosis.") })
        }

        // The clerk replaces the text of the first cell (the grid starts there).
        try tmux.keys("clerk", "Enter", "C-u")
        try tmux.type("clerk", "Seen live — by the chair")
        try tmux.keys("clerk", "Enter")
        let deadline = Date().addingTimeInterval(5)
        while firstCell != "Seen live — by the chair" && Date() < deadline { usleep(5_000) }
        XCTAssertEqual(firstCell, "Seen live — by the chair", "the clerk's autosave")
        for name in ["chair", "second"] {
            let took = try tmux.wait(name, upTo: 1, for: "the clerk's text", until: { $0.contains("Seen live — by the chair") })
            print("\(name) showed the clerk's save \(Int(took * 1000)) ms after it reached the disk")
        }

        let saved = try Data(contentsOf: store)
        for key in ["Enter", "x", "u"] {
            try tmux.keys("chair", key)
            try tmux.wait("chair", for: "read-only view after \(key)", until: { $0.contains("read-only view") })
            try tmux.keys("chair", "Down")
            try tmux.wait("chair", for: "the message cleared", until: { !$0.contains("read-only view") })
        }
        XCTAssertEqual(try Data(contentsOf: store), saved, "the chair changed nothing")
        XCTAssertTrue(try tmux.screen("clerk").contains("Seen live — by the chair"))
    }

    func testFollowCursorMovesTheChairsSelectionWithTheClerks() throws {
        try tmux.start("clerk", [store.path])
        try tmux.wait("clerk", for: "the workspace", until: { $0.contains("Framework") })
        try tmux.start("chair", ["present", "--follow-cursor", store.path])
        try tmux.wait("chair", for: "the clerk's first cell", until: { $0.contains("Effectiveness × Diagnosis") })
        try tmux.keys("clerk", "Down", "Right")
        try tmux.wait("chair", for: "the clerk's selection", until: { $0.contains("Efficiency × Provision/Funding") })
        try tmux.keys("clerk", "Up")
        try tmux.wait("chair", for: "the clerk's selection", until: { $0.contains("Effectiveness × Provision/Funding") })
        // The chair may still look elsewhere; the clerk's next move brings it back.
        try tmux.keys("chair", "Left")
        try tmux.wait("chair", for: "the chair's own move", until: { $0.contains("Effectiveness × Diagnosis") })
        try tmux.keys("clerk", "Down")
        try tmux.wait("chair", for: "the clerk's selection", until: { $0.contains("Efficiency × Provision/Funding") })
    }
}
