import Foundation
import XCTest
@testable import PanelTerminal

/// Drafts: at most one write a second, the newest bytes always within a second.
final class HostDraftThrottleTests: XCTestCase {
    private func bytes(_ s: String) -> DeferredBytes { DeferredBytes(Data(s.utf8)) }

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

    // Where drafts go (the journal, fsync'd, 0600) is tested in HostJournalTests and StoreSessionTests.
}
