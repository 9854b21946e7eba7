import Foundation
import XCTest
@testable import PanelModel

/// `:sync` rewrites the store (git merges into it) while the workspace holds the lock: after
/// `adoptStoreWrittenOutside`, a crash replays only what came after the sync, onto the merged file.
final class StoreSessionSyncTests: XCTestCase {
    func testAfterAdoptingTheMergedFileACrashReplaysOnlyLaterChangesOntoIt() throws {
        let store = try StoreFixture()
        let ours = Edit.setPanelField(.title, from: PanelTemplates.example.panel.title, to: "Ours")
        var mine = PanelTemplates.example
        try ours.apply(to: &mine)
        var merged = mine
        merged.panel.chair = "From the other clerk"
        let later = Edit.setPanelField(.committee, from: merged.panel.committee, to: "After the sync")
        var expected = merged
        try later.apply(to: &expected)
        do {
            let (session, _) = try StoreSession.open(store.url, program: "t")
            try session.record(ours)
            try session.snapshot(mine, through: session.lastSequence)
            // The sync: git writes the merged version in place.
            try AtomicFile.replace(store.url.path, with: PanelStore.encode(merged))
            XCTAssertEqual(try session.adoptStoreWrittenOutside(), merged)
            try session.record(later)
            // Killed here: no snapshot since.
        }
        let (session, opened) = try StoreSession.open(store.url, program: "t")
        XCTAssertEqual(opened.document, expected)
        XCTAssertEqual(opened.recovery.replayed, 1)
        XCTAssertEqual(opened.summary, "replayed 1 change")
        // And the next snapshot is ours, not "changed outside Scrutiny".
        XCTAssertEqual(try session.snapshot(expected, through: session.lastSequence), .saved)
        session.close()
    }

    func testAnUnreadableFileAfterTheSyncIsRefusedAndTheJournalKept() throws {
        let store = try StoreFixture()
        let (session, _) = try StoreSession.open(store.url, program: "t")
        try session.snapshot(PanelTemplates.example, through: session.lastSequence)
        try AtomicFile.replace(store.url.path, with: Data("<<<<<<< not a panel".utf8))
        XCTAssertThrowsError(try session.adoptStoreWrittenOutside())
        // Our version is saved over it, the broken one kept aside for a look.
        XCTAssertEqual(try session.snapshot(PanelTemplates.example, through: session.lastSequence).isOutsideChange, true)
        session.close()
    }
}

private extension StoreSession.SnapshotOutcome {
    var isOutsideChange: Bool {
        if case .replacedOutsideChange = self { true } else { false }
    }
}
