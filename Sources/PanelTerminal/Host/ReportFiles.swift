import Foundation
import PanelModel

/// The host's side of `:export` and `:import`: the files themselves. An export is written
/// atomically (whole or not at all, mode 0644 for a new file: it is meant to be shared) and
/// never over an existing file unless the request says so; a report is read whole.
enum ReportFiles {
    /// Reports are a few hundred KB at most; anything far bigger is not one.
    static let largestReport = 64 * 1024 * 1024

    static func write(_ request: ExportRequest) -> HostReply {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: request.path, isDirectory: &isFolder), isFolder.boolValue {
            return .exportFailed(request, reason: "it is a folder: add a file name after it")
        }
        var info = stat()
        if !request.replacing && lstat(request.path, &info) == 0 { return .exportExists(request) }
        do {
            try AtomicFile.replace(request.path, with: request.bytes, newFileMode: 0o644)
            return .exported(request)
        } catch {
            return .exportFailed(request, reason: "\(error)")
        }
    }

    static func read(_ path: String) -> HostReply {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .readFailed(path: path, reason: "there is no such file — check the name, or give the whole path")
        }
        if isFolder.boolValue { return .readFailed(path: path, reason: "it is a folder; name the report file in it") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .readFailed(path: path, reason: "it cannot be opened (check its permissions)")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: largestReport + 1) ?? Data()
            if data.count > largestReport {
                return .readFailed(path: path, reason: "it is over 64 MB, far bigger than any panel report")
            }
            return .reportRead(path: path, data: data)
        } catch {
            return .readFailed(path: path, reason: error.localizedDescription)
        }
    }
}
