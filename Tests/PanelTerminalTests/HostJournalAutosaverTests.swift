import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// The autosaver hands each snapshot the number of the last journal change its document holds,
/// so the journal is cut exactly there: never past a change the document lacks.
final class HostJournalAutosaverTests: XCTestCase {
    private final class Writes: @unchecked Sendable {
        private let lock = NSLock()
        private var _written: [String] = []
        private var _jobs: [@Sendable () -> Void] = []
        var failing = false
        var written: [String] { lock.withLock { _written } }
        func add(_ job: @escaping @Sendable () -> Void) { lock.withLock { _jobs.append(job) } }
        func runNext() { (lock.withLock { _jobs.removeFirst() })() }
        func write(_ document: PanelDocument, _ sequence: UInt64) throws {
            if failing { throw FileError(path: "panel.json", code: ENOSPC) }
            lock.withLock { _written.append("\(document.panel.title)@\(sequence)") }
        }
    }

    private func document(_ title: String) -> PanelDocument {
        var document = PanelDocument()
        document.panel.title = title
        return document
    }

    func testEachSnapshotCarriesTheNumberSubmittedWithItsDocumentEvenAfterARetry() {
        let writes = Writes()
        let autosaver = Autosaver(snapshot: { try writes.write($0, $1) }, execute: { writes.add($0) }, clock: { 0 })
        autosaver.submit(document("a"), through: 3)
        autosaver.submit(document("ab"), through: 5)  // while "a" is being written: latest wins
        writes.runNext()
        autosaver.tick()
        writes.runNext()
        XCTAssertEqual(writes.written, ["a@3", "ab@5"])

        writes.failing = true
        autosaver.submit(document("abc"), through: 8)
        writes.runNext()
        writes.failing = false
        XCTAssertNil(autosaver.flush(), "the failed version is written on the way out")
        XCTAssertEqual(writes.written, ["a@3", "ab@5", "abc@8"], "with its own number")
    }
}
