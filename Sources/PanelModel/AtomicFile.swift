import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Saves a file so that, whatever happens, the file holds either the old bytes or the new ones.
///
/// Spelled out in system calls because Foundation's `.atomic` write on Linux doesn't fsync the
/// folder, resets the mode and replaces a symlink with a plain file. The steps:
/// a temp file beside the target (`O_CREAT|O_EXCL`, mode 0600), write everything, `fsync`,
/// give it the target's mode, `rename` over the target, `fsync` the folder. On any failure the
/// temp file is removed and the target is untouched.
public enum AtomicFile {
    /// Replaces the file at `path` with `data`, or creates it with `newFileMode` (0600 unless said:
    /// a panel is private; an export may be 0644). A symlink is followed to its final target, so
    /// the link stays a link; an existing file keeps its mode.
    /// `displayName` is how messages name the file (as the user typed it); it defaults to `path`.
    public static func replace(_ path: String, with data: Data, newFileMode: mode_t = 0o600,
                               displayName: String? = nil) throws(StoreError) {
        try save(data, to: path, displayName: displayName ?? path, exclusive: false, newFileMode: newFileMode,
                 calls: .live)
    }

    /// Creates a new file at `path` holding `data` (mode 0600); refuses if anything is there,
    /// even a dangling symlink. The file appears whole or not at all.
    public static func create(_ path: String, with data: Data, displayName: String? = nil) throws(StoreError) {
        try save(data, to: path, displayName: displayName ?? path, exclusive: true, calls: .live)
    }

    /// Temp files that a save interrupted by a crash or power cut left beside `path`
    /// (named `.NAME.tmp-XXXXXX`), so the program can remove them when it starts.
    public static func leftoverTemporaryFiles(besides path: String) -> [String] {
        let (folder, name) = split(path)
        let prefix = temporaryPrefix(for: name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return entries.filter { $0.hasPrefix(prefix) }.sorted().map { join(folder, $0) }
    }

    static func temporaryPrefix(for name: String) -> String { ".\(name).tmp-" }

    /// A fresh temporary name beside `name`: its prefix and six random hex digits
    /// (".panel.json.tmp-0a3f9c"). Padded by hand: `String(format:)` is Foundation's `NSString`
    /// formatting, whose first call alone costs a million instructions at start-up.
    static func temporaryName(for name: String) -> String {
        let hex = String(UInt32.random(in: 0..<0x100_0000), radix: 16)
        return temporaryPrefix(for: name) + String(repeating: "0", count: 6 - hex.count) + hex
    }

    // MARK: - The steps

    static func save(_ data: Data, to path: String, displayName: String, exclusive: Bool,
                     newFileMode: mode_t = 0o600, calls: SystemCalls) throws(StoreError) {
        let file = displayName
        // Follow symlinks by hand so the temp file lands beside the real file and the link survives.
        let target = exclusive ? path : try resolveSymlinks(path, displayName: file, calls: calls)
        let (folder, name) = split(target)
        var info = stat()
        let exists = calls.lstat(target, &info) == 0
        if exists && exclusive { throw StoreError.alreadyExists(file: file) }
        if exists && info.st_mode & S_IFMT == S_IFDIR {
            throw StoreError.writeFailed(file: file, step: "checking the file", reason: "\(target) is a folder",
                                        previousKept: true)
        }
        // Never rename over a device, a pipe or a socket (root could replace /dev/null).
        if exists && info.st_mode & S_IFMT != S_IFREG {
            throw StoreError.writeFailed(file: file, step: "checking the file", reason: "\(target) is not a regular file",
                                        previousKept: true)
        }
        // A new store is private to its owner; an existing one keeps what its owner chose.
        let mode: mode_t = exists ? info.st_mode & 0o7777 : newFileMode & 0o7777

        func failure(_ step: String, _ code: Int32) -> StoreError {
            .writeFailed(file: file, step: step, reason: explain(code, folder: folder, file: target),
                         previousKept: exists)
        }

        // 1. A temp file nobody else can have opened: O_EXCL, with a fresh random name.
        var temp = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            temp = join(folder, temporaryName(for: name))
            fd = calls.open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw failure("creating a temporary file in \(folder)", errno) }

        var open = true
        func abandon() {
            if open { _ = calls.close(fd) }
            _ = calls.unlink(temp)
        }

        // 2. Its mode (and owner, when root saves someone else's file) become the target's.
        if calls.fchmod(fd, mode) != 0 {
            let code = errno
            abandon()
            throw failure("setting the file's permissions", code)
        }
        if exists && (info.st_uid != geteuid() || info.st_gid != getegid()) {
            _ = calls.fchown(fd, info.st_uid, info.st_gid)  // Best effort: only root may give files away.
        }

        // 3. Every byte, then fsync. A failed fsync is never retried: after one, the kernel may
        // have dropped the dirty pages, and a second fsync would report success for lost data.
        let writeError = writeAll(data, to: fd, calls: calls)
        if writeError != 0 {
            abandon()
            throw failure("writing the temporary copy", writeError)
        }
        if calls.fsync(fd) != 0 {
            let code = errno
            abandon()
            throw failure("flushing the temporary copy to disk", code)
        }
        open = false
        if calls.close(fd) != 0 {
            let code = errno
            abandon()
            throw failure("closing the temporary copy", code)
        }

        // 4. Into place: rename replaces atomically; link creates without ever replacing.
        if exclusive {
            if calls.link(temp, target) != 0 {
                let code = errno
                abandon()
                if code == EEXIST { throw StoreError.alreadyExists(file: file) }
                throw failure("creating \(target)", code)
            }
            _ = calls.unlink(temp)
        } else if calls.rename(temp, target) != 0 {
            let code = errno
            abandon()
            throw failure("putting the new copy in place", code)
        }

        // 5. Make the rename itself durable.
        let dirFD = calls.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard dirFD >= 0 else { throw StoreError.notDurable(file: file, reason: explain(errno, folder: folder, file: target)) }
        defer { _ = calls.close(dirFD) }
        // Some file systems cannot fsync a folder (EINVAL); there is nothing more to do there.
        if calls.fsync(dirFD) != 0 && errno != EINVAL {
            throw StoreError.notDurable(file: file, reason: explain(errno, folder: folder, file: target))
        }
    }

