import Foundation

/// Which file is at a path, with its size and modification time: enough of its `stat` to
/// notice that it was replaced (a new inode) or rewritten in place. The store session uses it
/// to tell its own save from an outside change; the presentation follower, to see a save land.
public struct FileIdentity: Equatable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int64
    public let modifiedSeconds: Int
    public let modifiedNanoseconds: Int

    /// Nil when nothing can be read at `path` (absent, or not ours to see).
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
