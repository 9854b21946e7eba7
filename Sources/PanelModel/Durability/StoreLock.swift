import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock that lets one Scrutiny at a time write a store: `FILE.lock` beside it (mode 0600).
///
/// The file says who holds it (pid, host, start time, program version; never any note text),
/// so a refusal can say "open in pid N on HOST since TIME". It appears whole or not at all: it
/// is written to a temp file first and linked into place, and `link` fails if a lock exists,
/// so of two instances started at the same moment exactly one wins.
///
/// While held, the file is also `flock`ed. On this host the flock is the real test of life:
/// the kernel drops it when its process dies, however it dies, so a lock whose flock can be
/// taken is stale even if its pid has since been reused by some other program. A lock from
/// another host cannot be tested that way (flock does not reach across machines reliably) and
/// is never removed: the clerk is told how to remove it by hand.
public final class StoreLock: @unchecked Sendable {
    /// Who holds a lock, as written in the lock file.
    public struct Owner: Codable, Equatable, Sendable {
        public var pid: Int32
        public var host: String
        /// ISO 8601, UTC.
        public var started: String
        public var program: String
    }

    /// A lock that was found stale and taken over, for the host to mention.
    public struct TakenOver: Equatable, Sendable {
        /// nil when the old lock file could not be read.
        public var previous: Owner?
        /// false when the pid is alive but is some other program now (it does not hold the flock).
        public var pidEnded: Bool

        public var description: String {
            guard let previous else { return "took over an unreadable lock that no running program held" }
            let how = pidEnded ? "which is no longer running" : "whose number now belongs to another program"
            return "took over the lock left by pid \(previous.pid) (since \(previous.started)), \(how)"
        }
    }

    public let path: String
    public let owner: Owner
    /// When this lock was taken: temp files older than this are debris of an earlier session.
    public let acquiredAt: Date
    public let takenOver: TakenOver?
    private var fd: Int32

    private init(path: String, owner: Owner, acquiredAt: Date, takenOver: TakenOver?, fd: Int32) {
        self.path = path
        self.owner = owner
        self.acquiredAt = acquiredAt
        self.takenOver = takenOver
        self.fd = fd
    }

    deinit { release() }

    /// The lock file's path for a store.
    public static func path(for storePath: String) -> String { storePath + ".lock" }

    /// Takes the lock of the store at `storePath`, or throws saying who holds it.
    /// `displayName` names the store in messages; `program` is written in the lock ("scrutiny 0.3").
    public static func acquire(for storePath: String, displayName: String, program: String,
                               now: Date = Date()) throws(StoreLockError) -> StoreLock {
        let path = path(for: storePath)
        let lockName = displayName + ".lock"
        let owner = Owner(pid: getpid(), host: hostName(), started: iso8601(now), program: program)
        let (folder, name) = AtomicFile.split(path)

        // A temp file holding the full content, already flocked, so the lock is never seen
        // empty or unflocked by another instance.
        var temp = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            temp = AtomicFile.join(folder, AtomicFile.temporaryName(for: name))
            fd = Glibc.open(temp, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw .cannotCreate(lockFile: lockName, reason: AtomicFile.explain(errno, folder: folder, file: path))
        }
        let content = Data(ownerJSON(owner).utf8)
        let written = content.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        if written != content.count || fsync(fd) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = written < 0 ? errno : (errno == 0 ? EIO : errno)
            Glibc.close(fd)
            unlink(temp)
            throw .cannotCreate(lockFile: lockName, reason: AtomicFile.explain(code, folder: folder, file: path))
        }
        func giveUp(_ error: StoreLockError) -> StoreLockError {
            Glibc.close(fd)
            unlink(temp)
            return error
        }

