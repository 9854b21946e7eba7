import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes the temp files that interrupted saves leave beside a store: `.NAME.tmp-XXXXXX`
/// (a snapshot), `.NAME.journal.tmp-XXXXXX` (a journal being rewritten) and
/// `.NAME.lock.tmp-XXXXXX` (a lock being taken), and the host's `NAME.draft.tmp-PID` (a draft
/// being written).
///
/// Called right after the lock is taken, with the lock's time as the cut-off: a temp file older
/// than that cannot belong to a save in progress (only the lock holder saves), while a younger
/// one may be another instance's lock attempt at this very moment and is left alone.
public enum LeftoverFiles {
    /// The names of the temp files removed, sorted.
    @discardableResult
    public static func clean(besides storePath: String, olderThan cutoff: Date) -> [String] {
        let (folder, name) = AtomicFile.split(storePath)
        let prefixes = [name, name + ".journal", name + ".lock"].map(AtomicFile.temporaryPrefix(for:))
            + [name + ".draft.tmp-"]
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for entry in entries.sorted() where prefixes.contains(where: entry.hasPrefix) {
            let path = AtomicFile.join(folder, entry)
            var info = stat()
            // Only plain files: never follow a link or remove a folder someone named like this.
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            guard modified < cutoff.timeIntervalSince1970 else { continue }
            if unlink(path) == 0 { removed.append(entry) }
        }
        return removed
    }
}
