import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The panel file format: canonical JSON in, canonical JSON out (see docs/FORMAT.md).
///
/// Canonical means pretty-printed with sorted keys and arrays in document order, so `git diff`
/// of two saves shows only what changed and saving an unchanged panel gives identical bytes.
public enum PanelStore {
    /// The bytes of a document, exactly as they are saved. UTF-8 is written as is and "/" is not
    /// escaped, so names and notes read in any editor as they were typed.
    ///
    /// The bytes are those of `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]` plus a final newline (the format files written before kept),
    /// but written directly by `CanonicalJSONWriter`: no tree of the whole document first, one
    /// buffer handed to the `Data` without a copy. `CanonicalJSONTests` holds the two equal.
    public static func encode(_ document: PanelDocument) -> Data {
        var json = CanonicalJSONWriter(capacity: document.estimatedJSONSize)
        document.write(to: &json)
        json.newline()
        return json.finish()
    }

    /// Reads a document from bytes; `file` names the file in error messages.
    ///
    /// The header (`format`, `version`) is checked before anything else, so a foreign file or
    /// one from a newer Scrutiny is named as such rather than reported as damaged.
    public static func decode(_ data: Data, file: String) throws(StoreError) -> PanelDocument {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw StoreError.notAPanel(file: file, reason: "the file is empty")
        }
        do {
            return try JSONDecoder().decode(CurrentFile.self, from: data).document
        } catch let problem as HeaderProblem {
            switch problem {
            case .notAPanel(let reason):
                throw StoreError.notAPanel(file: file, reason: reason)
            case .badVersion(let reason):
                throw StoreError.invalid(file: file, path: "version", reason: reason)
            case .newer(let version):
                throw StoreError.newerVersion(file: file, version: version, supported: PanelDocument.currentVersion)
            case .older(let version):
                return try migrate(data, from: version, file: file)
            }
        } catch let error as DecodingError {
            throw describe(error, data: data, file: file)
        } catch {
            throw StoreError.notAPanel(file: file, reason: "\(error)")
        }
    }

    /// Decodes everything but the notes, and says where the notes are, for `decodeNotes` to read
    /// later (on another thread): a big store's notes are most of its bytes and of its decoding
    /// time, and the first screen needs none of them.
    ///
    /// Nil whenever this cannot promise the same result as `decode`: the notes not found plainly
    /// (see `NotesSpan`), an older version to migrate, or anything that does not decode. The
    /// caller then decodes whole, which gives the document or today's exact error. When this and
    /// `decodeNotes` both succeed, the document with those notes is the one `decode` gives: the
    /// rest (the notes' value replaced by `[]`) and the notes are each valid JSON, so the whole
    /// is, and each part is read by the same `Decodable` code as in a whole decode.
    public static func decodeWithoutNotes(_ data: Data) -> (document: PanelDocument, notes: Range<Int>)? {
        guard let notes = NotesSpan.locate(in: data) else { return nil }
        var rest = Data(capacity: data.count - notes.count + 2)
        rest.append(data[data.startIndex..<(data.startIndex + notes.lowerBound)])
        rest.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
        rest.append(data[(data.startIndex + notes.upperBound)...])
        // Straight to `CurrentFile`, not `decode`: an older version must not be migrated without its notes.
        guard let document = try? JSONDecoder().decode(CurrentFile.self, from: rest).document else { return nil }
        return (document, notes)
    }

    /// The notes at `range` of `data` (as `decodeWithoutNotes` found them); nil when they do not
    /// decode, and then `decode` of the whole data says why, in the terms of the whole file.
    ///
    /// Decoded a piece (about 256 KB) at a time: the decoder's working copy of what it reads
    /// is then a piece's, not the whole array's, which matters while the first frame is being
    /// drawn beside it. Pieces are decoded on every core at once (the main thread only waits
    /// for them once the first frame is drawn), and joined in their order. A piece must hold at
    /// least one note: only a stray comma could make one empty, and then the whole decode has
    /// the last word.
    public static func decodeNotes(_ data: Data, at range: Range<Int>, pieceSize: Int = 1 << 18) -> [Note]? {
        let pieces = NotesSpan.pieces(of: range, in: data, size: pieceSize)
        guard pieces.count > 1 else {
            let slice = data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
            return try? JSONDecoder().decode([Note].self, from: slice)
        }
        let parts = DecodedPieces(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let piece = pieces[index]
            var list = Data(capacity: piece.count + 2)
            list.append(UInt8(ascii: "["))
            list.append(data[(data.startIndex + piece.lowerBound)..<(data.startIndex + piece.upperBound)])
            list.append(UInt8(ascii: "]"))
            let part = try? JSONDecoder().decode([Note].self, from: list)
            parts.set(index, part.flatMap { $0.isEmpty ? nil : $0 })
        }
        return parts.joined()
    }

    /// The notes of each piece as its decoding thread hands them in; nil for a piece that did not decode.
    private final class DecodedPieces: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [[Note]?]

        init(count: Int) { parts = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ notes: [Note]?) {
            lock.withLock { parts[index] = notes }
        }

        /// All the notes in the pieces' order, or nil when any piece failed.
        func joined() -> [Note]? {
            lock.withLock {
                var notes: [Note] = []
                notes.reserveCapacity(parts.reduce(0) { $0 + ($1?.count ?? 0) })
                for part in parts {
                    guard let part else { return nil }
                    notes += part
                }
                return notes
            }
        }
    }

    /// Brings a file of an older format version up to date, then decodes it. Nothing is written:
    /// the file changes only when the panel is next saved, in the current format.
    private static func migrate(_ data: Data, from version: Int, file: String) throws(StoreError) -> PanelDocument {
        let upgraded: Data
        do {
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw StoreError.notAPanel(file: file, reason: "the top level is not an object")
            }
            try FormatMigration.upgrade(&object, from: version, to: PanelDocument.currentVersion,
                                        steps: FormatMigration.steps)
            upgraded = try JSONSerialization.data(withJSONObject: object)
        } catch let error as StoreError {
            throw error
        } catch let error as FormatMigration.Failure {
            throw StoreError.migrationFailed(file: file, fromVersion: version, reason: error.reason)
        } catch {
            throw StoreError.migrationFailed(file: file, fromVersion: version, reason: "\(error)")
        }
        return try decode(upgraded, file: file)
    }

    /// Turns the decoder's error into one that says where and what, in the file's own terms.
    private static func describe(_ error: DecodingError, data: Data, file: String) -> StoreError {
        switch error {
        case let .typeMismatch(type, context):
            let found = context.debugDescription.firstMatch(of: /but found (.+?) instead/).map { " but found \($0.1)" } ?? ""
            return .invalid(file: file, path: jsonPath(context.codingPath), reason: "expected \(describe(type))\(found)")
        case let .valueNotFound(type, context):
            return .invalid(file: file, path: jsonPath(context.codingPath), reason: "expected \(describe(type)) but found null")
        case let .keyNotFound(key, context):
            return .invalid(file: file, path: jsonPath(context.codingPath + [key]), reason: "a required value is missing")
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            // Checked only once decoding has failed, so a good file's load doesn't pay for it.
            if data.contains(0) || String(validating: data, as: UTF8.self) == nil {
                return .notAPanel(file: file, reason: "it is not text: it holds bytes that are not UTF-8")
            }
            return syntaxError(in: data, file: file)
        case let .dataCorrupted(context):
            return .invalid(file: file, path: jsonPath(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return .notAPanel(file: file, reason: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default: "\(type)"
        }
    }

    /// `framework.cells[3].text`: the path as someone reading the JSON would write it.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out.isEmpty ? "the top level" : out
    }

    /// JSONDecoder says only "not valid JSON"; JSONSerialization says at which byte, which
    /// becomes a line and a column an editor can jump to.
    private static func syntaxError(in data: Data, file: String) -> StoreError {
        let message: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return .notAPanel(file: file, reason: "it is not valid JSON")
        } catch {
            message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "it is not valid JSON"
        }
        let offset: Int
        if let match = message.firstMatch(of: /character (\d+)/), let at = Int(match.1) {
            offset = min(at, data.count)
        } else if message.localizedCaseInsensitiveContains("end of file") {
            offset = data.count
        } else {
            return .notAPanel(file: file, reason: "it is not valid JSON: \(message)")
        }
        let (line, column) = lineAndColumn(ofByte: offset, in: data)
        var reason = message.replacing(/\s(around|starting from) character \d+/, with: "")
        if reason.hasSuffix(".") { reason.removeLast() }
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        return .syntax(file: file, line: line, column: column, reason: reason)
    }

    /// 1-based line and column (in characters, not bytes) of a byte offset.
    static func lineAndColumn(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let before = data.prefix(offset)
        let line = before.count(where: { $0 == 0x0A }) + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }
}

