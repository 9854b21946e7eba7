import Foundation
import XCTest
@testable import PanelModel

/// A store in a scratch folder, with helpers to make changes the way the workspace does.
struct StoreFixture {
    let scratch: ScratchFolder
    let url: URL
    var path: String { url.path }
    var journalPath: String { path + ".journal" }
    var lockPath: String { path + ".lock" }

    init(_ document: PanelDocument = PanelTemplates.example) throws {
        scratch = try ScratchFolder()
        url = scratch.file("panel.json")
        try PanelStore.create(document, at: url)
    }

    /// `count` notes typed one after another onto `document`, each as the edit the workspace
    /// would record; returns the edits and the document with all of them.
    static func typedNotes(_ count: Int, onto document: PanelDocument, from first: Int = 1) -> ([Edit], PanelDocument) {
        var doc = document
        var edits: [Edit] = []
        for k in first..<(first + count) {
            let edit = doc.insertNote(Note(id: "note-\(k)", at: "2024-03-06T10:\(String(format: "%02d", k % 60)):00+00:00",
                                           text: "typed note \(k)"))
            try! edit.apply(to: &doc)
            edits.append(edit)
        }
        return (edits, doc)
    }

    func journalLines() throws -> [String] {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: journalPath)), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }
}

/// System calls that fail on demand, the way a full disk, a failing disk or a read-only
/// folder would, and that remember what was fsync'd so tests can prove no descriptor is
/// fsync'd again after its fsync failed.
final class FaultPlan: @unchecked Sendable {
    private let lock = NSLock()
    private var _writeError: Int32?
    private var _fsyncError: Int32?
    private var _openError: Int32?
    private var _renameError: Int32?
    private var failedFsyncs: Set<Int32> = []
    private var _failNextFsyncOnly = false
    /// The next affected fsync fails with EIO, and only that one.
    var failNextFsyncOnly: Bool {
        get { lock.withLock { _failNextFsyncOnly } }
        set { lock.withLock { _failNextFsyncOnly = newValue } }
    }
    private var _fsyncAfterFailure = false
    /// Only paths containing this are affected (e.g. ".journal", or the snapshot's temp prefix).
    var only: String? {
        get { lock.withLock { _only } }
        set { lock.withLock { _only = newValue } }
    }
    private var _only: String?
    private var fdPaths: [Int32: String] = [:]

    var writeError: Int32? { get { lock.withLock { _writeError } } set { lock.withLock { _writeError = newValue } } }
    var fsyncError: Int32? { get { lock.withLock { _fsyncError } } set { lock.withLock { _fsyncError = newValue } } }
    var openError: Int32? { get { lock.withLock { _openError } } set { lock.withLock { _openError = newValue } } }
    var renameError: Int32? { get { lock.withLock { _renameError } } set { lock.withLock { _renameError = newValue } } }
    /// True if a descriptor whose fsync failed was ever fsync'd again.
    var fsyncRetriedAfterFailure: Bool { lock.withLock { _fsyncAfterFailure } }

    func healed() {
        lock.withLock {
            _writeError = nil; _fsyncError = nil; _openError = nil; _renameError = nil
        }
    }

    private func affects(_ path: String?) -> Bool {
        guard let only = _only else { return true }
        return path?.contains(only) ?? false
    }

    var calls: SystemCalls {
        var calls = SystemCalls.live
        calls.open = { [self] path, flags, mode in
            let error: Int32? = lock.withLock { flags & O_CREAT != 0 && affects(path) ? _openError : nil }
            if let error { errno = error; return -1 }
            let fd = Glibc.open(path, flags, mode)
            if fd >= 0 { lock.withLock { fdPaths[fd] = path } }
            return fd
        }
        calls.write = { [self] fd, buffer, count in
            let error: Int32? = lock.withLock { affects(fdPaths[fd]) ? _writeError : nil }
            if let error {
                // A full disk often takes part of the write first.
                if error == ENOSPC && count > 1 { return Glibc.write(fd, buffer, count / 2) }
                errno = error
                return -1
            }
            return Glibc.write(fd, buffer, count)
        }
        calls.fsync = { [self] fd in
            let error: Int32? = lock.withLock {
                if failedFsyncs.contains(fd) { _fsyncAfterFailure = true }
                guard affects(fdPaths[fd]) else { return nil }
                if _failNextFsyncOnly {
                    _failNextFsyncOnly = false
                    return EIO
                }
                return _fsyncError
            }
            if let error {
                lock.withLock { _ = failedFsyncs.insert(fd) }
                errno = error
                return -1
            }
            return Glibc.fsync(fd)
        }
        calls.close = { [self] fd in
            lock.withLock {
                fdPaths[fd] = nil
                failedFsyncs.remove(fd)
            }
            return Glibc.close(fd)
        }
        calls.rename = { [self] from, to in
            let error: Int32? = lock.withLock { affects(to) ? _renameError : nil }
            if let error { errno = error; return -1 }
            return Glibc.rename(from, to)
        }
        return calls
    }
}

/// Runs `body` and returns the error it threw, failing the test if it did not throw that type.
func thrown<E: Error>(_ type: E.Type, _ body: () throws -> Void, file: StaticString = #filePath,
                      line: UInt = #line) -> E? {
    do {
        try body()
        XCTFail("expected \(E.self), but it succeeded", file: file, line: line)
    } catch let error as E {
        return error
    } catch {
        XCTFail("expected \(E.self), got \(error)", file: file, line: line)
    }
    return nil
}
