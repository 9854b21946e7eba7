import Foundation
import Glibc
import PanelModel

/// Follows a store the clerk's instance is saving, for `scrutiny present`: reads it again each
/// time it is replaced, and (with `followCursor`) reads the clerk's `FILE.cursor` too.
///
/// It watches the *folder* with inotify, not the file: the clerk's atomic save writes a
/// temporary file and renames it over the store, so a watch on the old file would see nothing
/// after the first save. Events name the file, so the store is reopened by name. Each poll
/// also compares the file's identity (device, inode, size, modification time) with the last
/// read, a safety net for what inotify cannot see: no inotify at all (a limit reached), a
/// store that is a symlink into another folder, a network file system written elsewhere.
///
/// It only ever opens files for reading: never the store for writing, never the clerk's lock.
/// Several followers on one store are just several readers.
public final class StoreFollower {
    public enum Event: Equatable, Sendable {
        /// The store as it now is.
        case loaded(PanelDocument)
        /// The store is there but could not be read as a panel (a half-copied or hand-edited
        /// file): the last good state stays on screen.
        case unreadable(String)
        /// There is no store (yet): waiting for the clerk's first save.
        case missing
        /// The clerk's selection moved.
        case cursor(CursorSidecar)
    }

    public let store: URL
    public let followCursor: Bool
    private let folder: String
    private let storeName: String
    private let cursorName: String
    private var inotify: Int32 = -1
    /// What the store and cursor files were when last read, for the fallback without inotify
    /// and to skip reading a file that did not change.
    private var storeIdentity: FileIdentity?
    private var cursorIdentity: FileIdentity?

    /// Why a follower cannot start, in words the user can act on.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Parameter watch: false leaves inotify out and relies on the identity check alone (for tests).
    public init(store: URL, followCursor: Bool, watch: Bool = true) throws(StartError) {
        self.store = store
        self.followCursor = followCursor
        folder = store.deletingLastPathComponent().path
        storeName = store.lastPathComponent
        cursorName = CursorSidecar.url(for: store).lastPathComponent
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw StartError(description: "the folder \(folder) does not exist: check the path of \(store.relativePath)")
        }
        let fd = watch ? inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) : -1
        if fd >= 0 {
            let mask = UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
                | UInt32(IN_MOVED_FROM)
            if inotify_add_watch(fd, folder, mask) >= 0 {
                inotify = fd
            } else {
                close(fd)
            }
        }
    }

    deinit {
        if inotify >= 0 { close(inotify) }
    }

    /// True when the folder is watched by inotify (otherwise only the identity check notices changes).
    public var usesInotify: Bool { inotify >= 0 }

    /// The store (and cursor) as they are now: call once at the start.
    public func start() -> [Event] {
        var events = [readStore()]
        if followCursor, let cursor = readCursor() { events.append(.cursor(cursor)) }
        return events
    }

    /// What changed since the last call; never blocks. Call it a few times a second.
    public func poll() -> [Event] {
        var storeTouched = false
        var cursorTouched = false
        if inotify >= 0 {
            for name in drainNames() {
                if name == nil || name == storeName { storeTouched = true }
                if name == nil || name == cursorName { cursorTouched = true }
            }
        }
        if FileIdentity(path: store.path) != storeIdentity { storeTouched = true }
        if followCursor && FileIdentity(path: CursorSidecar.url(for: store).path) != cursorIdentity { cursorTouched = true }
        var events: [Event] = []
        if storeTouched { events.append(readStore()) }
        if followCursor && cursorTouched, let cursor = readCursor() { events.append(.cursor(cursor)) }
        return events
    }

    private func readStore() -> Event {
        storeIdentity = FileIdentity(path: store.path)
        guard storeIdentity != nil else { return .missing }
        do {
            return .loaded(try PanelStore.load(from: store))
        } catch {
            if case .unreadable(_, let reason) = error, reason == "it does not exist" { return .missing }
            return .unreadable(error.description)
        }
    }

    private func readCursor() -> CursorSidecar? {
        let url = CursorSidecar.url(for: store)
        cursorIdentity = FileIdentity(path: url.path)
        guard cursorIdentity != nil, let data = try? PanelStore.contents(of: url) else { return nil }
        return CursorSidecar.decode(data)
    }

    /// The names in every waiting inotify event; nil for an overflow (anything may have changed).
    private func drainNames() -> [String?] {
        var names: [String?] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
                while offset + 16 <= count {
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        names.append(nil)
                    } else {
                        let bytes = raw[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                        names.append(String(decoding: bytes, as: UTF8.self))
                    }
                    offset += 16 + length
                }
            }
        }
        return names
    }
}
