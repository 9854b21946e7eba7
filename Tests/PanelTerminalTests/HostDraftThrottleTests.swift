import Foundation
import XCTest
@testable import PanelTerminal

/// Drafts: at most one write a second, the newest bytes always within a second.
final class HostDraftThrottleTests: XCTestCase {
    private func bytes(_ s: String) -> Data { Data(s.utf8) }

    func testTheFirstDraftIsWrittenAtOnce() {
        var throttle = DraftThrottle()
        throttle.offer(bytes("a"), now: 5)
        XCTAssertEqual(throttle.due(now: 5), .write(bytes("a")))
        XCTAssertNil(throttle.due(now: 5))
    }

    func testKeysWithinASecondAreCoalescedAndTheLatestWrittenWhenTheSecondIsUp() {
        var throttle = DraftThrottle()
        throttle.offer(bytes("a"), now: 0)
        XCTAssertEqual(throttle.due(now: 0), .write(bytes("a")))
        throttle.offer(bytes("ab"), now: 0.2)
        XCTAssertNil(throttle.due(now: 0.2))
        throttle.offer(bytes("abc"), now: 0.6)
        XCTAssertNil(throttle.due(now: 0.99))
        XCTAssertEqual(throttle.dueTime(), 1.0)
        XCTAssertEqual(throttle.due(now: 1.0), .write(bytes("abc")))
        XCTAssertNil(throttle.due(now: 1.5))
    }

    func testClosingTheEditorRemovesTheDraftAtOnceEvenInsideTheSecond() {
        var throttle = DraftThrottle()
        throttle.offer(bytes("a"), now: 0)
        _ = throttle.due(now: 0)
        throttle.offer(bytes("ab"), now: 0.1)
        throttle.offer(nil, now: 0.2)
        XCTAssertEqual(throttle.due(now: 0.2), .remove)
        XCTAssertNil(throttle.due(now: 2))
    }

    func testFlushHandsOverWhatIsWaitingRegardlessOfTime() {
        var throttle = DraftThrottle()
        throttle.offer(bytes("a"), now: 0)
        _ = throttle.due(now: 0)
        throttle.offer(bytes("ab"), now: 0.1)
        XCTAssertEqual(throttle.flush(), .write(bytes("ab")))
        XCTAssertNil(throttle.flush())
    }

    func testDraftFilesAreWrittenBesideTheStoreReadableByTheOwnerOnlyAndRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = StoreFiles(store: folder.appendingPathComponent("panel.json"))
        XCTAssertEqual(files.draft.lastPathComponent, "panel.json.draft")
        XCTAssertNil(files.readDraft())
        try files.writeDraft(bytes("first"))
        try files.writeDraft(bytes("second"))
        XCTAssertEqual(files.readDraft(), bytes("second"))
        let mode = try FileManager.default.attributesOfItem(atPath: files.draft.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["panel.json.draft"])
        files.removeDraft()
        XCTAssertNil(files.readDraft())
    }

    func testTemporaryDraftsOfDeadProcessesAreRemovedAndThoseOfLiveOnesKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = StoreFiles(store: folder.appendingPathComponent("panel.json"))
        // pid_t's largest value is never a running process; this process certainly is.
        let dead = "panel.json.draft.tmp-\(Int32.max)"
        let live = "panel.json.draft.tmp-\(getpid())"
        for name in [dead, live, "panel.json"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        files.removeLeftoverDraftTemporaries()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["panel.json", live])
    }
}