    /// Writes all of `data`, going on after partial writes and interrupted calls.
    /// Returns 0, or the errno of the failure.
    private static func writeAll(_ data: Data, to fd: Int32, calls: SystemCalls) -> Int32 {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var done = 0
            while done < buffer.count {
                let n = calls.write(fd, base + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return errno
                }
                if n == 0 { return EIO }  // No progress and no error: never spin.
                done += n
            }
            return 0
        }
    }

    /// Follows symlinks at the end of `path` until a non-link (or a name that doesn't exist yet).
    static func resolveSymlinks(_ path: String, displayName: String, calls: SystemCalls) throws(StoreError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard calls.lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let destination = calls.readlink(current) else {
                throw StoreError.writeFailed(file: displayName, step: "following the symlink \(current)",
                                            reason: explain(errno, folder: split(current).folder, file: current),
                                            previousKept: true)
            }
            current = destination.hasPrefix("/") ? destination : join(split(current).folder, destination)
        }
        throw StoreError.writeFailed(file: displayName, step: "following symlinks", reason: "there are too many links in a row",
                                    previousKept: true)
    }

    /// A failed system call in words, saying what to do about it where that is clear.
    static func explain(_ code: Int32, folder: String, file: String) -> String {
        switch code {
        case ENOSPC, EDQUOT: "the disk is full; free some space and save again"
        case EACCES, EPERM: "the folder \(folder) is not writable (permission denied)"
        case EROFS: "the folder \(folder) is read-only"
        case ENOENT: "the folder \(folder) does not exist"
        case ENOTDIR: "\(folder) is not a folder"
        case EISDIR: "\(file) is a folder"
        case EIO: "the disk reported an input/output error"
        case ELOOP: "there are too many symlinks in \(file)"
        case ENAMETOOLONG: "the name \(file) is too long"
        case EXDEV: "the temporary copy ended up on another disk"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// The system calls a save makes, as values, so tests can make any one of them fail the way a
/// full disk or a pulled USB stick would. Each returns what the C call returns and leaves `errno`.
struct SystemCalls: Sendable {
    var open: @Sendable (String, Int32, mode_t) -> Int32
    var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
    var fsync: @Sendable (Int32) -> Int32
    var close: @Sendable (Int32) -> Int32
    var fchmod: @Sendable (Int32, mode_t) -> Int32
    var fchown: @Sendable (Int32, uid_t, gid_t) -> Int32
    var rename: @Sendable (String, String) -> Int32
    var link: @Sendable (String, String) -> Int32
    var unlink: @Sendable (String) -> Int32
    var lstat: @Sendable (String, UnsafeMutablePointer<stat>) -> Int32
    var readlink: @Sendable (String) -> String?

    static let live = SystemCalls(
        open: { Glibc.open($0, $1, $2) },
        write: { Glibc.write($0, $1, $2) },
        fsync: { Glibc.fsync($0) },
        close: { Glibc.close($0) },
        fchmod: { Glibc.fchmod($0, $1) },
        fchown: { Glibc.fchown($0, $1, $2) },
        rename: { Glibc.rename($0, $1) },
        link: { Glibc.link($0, $1) },
        unlink: { Glibc.unlink($0) },
        lstat: { Glibc.lstat($0, $1) },
        readlink: { path in
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = Glibc.readlink(path, &buffer, buffer.count - 1)
            guard n >= 0 else { return nil }
            return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    )
}
