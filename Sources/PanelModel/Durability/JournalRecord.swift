import Foundation

/// One line of a store's journal (see docs/RELIABILITY.md, "Journal format").
///
/// A line is `LENGTH CHECKSUM JSON` and a newline: LENGTH is the JSON's size in bytes (decimal),
/// CHECKSUM its FNV-1a 64 hash (16 hex digits). A line cut short by a crash, or with a flipped
/// byte, fails one of the two checks, so a damaged record is never mistaken for a change.
public struct JournalRecord: Equatable, Sendable {
    /// Numbers every record of a store, increasing across sessions, so that replay can tell
    /// which records a snapshot already holds.
    public var sequence: UInt64
    public var payload: Payload

    public enum Payload: Equatable, Sendable {
        /// The first record of every journal: the records after it follow the snapshot whose
        /// bytes hash to `base`, which holds every change numbered up to `sequence`.
        case start(base: String)
        /// A committed change.
        case edit(Edit)
        /// The open editor's text, not yet committed, as the host encodes it (opaque here): the
        /// latest one is what a crash recovers.
        case draft(Data)
        /// The editor was closed (its text committed or abandoned): no draft to recover.
        case draftEnded
        /// Written just before a new snapshot is renamed into place: that snapshot hashes to
        /// `hash` and holds every change numbered up to `sequence`. If the program dies after the
        /// rename but before the journal is cut, this says which records to skip.
        case snapshot(hash: String)
    }

    public init(sequence: UInt64, payload: Payload) {
        self.sequence = sequence
        self.payload = payload
    }

    /// The record as one journal line, newline included.
    public func line() -> Data {
        let json = Self.json(self)
        var line = Data("\(json.count) \(Checksum.hex(json)) ".utf8)
        line.append(json)
        line.append(0x0A)
        return line
    }

    private static func json(_ record: JournalRecord) -> Data {
        let encoder = JSONEncoder()
        // Sorted keys so the same record is always the same bytes; the encoder escapes every
        // control character, so the JSON never holds the newline that ends the line.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(Wire(record))
        } catch {
            preconditionFailure("encoding a journal record failed: \(error)")  // Only strings and numbers.
        }
    }

    /// Reads one line (without its newline); nil with a reason when it is damaged.
    static func parse(_ line: Data) -> Result<JournalRecord, LineDamage> {
        let bytes = [UInt8](line)
        guard let firstSpace = bytes.firstIndex(of: 0x20),
              let secondSpace = bytes[(firstSpace + 1)...].firstIndex(of: 0x20),
              let length = Int(String(decoding: bytes[..<firstSpace], as: UTF8.self)),
              secondSpace - firstSpace - 1 == 16
        else { return .failure(.init(reason: "it does not start with a length and a checksum")) }
        let checksum = String(decoding: bytes[(firstSpace + 1)..<secondSpace], as: UTF8.self)
        let json = Data(bytes[(secondSpace + 1)...])
        guard json.count == length else {
            return .failure(.init(reason: "it holds \(json.count) bytes where it says \(length)"))
        }
        guard Checksum.hex(json) == checksum else { return .failure(.init(reason: "its checksum does not match")) }
        do {
            return .success(try JSONDecoder().decode(Wire.self, from: json).record)
        } catch {
            return .failure(.init(reason: "its content is not a journal record"))
        }
    }

    struct LineDamage: Error, Equatable {
        var reason: String
    }

    /// The JSON shape of a record: `{"seq": 12, "kind": "edit", "edit": {...}}`.
    private struct Wire: Codable {
        var seq: UInt64
        var kind: String
        var base: String?
        var hash: String?
        var edit: Edit?
        /// A draft's bytes as text when they are UTF-8 (the host's drafts are JSON), so the
        /// journal stays readable; otherwise base64 in `draft64`.
        var draft: String?
        var draft64: String?

        init(_ record: JournalRecord) {
            seq = record.sequence
            switch record.payload {
            case .start(let base): kind = "start"; self.base = base
            case .edit(let edit): kind = "edit"; self.edit = edit
            case .draft(let bytes):
                kind = "draft"
                if let text = String(validating: bytes, as: UTF8.self) { draft = text } else { draft64 = bytes.base64EncodedString() }
            case .draftEnded: kind = "draft-ended"
            case .snapshot(let hash): kind = "snapshot"; self.hash = hash
            }
        }

        var record: JournalRecord {
            get throws {
                let payload: Payload
                switch kind {
                case "start": payload = .start(base: try value(base))
                case "edit": payload = .edit(try value(edit))
                case "draft":
                    if let draft { payload = .draft(Data(draft.utf8)) } else {
                        guard let bytes = Data(base64Encoded: try value(draft64)) else { throw LineDamage(reason: "bad base64") }
                        payload = .draft(bytes)
                    }
                case "draft-ended": payload = .draftEnded
                case "snapshot": payload = .snapshot(hash: try value(hash))
                default: throw LineDamage(reason: "unknown kind \(kind)")
                }
                return JournalRecord(sequence: seq, payload: payload)
            }
        }

        private func value<T>(_ value: T?) throws -> T {
            guard let value else { throw LineDamage(reason: "\(kind) without its value") }
            return value
        }
    }
}
