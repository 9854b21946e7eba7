import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// The read-only view's follower on a real folder: the clerk's atomic save (a rename over the
/// store) is read again, a corrupt write leaves the last good state on screen, a store that
/// appears later is picked up, the cursor sidecar is followed, and nothing is ever written.
final class PresentFollowerTests: XCTestCase {
    private var folder: URL!
    private var store: URL { folder.appendingPathComponent("panel.json") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-follow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Polls until the follower reports something, for at most two seconds.
    private func events(_ follower: StoreFollower, file: StaticString = #filePath, line: UInt = #line) -> [StoreFollower.Event] {
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            let events = follower.poll()
            if !events.isEmpty { return events }
            usleep(2_000)
        }
        XCTFail("the follower saw nothing within two seconds", file: file, line: line)
        return []
    }

    /// Writes bytes the way a careless tool would replace the store: a new file renamed over it.
    private func replace(_ url: URL, with bytes: Data) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".incoming")
        try bytes.write(to: temporary)
        XCTAssertEqual(rename(temporary.path, url.path), 0)
    }

    private func edited(_ document: PanelDocument, _ text: String) -> PanelDocument {
        var document = document
        document.framework[TestPanel.key("equity", "outcomes")] = text
        return document
    }

    func testTheClerksAtomicSaveIsReadAgain() throws {
        let first = PresentPanel.make()
        try PanelStore.create(first, at: store)
        let follower = try StoreFollower(store: store, followCursor: false)
        XCTAssertTrue(follower.usesInotify)
        XCTAssertEqual(follower.start(), [.loaded(first)])
        XCTAssertEqual(follower.poll(), [], "nothing changed yet")

        let second = edited(first, "Co-production is uneven.")
        try PanelStore.save(second, to: store)
        XCTAssertEqual(events(follower).last, .loaded(second))
        try PanelStore.save(edited(first, "Third"), to: store)
        XCTAssertEqual(events(follower).last, .loaded(edited(first, "Third")))
    }

    func testACorruptWriteKeepsTheLastGoodStateOnScreen() throws {
        let good = PresentPanel.make()
        try PanelStore.create(good, at: store)
        let follower = try StoreFollower(store: store, followCursor: false)
        var chair = PresentPanel.driver(width: 80, height: 24)
        chair.workspace.present(readOnly: true)
        for event in follower.start() { chair.workspace.receive(event, storeName: "panel.json") }
        let before = chair.shown

        try replace(store, with: Data("{ \"format\": \"scrutiny-panel\", \"vers".utf8))
        let seen = events(follower)
        guard case .unreadable(let reason)? = seen.last else { return XCTFail("\(seen)") }
        XCTAssertTrue(reason.hasSuffix("panel.json is not a Scrutiny panel (broken JSON at line 1, column 36: "
            + "unexpected end of file during JSON parse). The file was not changed."), reason)
        for event in seen { chair.workspace.receive(event, storeName: "panel.json") }
        XCTAssertEqual(chair.document, good)
        XCTAssertEqual(chair.screen().line(23),
                       "  panel.json unreadable: last good version shown     Effectiveness × Diagnosis")
        XCTAssertEqual(Array(chair.shown.split(separator: "\n").dropLast()), Array(before.split(separator: "\n").dropLast()))

        let fixed = edited(good, "Back again")
        try PanelStore.save(fixed, to: store)
        for event in events(follower) { chair.workspace.receive(event, storeName: "panel.json") }
        XCTAssertEqual(chair.document, fixed)
        XCTAssertEqual(chair.screen().line(23), "                                                     Effectiveness × Diagnosis")
    }

    func testAFollowerStartedBeforeTheStoreExistsWaitsForIt() throws {
        let follower = try StoreFollower(store: store, followCursor: false)
        XCTAssertEqual(follower.start(), [.missing])
        var chair = WorkspaceDriver(PanelDocument(), width: 80, height: 24)
        chair.workspace.present(readOnly: true)
        chair.workspace.receive(.missing, storeName: "panel.json")
        XCTAssertTrue(chair.screen().line(23).hasPrefix("  waiting for panel.json…"))

        try PanelStore.create(PresentPanel.make(), at: store)
        for event in events(follower) { chair.workspace.receive(event, storeName: "panel.json") }
        XCTAssertEqual(chair.document, PresentPanel.make())
        XCTAssertEqual(chair.screen().line(0), "                         SEND Provision Scrutiny Panel")
        XCTAssertFalse(chair.shown.contains("waiting"))
    }

    func testTheChairKeepsTheirPlaceWhenTheClerkReordersAndRenames() throws {
        var chair = PresentPanel.driver(width: 80, height: 24)
        chair.workspace.present(readOnly: true)
        chair.press("j", "j", "l", "l")
        var newer = PresentPanel.make()
        newer.framework.criteria.reverse()
        newer.framework.criteria[1].name = "Fairness"  // was Equity, now second
        chair.workspace.receive(.loaded(newer), storeName: "panel.json")
        XCTAssertEqual(chair.workspace.position, "Fairness × Outcomes")
        newer.framework.criteria.removeAll { $0.id == "crit-equity" }
        chair.workspace.receive(.loaded(newer), storeName: "panel.json")
        XCTAssertEqual(chair.workspace.position, "Sustainability × Outcomes", "a removed row: the first one")
    }

    func testTheCursorSidecarIsFollowedOnlyWhenAskedFor() throws {
        try PanelStore.create(PresentPanel.make(), at: store)
        let following = try StoreFollower(store: store, followCursor: true)
        let notFollowing = try StoreFollower(store: store, followCursor: false)
        _ = following.start()
        _ = notFollowing.start()
        let cursor = CursorSidecar(pane: "framework", criterion: "crit-equity", dimension: "dim-outcomes",
                                   scheduleItem: "item-survey", question: "q-equity")
        try replace(CursorSidecar.url(for: store), with: cursor.encoded())
        XCTAssertEqual(events(following), [.cursor(cursor)])
        XCTAssertEqual(notFollowing.poll(), [])

        var chair = PresentPanel.driver(width: 80, height: 24)
        chair.workspace.present(readOnly: true)
        chair.workspace.receive(.cursor(cursor), storeName: "panel.json")
        XCTAssertEqual(chair.workspace.position, "Equity × Outcomes")
        XCTAssertEqual(chair.workspace.focus, .framework)
        XCTAssertEqual(chair.workspace.selection.question, "q-equity")
    }

    func testTheSidecarHoldsIdsAndNoText() {
        var clerk = PresentPanel.driver(width: 80, height: 24)
        clerk.press("j", "j", "l", "l")
        let json = String(decoding: clerk.workspace.cursorSidecar.encoded(), as: UTF8.self)
        XCTAssertEqual(json, #"{"criterion":"crit-equity","dimension":"dim-outcomes","pane":"framework","#
                       + #""question":"q-eng","scheduleItem":"item-vikram"}"#)
    }

    func testSeveralFollowersAllSeeASaveAndNoneWritesAnything() throws {
        let first = PresentPanel.make()
        try PanelStore.create(first, at: store)
        let followers = try (0..<3).map { _ in try StoreFollower(store: store, followCursor: true) }
        for follower in followers { XCTAssertEqual(follower.start(), [.loaded(first)]) }
        let written = try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date

        let second = edited(first, "Seen by all")
        try PanelStore.save(second, to: store)
        for follower in followers { XCTAssertEqual(events(follower).last, .loaded(second)) }
        XCTAssertNotEqual(written, try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["panel.json"],
                       "no lock, cursor, draft or temporary file from a follower")
    }

    func testAMissingFolderIsAnErrorNamingIt() {
        let nowhere = folder.appendingPathComponent("no-such-folder/panel.json")
        XCTAssertThrowsError(try StoreFollower(store: nowhere, followCursor: false)) { error in
            XCTAssertEqual("\(error)", "the folder \(nowhere.deletingLastPathComponent().path) does not exist: "
                + "check the path of \(nowhere.relativePath)")
        }
    }
}

