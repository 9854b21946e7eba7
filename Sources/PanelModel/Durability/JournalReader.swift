import Foundation

/// Reads a journal's bytes into records, stopping at the first damaged line.
///
/// Damage on the last line is what a crash in the middle of an append leaves: it is ignored and
/// reported. Damage anywhere else means the file was harmed some other way (a disk error, an
/// edit by hand): everything before it is kept, nothing after it is trusted.
public enum JournalReader {
    public static func read(_ data: Data) -> JournalContents {
        var records: [JournalRecord] = []
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            let newline = data[start...].firstIndex(of: 0x0A)
            let end = newline ?? data.endIndex
            let next = newline.map { $0 + 1 } ?? data.endIndex
            let isLast = next >= data.endIndex || data[next...].allSatisfy { $0 == 0x0A }
            switch JournalRecord.parse(data[start..<end]) {
            case .success(let record) where newline != nil:
                records.append(record)
            case .success:
                // Whole JSON but no newline: the append stopped just short of finishing.
                return JournalContents(records: records, damage: .tornLastRecord(line: lineNumber))
            case .failure(let damage):
                if isLast { return JournalContents(records: records, damage: .tornLastRecord(line: lineNumber)) }
                let after = data[next...].split(separator: 0x0A).count
                return JournalContents(records: records,
                                       damage: .corruptRecord(line: lineNumber, reason: damage.reason, linesAfter: after))
            }
            start = next
        }
        return JournalContents(records: records, damage: nil)
    }
}

/// What a journal file holds: the records that read whole, and the damage that stopped reading.
public struct JournalContents: Equatable, Sendable {
    public var records: [JournalRecord]
    public var damage: JournalDamage?
}

public enum JournalDamage: Equatable, Sendable {
    /// The last line was cut short or garbled: the usual trace of a crash during an append.
    case tornLastRecord(line: Int)
    /// A damaged line with `linesAfter` more lines after it, none of which were read.
    case corruptRecord(line: Int, reason: String, linesAfter: Int)
}
