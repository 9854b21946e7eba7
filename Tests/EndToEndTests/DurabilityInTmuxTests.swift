import Foundation
import PanelModel
import XCTest

/// The real binary killed with SIGKILL after a few changes: every change the title bar showed
/// as saved is on disk, the draft comes back, and reopening takes over the dead session's lock
/// in one command and says what it recovered.
final class DurabilityInTmuxTests: XCTestCase {
    private var folder: URL!
    private var store: URL!
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-durable-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("panel.json")
        try PanelStore.create(PanelTemplates.blank, at: store)
        try TmuxSession.backdate(store)
    }

    override func tearDownWithError() throws {
        sessions.forEach { $0.close() }
        try? FileManager.default.removeItem(at: folder)
    }

    private func open() throws -> TmuxSession {
        // Wide, so the status line's account of the recovery is not cut short.
        let session = try TmuxSession([ScrutinyBinary.path(), store.path], width: 200, height: 40, directory: folder)
        sessions.append(session)
        try session.waitFor("Effectiveness × Diagnosis")
        return session
    }

    private func cells(_ document: PanelDocument) -> [String] {
        let f = document.framework
        return f.criteria.prefix(3).map { f[$0.id, f.dimensions[0].id] }
    }

    func testKilledAfterSavedChangesReopensWithEveryOneAndTheDraftAndSaysSo() throws {
        let session = try open()
        let pid = try XCTUnwrap(try session.programPID())
        for (index, text) in ["first change", "second change"].enumerated() {
            if index > 0 { try session.press("Down") }
            try session.press("Enter")
            try session.type(text)
            try session.waitFor("enter finish")  // in the editor
            let beforeEnter = Date()
            try session.press("Enter")
            // The title bar says saved (now, not as opened): from here on the change must
            // survive anything.
            try session.waitForSave(after: beforeEnter)
            XCTAssertEqual(cells(try StoreSession.peek(store).document)[index], text, "on disk once shown as saved")
        }
        try session.press("Down", "Enter")
        try session.type("a draft")
        try session.waitFor("a draft")
        Thread.sleep(forTimeInterval: 1.2)  // The draft is written at most a second after the typing.
        try session.signal(SIGKILL)
        XCTAssertEqual(try session.waitForExit(), 128 + SIGKILL)

        let left = try StoreSession.peek(store)
        XCTAssertEqual(Array(cells(left.document).prefix(2)), ["first change", "second change"])
        XCTAssertTrue(left.draft.map { String(decoding: $0, as: UTF8.self) }?.contains("a draft") == true)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path + ".lock"), "a killed program leaves its lock")

        // One command and the clerk is typing again, in the same editor.
        let reopened = try TmuxSession([ScrutinyBinary.path(), store.path], width: 250, height: 40, directory: folder)
        sessions.append(reopened)
        try reopened.waitFor("Restored the text you were typing when Scrutiny last stopped · "
            + "Took over the lock left by pid \(pid) (since ")
        let screen = try reopened.waitFor("which is no longer running;")
        XCTAssertTrue(screen.contains("a draft of 7 characters"), screen)
        try reopened.type(", finished")
        let finishing = Date()
        try reopened.press("Enter")
        try reopened.waitForSave(after: finishing)
        try reopened.press("q")
        XCTAssertEqual(try reopened.waitForExit(), 0)
        XCTAssertEqual(cells(try PanelStore.load(from: store)), ["first change", "second change", "a draft, finished"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path + ".lock"), "released on the way out")
        XCTAssertNil(try StoreSession.peek(store).draft, "the draft ended with its editor")
    }

    func testAfterQuittingTheStoreHoldsEverythingAndTheJournalHasNothingLeftToReplay() throws {
        let session = try open()
        try session.press("Enter")
        try session.type("kept")
        let keeping = Date()
        try session.press("Enter")
        try session.waitForSave(after: keeping)
        try session.press("u")  // undo, journalled as the inverse
        try session.waitFor("Undid")
        try session.press("C-r")  // redo
        try session.waitFor("Redid")
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        XCTAssertEqual(cells(try PanelStore.load(from: store))[0], "kept")
        let left = try StoreSession.peek(store)
        XCTAssertEqual(left.replayed, 0, "the last snapshot holds every change")
        XCTAssertEqual(left.document, try PanelStore.load(from: store))
        let journal = try FileManager.default.attributesOfItem(atPath: store.path + ".journal")
        XCTAssertEqual(journal[.posixPermissions] as? Int, 0o600)
    }
}