/// Without inotify, or past a symlink into another folder, the identity check on every poll
/// still notices each save.
final class PresentFollowerSafetyNetTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-follow-net-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("shown"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func edited(_ text: String) -> PanelDocument {
        var document = PresentPanel.make()
        document.framework[TestPanel.key("equity", "outcomes")] = text
        return document
    }

    func testWithoutInotifyEverySaveIsStillSeen() throws {
        let store = folder.appendingPathComponent("real/panel.json")
        try PanelStore.create(edited("one"), at: store)
        let follower = try StoreFollower(store: store, followCursor: false, watch: false)
        XCTAssertFalse(follower.usesInotify)
        XCTAssertEqual(follower.start(), [.loaded(edited("one"))])
        XCTAssertEqual(follower.poll(), [])
        try PanelStore.save(edited("two"), to: store)
        XCTAssertEqual(follower.poll(), [.loaded(edited("two"))])
        unlink(store.path)
        XCTAssertEqual(follower.poll(), [.missing])
        XCTAssertEqual(follower.poll(), [])
    }

    func testAStoreThatIsASymlinkIntoAnotherFolderIsFollowed() throws {
        let real = folder.appendingPathComponent("real/panel.json")
        let link = folder.appendingPathComponent("shown/panel.json")
        try PanelStore.create(edited("one"), at: real)
        XCTAssertEqual(symlink(real.path, link.path), 0)
        let follower = try StoreFollower(store: link, followCursor: false)
        XCTAssertEqual(follower.start(), [.loaded(edited("one"))])
        try PanelStore.save(edited("two"), to: link)  // the clerk's save keeps the symlink
        XCTAssertEqual(follower.poll(), [.loaded(edited("two"))])
    }
}

/// What the chair is told before any good version has been read.
final class PresentFollowerStartTests: XCTestCase {
    func testAStoreUnreadableFromTheStartWaitsForAGoodSave() {
        var chair = WorkspaceDriver(PanelDocument(), width: 80, height: 24)
        chair.workspace.present(readOnly: true)
        chair.workspace.receive(.unreadable("panel.json is not a Scrutiny panel"), storeName: "panel.json")
        XCTAssertEqual(chair.screen().line(23), "  panel.json unreadable: waiting for a good save")
        chair.workspace.receive(.loaded(PresentPanel.make()), storeName: "panel.json")
        chair.workspace.receive(.unreadable("panel.json is not a Scrutiny panel"), storeName: "panel.json")
        XCTAssertTrue(chair.screen().line(23).hasPrefix("  panel.json unreadable: last good version shown"))
    }
}