/// The whole file as this build writes it: the header is checked first, then the document.
private struct CurrentFile: Decodable {
    var document: PanelDocument

    private enum HeaderKeys: String, CodingKey { case format, version }

    init(from decoder: any Decoder) throws {
        guard let header = try? decoder.container(keyedBy: HeaderKeys.self) else {
            throw HeaderProblem.notAPanel("the top level is not a JSON object")
        }
        guard let format = try? header.decodeIfPresent(String.self, forKey: .format) else {
            throw HeaderProblem.notAPanel("it has no \"format\": \"\(PanelDocument.formatName)\"")
        }
        guard format == PanelDocument.formatName else {
            throw HeaderProblem.notAPanel("its format is “\(format)”, not “\(PanelDocument.formatName)”")
        }
        guard header.contains(.version) else { throw HeaderProblem.badVersion("a required value is missing") }
        guard let version = try? header.decode(Int.self, forKey: .version) else {
            throw HeaderProblem.badVersion("expected a whole number")
        }
        if version > PanelDocument.currentVersion { throw HeaderProblem.newer(version) }
        if version < PanelDocument.currentVersion {
            guard version >= 1 else { throw HeaderProblem.badVersion("\(version) is not a version of the format") }
            throw HeaderProblem.older(version)
        }
        document = try PanelDocument(from: decoder)
    }
}

