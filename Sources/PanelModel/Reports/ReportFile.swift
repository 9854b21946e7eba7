import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an export or a new store all at once: to a temporary file beside the target, flushed
/// to disk, then renamed over it, so a reader (or a crash) sees the old file or the new one,
/// never half of one.
///
/// NOTE: a minimal stand-in until the store work's `AtomicFile` is on main; switch to it then.
public enum ReportFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Parameter mode: for a new file; an existing file keeps its own mode.
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o644) throws(WriteError) {
        let path = url.path
        var info = stat()
        let finalMode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : mode
        let directory = url.deletingLastPathComponent().path
        let temp = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, finalMode)
        guard fd >= 0 else { throw failure(path, "cannot create a file in \(directory): \(String(cString: strerror(errno)))") }
        var ok = fchmod(fd, finalMode) == 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while ok && offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false } else { offset += n }
            }
        }
        let savedErrno = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let reason = String(cString: strerror(ok ? errno : savedErrno))
            unlink(temp)
            throw failure(path, reason)
        }
        // Make the rename itself durable.
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    private static func failure(_ path: String, _ reason: String) -> WriteError {
        WriteError(description: "\(path): cannot be written (\(reason)); nothing was changed. Check the folder exists, is writable and the disk has room.")
    }
}
