import Foundation
import XCTest
@testable import PanelModel
import ScrutinyTestSupport

/// Thousands of damaged journals, made deterministically from a real one (bytes flipped, cut,
/// dropped, duplicated, garbage spliced in): reading never crashes, never invents a record,
/// and never reorders them; opening a store with such a journal always succeeds.
/// The libFuzzer target `scripts/fuzz journal` explores the same reader without these limits.
final class JournalDamageTests: XCTestCase {
    private var original: (data: Data, records: [JournalRecord]) {
        let (edits, _) = StoreFixture.typedNotes(6, onto: PanelTemplates.example)
        var records = [JournalRecord(sequence: 0, payload: .start(base: "0123456789abcdef"))]
        for (k, edit) in edits.enumerated() {
            records.append(JournalRecord(sequence: UInt64(2 * k + 1), payload: .edit(edit)))
            records.append(JournalRecord(sequence: UInt64(2 * k + 2), payload: .draft(Data("draft \(k) ✓".utf8))))
        }
        return (records.reduce(into: Data()) { $0.append($1.line()) }, records)
    }

    func testDamagedJournalsNeverInventOrReorderRecords() {
        let (data, records) = original
        var random = SeededGenerator(seed: 20240306)
        for round in 0..<3000 {
            let damaged = random.damage(data)
            let contents = JournalReader.read(damaged)
            // Every record read is one of the originals, in the original order.
            var position = 0
            for record in contents.records {
                guard let found = records[position...].firstIndex(of: record) else {
                    return XCTFail("round \(round): invented or reordered \(record)")
                }
                position = found + 1
            }
            if damaged == data { XCTAssertEqual(contents, JournalContents(records: records, damage: nil)) }
        }
    }

    func testAStoreOpensWhateverItsJournalHolds() throws {
        let store = try StoreFixture()
        let snapshot = try Data(contentsOf: store.url)
        let (edits, _) = StoreFixture.typedNotes(4, onto: PanelTemplates.example)
        do {
            let (session, _) = try StoreSession.open(store.url, program: "t")
            for edit in edits { try session.record(edit) }
        }
        let journal = try Data(contentsOf: URL(fileURLWithPath: store.journalPath))
        var random = SeededGenerator(seed: 7)
        for round in 0..<60 {
            try random.damage(journal).write(to: URL(fileURLWithPath: store.journalPath))
            do {
                let (session, opened) = try StoreSession.open(store.url, program: "t")
                XCTAssertLessThanOrEqual(opened.recovery.replayed, 4, "round \(round)")
                session.close()
            } catch {
                XCTFail("round \(round): \(error)")
            }
            XCTAssertEqual(try Data(contentsOf: store.url), snapshot, "opening never writes the store")
            for name in try store.scratch.names() where name.contains(".damaged-") {
                try FileManager.default.removeItem(at: store.scratch.file(name))
            }
        }
    }
}

/// The seeded generator, so every run damages the same way.
extension SeededGenerator {
    /// One to three kinds of damage a disk, a crash or a careless hand could do.
    mutating func damage(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...3, using: &self) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &self)
            switch Int.random(in: 0..<6, using: &self) {
            case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &self)       // a flipped byte
            case 1: bytes.removeSubrange(at...)                                 // torn at the end
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...300, using: &self)))
            case 3: bytes.insert(contentsOf: (0..<Int.random(in: 1...40, using: &self)).map { _ in UInt8.random(in: 0...255, using: &self) }, at: at)
            case 4: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 200)], at: at)  // a repeated stretch
            default: bytes.insert(0x0A, at: at)                                 // a stray line break
            }
        }
        return Data(bytes)
    }
}
