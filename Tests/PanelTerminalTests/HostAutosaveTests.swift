import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// Autosave: one write at a time, latest version wins, failures retried, nothing written on
/// the caller's thread except the final flush. Writes are run by hand, so nothing here sleeps.
final class HostAutosaveTests: XCTestCase {
    private func document(_ title: String) -> PanelDocument {
        var document = PanelDocument()
        document.panel.title = title
        return document
    }

    // MARK: The schedule alone

    func testAVersionSubmittedWhileIdleIsWrittenAtOnce() {
        var schedule = SaveSchedule()
        XCTAssertEqual(schedule.submit(document("a")), .saving)
        XCTAssertEqual(schedule.nextWrite(now: 0)?.panel.title, "a")
        XCTAssertNil(schedule.nextWrite(now: 0), "one write at a time")
    }

    func testVersionsSubmittedDuringAWriteCollapseIntoTheLatest() {
        var schedule = SaveSchedule()
        _ = schedule.submit(document("a"))
        let first = schedule.nextWrite(now: 0)!
        _ = schedule.submit(document("ab"))
        _ = schedule.submit(document("abc"))
        XCTAssertNil(schedule.finished(first, error: nil, now: 0.1), "still saving: a newer version waits")
        XCTAssertEqual(schedule.nextWrite(now: 0.1)?.panel.title, "abc")
        XCTAssertNil(schedule.nextWrite(now: 0.1))
    }

    func testAFailureIsReportedAndRetriedAfterTheInterval() {
        var schedule = SaveSchedule()
        _ = schedule.submit(document("a"))
        let first = schedule.nextWrite(now: 0)!
        XCTAssertEqual(schedule.finished(first, error: "disk full", now: 0.5), .failed(reason: "disk full"))
        XCTAssertNil(schedule.nextWrite(now: 2.4))
        XCTAssertEqual(schedule.submit(document("ab")), .failed(reason: "disk full"), "still not saved")
        let retry = schedule.nextWrite(now: 2.5)
        XCTAssertEqual(retry?.panel.title, "ab", "the retry writes the newest version")
        XCTAssertEqual(schedule.finished(retry!, error: nil, now: 2.6), .saved(at: .distantPast))
        XCTAssertTrue(schedule.isClean)
    }

    // MARK: The autosaver with its thread replaced by a list of jobs

    private final class Jobs: @unchecked Sendable {
        private let lock = NSLock()
        private var jobs: [@Sendable () -> Void] = []
        var count: Int { lock.withLock { jobs.count } }
        func add(_ job: @escaping @Sendable () -> Void) { lock.withLock { jobs.append(job) } }
        func runNext() {
            let job = lock.withLock { jobs.removeFirst() }
            job()
        }
    }

    private final class Disk: @unchecked Sendable {
        private let lock = NSLock()
        private var _written: [String] = []
        private var _failure: String?
        private var _now: Double = 0
        var written: [String] { lock.withLock { _written } }
        var failure: String? {
            get { lock.withLock { _failure } }
            set { lock.withLock { _failure = newValue } }
        }
        var now: Double {
            get { lock.withLock { _now } }
            set { lock.withLock { _now = newValue } }
        }
        func write(_ document: PanelDocument) throws {
            if let failure { throw FileError(path: "/panel.json", code: ENOSPC).with(failure) }
            lock.withLock { _written.append(document.panel.title) }
        }
    }

    private let savedAt = Date(timeIntervalSince1970: 1_700_000_000)

    private func makeAutosaver(_ jobs: Jobs, _ disk: Disk) -> Autosaver {
        let savedAt = self.savedAt
        return Autosaver(write: { try disk.write($0) }, execute: { jobs.add($0) },
                         clock: { disk.now }, wallClock: { savedAt })
    }

    func testTypingFastCostsOneWriteInFlightAndOneForTheLatest() {
        let jobs = Jobs(), disk = Disk()
        let autosaver = makeAutosaver(jobs, disk)
        autosaver.submit(document("a"))
        autosaver.submit(document("ab"))
        autosaver.submit(document("abc"))
        XCTAssertEqual(jobs.count, 1)
        jobs.runNext()
        autosaver.tick()
        XCTAssertEqual(jobs.count, 1)
        jobs.runNext()
        autosaver.tick()
        XCTAssertEqual(jobs.count, 0)
        XCTAssertEqual(disk.written, ["a", "abc"])
        XCTAssertEqual(autosaver.takeStatuses(), [.saving, .saving, .saving, .saved(at: savedAt)])
        XCTAssertEqual(autosaver.takeStatuses(), [])
    }

    func testAFailedSaveKeepsTheDocumentAndRetriesEveryCoupleOfSeconds() {
        let jobs = Jobs(), disk = Disk()
        let autosaver = makeAutosaver(jobs, disk)
        disk.failure = "No space left on device"
        autosaver.submit(document("a"))
        jobs.runNext()
        XCTAssertEqual(autosaver.takeStatuses(), [.saving, .failed(reason: "/panel.json: No space left on device")])
        disk.now = 1
        autosaver.tick()
        XCTAssertEqual(jobs.count, 0, "no retry before two seconds")
        disk.now = 2
        autosaver.tick()
        XCTAssertEqual(jobs.count, 1)
        disk.failure = nil
        jobs.runNext()
        XCTAssertEqual(disk.written, ["a"])
        XCTAssertEqual(autosaver.takeStatuses(), [.saved(at: savedAt)])
    }

    func testFlushWritesWhatIsUnwrittenAndSaysWhenItCannot() {
        let jobs = Jobs(), disk = Disk()
        let autosaver = makeAutosaver(jobs, disk)
        disk.failure = "Read-only file system"
        autosaver.submit(document("a"))
        jobs.runNext()
        let unsaved = autosaver.flush()
        XCTAssertEqual(unsaved?.document.panel.title, "a")
        XCTAssertEqual(unsaved?.reason, "/panel.json: Read-only file system")
        disk.failure = nil
        autosaver.submit(document("ab"))
        XCTAssertEqual(jobs.count, 0, "the retry waits its two seconds")
        XCTAssertNil(autosaver.flush())
        XCTAssertEqual(disk.written, ["ab"])
    }

    func testFlushWaitsForTheWriteInFlight() {
        let disk = Disk()
        let queue = DispatchQueue(label: "test.autosave")
        let gate = DispatchSemaphore(value: 0)
        let autosaver = Autosaver(write: { try disk.write($0) },
                                  execute: { job in queue.async { gate.wait(); job() } },
                                  clock: { disk.now })
        autosaver.submit(document("a"))
        autosaver.submit(document("ab"))
        gate.signal()
        XCTAssertNil(autosaver.flush())
        XCTAssertEqual(disk.written, ["a", "ab"])
    }
}

private extension FileError {
    /// A file error whose words are given, as a failing disk would say them.
    func with(_ words: String) -> Error { Worded(description: "\(path): \(words)") }
}

private struct Worded: Error, CustomStringConvertible {
    let description: String
}
