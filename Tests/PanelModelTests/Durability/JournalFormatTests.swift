import Foundation
import XCTest
@testable import PanelModel

/// The journal's lines: length, checksum, JSON; and how a reader treats a torn or corrupt line.
final class JournalFormatTests: XCTestCase {
    private let edit = Edit.setCell(CellKey(criterion: "crit-equity", dimension: "dim-outcomes"),
                                    from: "", to: "Co production\nbegins")

    func testTheChecksumIsFNV1a64() {
        // The published test vectors of FNV-1a 64.
        XCTAssertEqual(Checksum.hex(Data()), "cbf29ce484222325")
        XCTAssertEqual(Checksum.hex(Data("a".utf8)), "af63dc4c8601ec8c")
        XCTAssertEqual(Checksum.hex(Data("foobar".utf8)), "85944171f73967e8")
    }

    func testARecordIsOneLineOfLengthChecksumAndJSON() {
        let line = String(decoding: JournalRecord(sequence: 7, payload: .draftEnded).line(), as: UTF8.self)
        let json = #"{"kind":"draft-ended","seq":7}"#
        XCTAssertEqual(line, "\(json.utf8.count) \(Checksum.hex(Data(json.utf8))) \(json)\n")
    }

    func testADraftIsKeptAsReadableTextWhenItIsUTF8() {
        let draft = Data(#"{"text":"Parents"}"#.utf8)
        let line = String(decoding: JournalRecord(sequence: 2, payload: .draft(draft)).line(), as: UTF8.self)
        XCTAssertTrue(line.hasSuffix(#" {"draft":"{\"text\":\"Parents\"}","kind":"draft","seq":2}"# + "\n"), line)
        let binary = String(decoding: JournalRecord(sequence: 3, payload: .draft(Data([0xFF, 0x41]))).line(), as: UTF8.self)
        XCTAssertTrue(binary.hasSuffix(#" {"draft64":"/0E=","kind":"draft","seq":3}"# + "\n"), binary)
    }

    func testTextWithLineBreaksStaysOnOneLine() {
        let line = JournalRecord(sequence: 1, payload: .edit(edit)).line()
        XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1)
        XCTAssertEqual(line.last, 0x0A)
    }

    func testEveryKindOfRecordReadsBack() {
        let records = [
            JournalRecord(sequence: 4, payload: .start(base: "00112233aabbccdd")),
            JournalRecord(sequence: 5, payload: .edit(edit)),
            JournalRecord(sequence: 6, payload: .draft(Data(#"{"cursor":3,"text":"Parents say ✓ 🎫\n"}"#.utf8))),
            JournalRecord(sequence: 7, payload: .draft(Data([0xFF, 0x00, 0x1B, 0x41]))),  // Not UTF-8: base64.
            JournalRecord(sequence: 5, payload: .snapshot(hash: "ffeeddccbbaa9988")),
            JournalRecord(sequence: 8, payload: .draftEnded),
        ]
        let data = records.reduce(into: Data()) { $0.append($1.line()) }
        XCTAssertEqual(JournalReader.read(data), JournalContents(records: records, damage: nil))
    }

    func testALastRecordCutAnywhereIsIgnoredAsTorn() {
        let first = JournalRecord(sequence: 0, payload: .start(base: "00112233aabbccdd"))
        let last = JournalRecord(sequence: 1, payload: .edit(edit))
        let whole = first.line() + last.line()
        // Every length from nothing of the last line to all of it but its newline.
        for cut in first.line().count + 1..<whole.count {
            let contents = JournalReader.read(whole.prefix(cut))
            XCTAssertEqual(contents, JournalContents(records: [first], damage: .tornLastRecord(line: 2)), "cut at \(cut)")
        }
        XCTAssertEqual(JournalReader.read(first.line()), JournalContents(records: [first], damage: nil))
    }

    func testAFlippedByteInTheLastRecordIsIgnoredAsTorn() {
        let first = JournalRecord(sequence: 0, payload: .start(base: "00112233aabbccdd"))
        var data = first.line() + JournalRecord(sequence: 1, payload: .edit(edit)).line()
        data[data.count - 5] ^= 0x01
        XCTAssertEqual(JournalReader.read(data), JournalContents(records: [first], damage: .tornLastRecord(line: 2)))
    }

    func testACorruptRecordInTheMiddleStopsReadingAndSaysWhere() {
        let lines = (0..<5).map { JournalRecord(sequence: UInt64($0), payload: .edit(edit)).line() }
        var third = lines[2]
        third[third.count - 4] = UInt8(ascii: "X")
        let data = lines[0] + lines[1] + third + lines[3] + lines[4]
        let contents = JournalReader.read(data)
        XCTAssertEqual(contents.records.map(\.sequence), [0, 1])
        XCTAssertEqual(contents.damage, .corruptRecord(line: 3, reason: "its checksum does not match", linesAfter: 2))
    }

    func testAWrongLengthAndAMissingHeaderAreNamed() {
        let good = JournalRecord(sequence: 9, payload: .draftEnded).line()
        let json = #"{"kind":"draft-ended","seq":1}"#
        let wrongLength = Data("99 \(Checksum.hex(Data(json.utf8))) \(json)\n".utf8)
        XCTAssertEqual(JournalReader.read(wrongLength + good).damage,
                       .corruptRecord(line: 1, reason: "it holds 30 bytes where it says 99", linesAfter: 1))
        XCTAssertEqual(JournalReader.read(Data("hello\n".utf8) + good).damage,
                       .corruptRecord(line: 1, reason: "it does not start with a length and a checksum", linesAfter: 1))
        let unknown = #"{"kind":"launch","seq":1}"#
        let unknownLine = Data("\(unknown.utf8.count) \(Checksum.hex(Data(unknown.utf8))) \(unknown)\n".utf8)
        XCTAssertEqual(JournalReader.read(unknownLine + good).damage,
                       .corruptRecord(line: 1, reason: "its content is not a journal record", linesAfter: 1))
    }

    func testWholeRecordWithoutItsNewlineIsTorn() {
        var data = JournalRecord(sequence: 1, payload: .draftEnded).line()
        data.removeLast()
        XCTAssertEqual(JournalReader.read(data), JournalContents(records: [], damage: .tornLastRecord(line: 1)))
    }
}