        for _ in 0..<20 {
            // 1. No lock there: link fails with EEXIST if one appeared meanwhile.
            if link(temp, path) == 0 {
                unlink(temp)
                syncFolder(folder)
                return StoreLock(path: path, owner: owner, acquiredAt: now, takenOver: nil, fd: fd)
            }
            guard errno == EEXIST else {
                throw giveUp(.cannotCreate(lockFile: lockName, reason: AtomicFile.explain(errno, folder: folder, file: path)))
            }

            // 2. A lock is there: whose, and is it alive?
            let existing = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            if existing < 0 {
                if errno == ENOENT { continue }  // Released in between: try again.
                throw giveUp(.cannotCreate(lockFile: lockName, reason: AtomicFile.explain(errno, folder: folder, file: path)))
            }
            let previous = readOwner(existing)
            if let previous, previous.host != owner.host {
                Glibc.close(existing)
                throw giveUp(.heldElsewhere(previous, lockFile: lockName, storeName: displayName))
            }
            if flock(existing, LOCK_EX | LOCK_NB) != 0 {
                let replaced = !sameFile(existing, path)
                Glibc.close(existing)
                if replaced { continue }  // Someone just took over a stale lock: look at theirs.
                if let previous { throw giveUp(.heldHere(previous, lockFile: lockName, storeName: displayName)) }
                throw giveUp(.heldByUnknown(lockFile: lockName, storeName: displayName))
            }
            // Nobody alive holds it. Still the lock at `path` (not one replaced meanwhile)?
            guard sameFile(existing, path) else {
                Glibc.close(existing)
                continue
            }
            // 3. Stale: put ours in its place in one rename, while holding its flock so that no
            // other instance can decide the same thing at the same time.
            let ended = previous.map { kill(pid_t($0.pid), 0) != 0 && errno == ESRCH } ?? true
            if rename(temp, path) != 0 {
                let code = errno
                Glibc.close(existing)
                throw giveUp(.cannotCreate(lockFile: lockName, reason: AtomicFile.explain(code, folder: folder, file: path)))
            }
            Glibc.close(existing)
            syncFolder(folder)
            return StoreLock(path: path, owner: owner, acquiredAt: now,
                             takenOver: TakenOver(previous: previous, pidEnded: ended), fd: fd)
        }
        throw giveUp(.cannotCreate(lockFile: lockName, reason: "it kept changing while Scrutiny tried to take it"))
    }

    /// Removes the lock (if it is still ours) and drops its flock. Safe to call twice.
    public func release() {
        guard fd >= 0 else { return }
        if sameFile(fd, path) { unlink(path) }
        Glibc.close(fd)
        fd = -1
    }

    /// Whether this lock still stands at its path (not removed or replaced by someone else).
    public var isInPlace: Bool { fd >= 0 && sameFile(fd, path) }

    // MARK: - Helpers

    static func ownerJSON(_ owner: Owner) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(owner)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func readOwner(_ fd: Int32) -> Owner? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = Glibc.read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        return try? JSONDecoder().decode(Owner.self, from: Data(buffer[..<n]))
    }

    private static func sameFile(_ fd: Int32, _ path: String) -> Bool {
        var open = stat(), named = stat()
        return fstat(fd, &open) == 0 && stat(path, &named) == 0 && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    private func sameFile(_ fd: Int32, _ path: String) -> Bool { Self.sameFile(fd, path) }

    private static func syncFolder(_ folder: String) {
        let dir = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return }
        _ = fsync(dir)
        Glibc.close(dir)
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "2024-03-06T10:41:07Z", as `ISO8601DateFormatter()` writes it, without the formatter:
    /// it loads ICU's calendar and locale data (about 4 MiB resident) to write 20 characters.
    static func iso8601(_ date: Date) -> String {
        WallClock.utc(date).internetStamp
    }
}

/// Why the lock could not be taken, in words the clerk can act on.
public enum StoreLockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A live Scrutiny on this machine has the store open: offer to open it read-only.
    case heldHere(StoreLock.Owner, lockFile: String, storeName: String)
    /// Locked from another machine: never removed silently.
    case heldElsewhere(StoreLock.Owner, lockFile: String, storeName: String)
    /// A lock file that cannot be read, held by a live process on this machine.
    case heldByUnknown(lockFile: String, storeName: String)
    /// The lock file could not be made (read-only folder, disk full…).
    case cannotCreate(lockFile: String, reason: String)

    public var description: String {
        switch self {
        case let .heldHere(owner, _, store):
            "\(store) is open in pid \(owner.pid) on \(owner.host) since \(owner.started) (\(owner.program)). "
                + "Close it there, or open this copy read-only."
        case let .heldElsewhere(owner, lockFile, store):
            "\(store) is open in pid \(owner.pid) on \(owner.host) since \(owner.started) (\(owner.program)). "
                + "Scrutiny cannot tell from this machine whether it is still running there. If it is not, "
                + "remove the lock by hand (rm '\(lockFile)') and open the panel again; or open it read-only."
        case let .heldByUnknown(lockFile, store):
            "\(store) is locked by a running program, but its lock file \(lockFile) cannot be read. "
                + "Open it read-only, or close the other program first."
        case let .cannotCreate(lockFile, reason):
            "Could not create the lock \(lockFile): \(reason). The panel can still be opened read-only."
        }
    }
}
