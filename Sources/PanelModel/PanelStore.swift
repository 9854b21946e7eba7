import Foundation

/// The panel file format: canonical JSON in, canonical JSON out.
///
/// Canonical means pretty-printed with sorted keys and arrays in document order, so `git diff`
/// of two saves shows only what changed and saving an unchanged panel gives identical bytes.
public enum PanelStore {
    /// The bytes of a document, exactly as they are saved.
    public static func encode(_ document: PanelDocument) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(document)
            data.append(0x0A)
            return data
        } catch {
            // Every value in a document is a string, number, bool or array of them: encoding
            // cannot fail unless this code is wrong.
            preconditionFailure("encoding a panel failed: \(error)")
        }
    }

    /// Reads a document from bytes; `file` names the file in error messages.
    public static func decode(_ data: Data, file: String) throws(StoreError) -> PanelDocument {
        do {
            return try JSONDecoder().decode(PanelDocument.self, from: data)
        } catch {
            throw StoreError.corrupt(file: file, reason: "\(error)")
        }
    }
}

/// What went wrong reading or writing a store, in words a clerk can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case corrupt(file: String, reason: String)

    public var description: String {
        switch self {
        case let .corrupt(file, reason): "\(file): not a readable Scrutiny panel: \(reason)"
        }
    }
}

extension PanelStore {
    /// Reads and decodes a store file.
    /// PLACEHOLDER until the store work lands: no version check, no line/column in errors.
    public static func load(from url: URL) throws(StoreError) -> PanelDocument {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StoreError.corrupt(file: url.path, reason: "cannot be read: \(error.localizedDescription)")
        }
        return try decode(data, file: url.path)
    }

    /// Saves a document. PLACEHOLDER until the store work lands: not yet atomic with fsync.
    public static func save(_ document: PanelDocument, to url: URL) throws(StoreError) {
        do { try encode(document).write(to: url) } catch {
            throw StoreError.corrupt(file: url.path, reason: "cannot be written: \(error.localizedDescription)")
        }
    }
}
