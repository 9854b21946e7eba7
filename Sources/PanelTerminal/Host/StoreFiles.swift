import Foundation
import PanelModel

/// The files the host keeps beside a store besides the store's own (snapshot, journal, lock:
/// `StoreSession`): when the store cannot be written on the way out, a rescue copy of the panel.
/// The open editor's draft is not here: it goes into the journal with the changes.
public struct StoreFiles: Sendable {
    public let store: URL

    public init(store: URL) {
        self.store = store
    }

    /// Where the clerk's selection is published for followers (`CursorSidecar`).
    public var cursor: URL { CursorSidecar.url(for: store) }

    /// Atomic (temporary file, then rename), so a follower never reads half a file.
    public func writeCursor(_ bytes: Data) throws {
        try Self.writeAtomically(bytes, to: cursor)
    }

    public func removeCursor() {
        unlink(cursor.path)
    }

    /// Writes bytes to `url` via a fresh 0600 temporary file in the same folder, fsync'd, then
    /// renamed into place.
    static func writeAtomically(_ bytes: Data, to url: URL) throws {
        let temporary = url.path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: temporary, code: errno) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0 && rename(temporary, url.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw FileError(path: url.path, code: failure)
        }
    }

    /// A new file beside the store for changes that could not be saved into it.
    public func rescueCandidate(at date: Date) -> URL {
        let stamp = Self.stampFormat(date)
        let folder = store.deletingLastPathComponent()
        let base = store.deletingPathExtension().lastPathComponent
        let ext = store.pathExtension.isEmpty ? "json" : store.pathExtension
        return folder.appendingPathComponent("\(base)-unsaved-\(stamp).\(ext)")
    }

    static func stampFormat(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}

/// A system call on a file failed; says which file and why, in words.
public struct FileError: Error, CustomStringConvertible {
    public let path: String
    public let code: Int32
    public var description: String { "\(path): \(String(cString: strerror(code)))" }
}