/// What the header of a file says, when it says "don't decode the rest as this version".
private enum HeaderProblem: Error {
    case notAPanel(String)
    case badVersion(String)
    case newer(Int)
    case older(Int)
}

/// How files of older format versions are brought up to date on load.
///
/// Each step turns the JSON object of version v into version v + 1; a file of version v goes
/// through every step from v to the current one, in order. There is no older version yet, so
/// `steps` is empty; when version 2 comes, `steps[1]` is where its conversion goes, together with
/// a fixture file of version 1 in the tests.
enum FormatMigration {
    typealias Step = @Sendable (inout [String: Any]) throws -> Void

    static let steps: [Int: Step] = [:]

    struct Failure: Error { var reason: String }

    static func upgrade(_ object: inout [String: Any], from version: Int, to target: Int,
                        steps: [Int: Step]) throws {
        var current = version
        while current < target {
            guard let step = steps[current] else {
                throw Failure(reason: "this build has no conversion from version \(current) to \(current + 1)")
            }
            try step(&object)
            current += 1
            object["version"] = current
        }
    }
}

extension PanelStore {
    /// Reads and decodes a store file. The file is only read, never changed.
    public static func load(from url: URL) throws(StoreError) -> PanelDocument {
        try decode(try contents(of: url), file: url.relativePath)
    }

    /// The raw bytes of a store file, for callers that look at more than the document
    /// (`scrutiny check` compares them with what Scrutiny would write).
    public static func contents(of url: URL) throws(StoreError) -> Data {
        try readWhole(url.path, displayName: url.relativePath)
    }

    /// Saves a document atomically (see `AtomicFile`): the file holds the old panel or the new
    /// one, never a mix. An existing file keeps its mode; a symlink stays a symlink.
    public static func save(_ document: PanelDocument, to url: URL) throws(StoreError) {
        try AtomicFile.replace(url.path, with: encode(document), displayName: url.relativePath)
    }

    /// Writes a new store (mode 0600); refuses if anything already exists at `url`.
    public static func create(_ document: PanelDocument, at url: URL) throws(StoreError) {
        try AtomicFile.create(url.path, with: encode(document), displayName: url.relativePath)
    }

    /// The bytes of a file, with a reason in words when it can't be read.
    static func readWhole(_ path: String, displayName: String) throws(StoreError) -> Data {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.unreadable(file: displayName, reason: readFailure(errno)) }
        defer { Glibc.close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
            throw StoreError.unreadable(file: displayName, reason: "it is a folder, not a file")
        }
        // Read straight into a buffer of the file's size (plus room to notice it grew): a 20 MB
        // store is one or two read calls, not thousands of small appends.
        var capacity = max(Int(info.st_size), 0) + 4096
        var data = Data(count: capacity)
        var length = 0
        while true {
            if length == capacity {
                capacity *= 2
                data.count = capacity
            }
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + length, capacity - length) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.unreadable(file: displayName, reason: readFailure(errno))
            }
            if n == 0 { break }
            length += n
        }
        data.count = length
        return data
    }

    private static func readFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "it does not exist"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a folder, not a file"
        case ENOTDIR: "a part of the path is not a folder"
        case EIO: "the disk reported an input/output error"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
