import Foundation
import XCTest
@testable import PanelModel

/// Saving is atomic: the file holds the old bytes or the new ones, keeps its mode, stays a
/// symlink if it was one, and a failed save removes its temp file and says what failed.
final class AtomicFileTests: XCTestCase {
    private let old = Data("old panel\n".utf8)
    private let new = Data("new panel, longer than the old one\n".utf8)

    // MARK: - Modes

    func testANewStoreIsReadableByItsOwnerOnly() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        try PanelStore.save(PanelTemplates.blank, to: url)
        XCTAssertEqual(mode(of: url.path), "600")
        XCTAssertEqual(try PanelStore.load(from: url), PanelTemplates.blank)
    }

    func testAnExistingStoreKeepsItsMode() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        try old.write(to: url)
        XCTAssertEqual(chmod(url.path, 0o640), 0)
        try AtomicFile.replace(url.path, with: new)
        XCTAssertEqual(mode(of: url.path), "640")
        XCTAssertEqual(try Data(contentsOf: url), new)
    }

    func testANewFileCanBeGivenAnotherModeButAnExistingOneKeepsItsOwn() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("export.md")
        try AtomicFile.replace(url.path, with: old, newFileMode: 0o644)
        XCTAssertEqual(mode(of: url.path), "644")
        XCTAssertEqual(chmod(url.path, 0o600), 0)
        try AtomicFile.replace(url.path, with: new, newFileMode: 0o644)
        XCTAssertEqual(mode(of: url.path), "600")
        XCTAssertEqual(try Data(contentsOf: url), new)
    }

    // MARK: - Symlinks

    func testASymlinkedStoreIsSavedThroughToItsTargetAndStaysALink() throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.file("real"), withIntermediateDirectories: false)
        let target = scratch.file("real/panel.json"), link = scratch.file("panel.json")
        try old.write(to: target)
        XCTAssertEqual(chmod(target.path, 0o644), 0)
        XCTAssertEqual(symlink("real/panel.json", link.path), 0)

        try AtomicFile.replace(link.path, with: new)

        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "real/panel.json")
        XCTAssertEqual(try Data(contentsOf: target), new)
        XCTAssertEqual(mode(of: target.path), "644")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.file("real").path), ["panel.json"],
                       "the temp file was made beside the real file and renamed away")
    }

    func testAChainOfLinksIsFollowedAndADanglingLinkCreatesItsTarget() throws {
        let scratch = try ScratchFolder()
        XCTAssertEqual(symlink(scratch.file("b.json").path, scratch.file("a.json").path), 0)
        XCTAssertEqual(symlink("c.json", scratch.file("b.json").path), 0)
        try AtomicFile.replace(scratch.file("a.json").path, with: new)
        XCTAssertEqual(try Data(contentsOf: scratch.file("c.json")), new)
        XCTAssertEqual(mode(of: scratch.file("c.json").path), "600")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.file("a.json").path),
                       scratch.file("b.json").path)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.file("b.json").path), "c.json")
    }

    func testALoopOfLinksIsRefused() throws {
        let scratch = try ScratchFolder()
        XCTAssertEqual(symlink("b.json", scratch.file("a.json").path), 0)
        XCTAssertEqual(symlink("a.json", scratch.file("b.json").path), 0)
        let error = storeError({ () throws(StoreError) in
            try AtomicFile.replace(scratch.file("a.json").path, with: new, displayName: "a.json")
        })
        XCTAssertEqual(error?.description, "Could not save a.json: there are too many links in a row "
                       + "(while following symlinks). Nothing was lost: a.json still holds the previous save.")
    }

    // MARK: - Real failures (this machine runs tests as root, which permissions don't stop)

    func testAFolderNobodyMayWriteIsReportedAndNothingIsCreated() throws {
        // sysfs refuses to create files even for root, so this is a real EACCES from the kernel.
        let error = storeError({ () throws(StoreError) in try AtomicFile.replace("/sys/panel.json", with: new) })
        XCTAssertEqual(error?.description, "Could not save /sys/panel.json: the folder /sys is not writable "
                       + "(permission denied) (while creating a temporary file in /sys). No file was created.")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/sys/panel.json"))
    }

    func testAParentThatIsAFileIsReported() throws {
        let scratch = try ScratchFolder()
        try old.write(to: scratch.file("notes.txt"))
        let path = scratch.file("notes.txt").path + "/panel.json"
        let error = storeError({ () throws(StoreError) in try AtomicFile.replace(path, with: new, displayName: "panel.json") })
        XCTAssertEqual(error?.description, "Could not save panel.json: \(scratch.file("notes.txt").path) is not a folder "
                       + "(while creating a temporary file in \(scratch.file("notes.txt").path)). No file was created.")
        XCTAssertEqual(try Data(contentsOf: scratch.file("notes.txt")), old)
    }

    func testATargetThatIsAFolderIsRefused() throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.file("panel.json"), withIntermediateDirectories: false)
        let error = storeError({ () throws(StoreError) in
            try AtomicFile.replace(scratch.file("panel.json").path, with: new, displayName: "panel.json")
        })
        XCTAssertEqual(error?.description, "Could not save panel.json: \(scratch.file("panel.json").path) is a folder "
                       + "(while checking the file). Nothing was lost: panel.json still holds the previous save.")
    }

    func testADeviceIsNeverReplaced() throws {
        let error = storeError({ () throws(StoreError) in try AtomicFile.replace("/dev/null", with: new) })
        XCTAssertEqual(error?.description, "Could not save /dev/null: /dev/null is not a regular file "
                       + "(while checking the file). Nothing was lost: /dev/null still holds the previous save.")
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
    }

    // MARK: - Simulated failures: each step fails the way the kernel would make it fail

    /// Saves `new` over a file holding `old` with some system calls replaced; returns the message
    /// after checking the old file is intact and no temp file is left.
    private func failedSave(_ change: (inout SystemCalls) -> Void,
                            file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        try old.write(to: url)
        XCTAssertEqual(chmod(url.path, 0o640), 0)
        var calls = SystemCalls.live
        change(&calls)
        let error = storeError({ () throws(StoreError) in
            try AtomicFile.save(new, to: url.path, displayName: "panel.json", exclusive: false, calls: calls)
        }, file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: url), old, "the old file is intact", file: file, line: line)
        XCTAssertEqual(mode(of: url.path), "640", file: file, line: line)
        XCTAssertEqual(try scratch.names(), ["panel.json"], "the temp file is removed", file: file, line: line)
        return (error?.description ?? "").replacingOccurrences(of: scratch.path, with: "DIR")
    }

    private static func failing<T>(_ code: Int32, _ result: T) -> T {
        errno = code
        return result
    }

    func testDiskFullWhileWriting() throws {
        let message = try failedSave { $0.write = { _, _, _ in Self.failing(ENOSPC, -1) } }
        XCTAssertEqual(message, "Could not save panel.json: the disk is full; free some space and save again "
                       + "(while writing the temporary copy). Nothing was lost: panel.json still holds the previous save.")
    }

    func testDiskFullWhenFlushingAndFsyncIsNeverRetried() throws {
        let fsyncs = Counter()
        let message = try failedSave { calls in
            calls.fsync = { _ in fsyncs.add(); return Self.failing(ENOSPC, -1) }
        }
        XCTAssertEqual(message, "Could not save panel.json: the disk is full; free some space and save again "
                       + "(while flushing the temporary copy to disk). Nothing was lost: panel.json still holds the previous save.")
        XCTAssertEqual(fsyncs.value, 1)
    }

    func testReadOnlyDiskWhenCreatingTheTempFile() throws {
        let message = try failedSave { calls in
            let live = calls.open
            calls.open = { path, flags, mode in
                flags & O_CREAT != 0 ? Self.failing(EROFS, -1) : live(path, flags, mode)
            }
        }
        XCTAssertEqual(message, "Could not save panel.json: the folder DIR is read-only "
                       + "(while creating a temporary file in DIR). Nothing was lost: panel.json still holds the previous save.")
    }

    func testPermissionDeniedWhenRenaming() throws {
        let message = try failedSave { $0.rename = { _, _ in Self.failing(EACCES, -1) } }
        XCTAssertEqual(message, "Could not save panel.json: the folder DIR is not writable (permission denied) "
                       + "(while putting the new copy in place). Nothing was lost: panel.json still holds the previous save.")
    }

    func testInputOutputErrorWhenClosing() throws {
        let message = try failedSave { calls in
            let live = calls.close
            calls.close = { fd in _ = live(fd); return Self.failing(EIO, -1) }
        }
        XCTAssertEqual(message, "Could not save panel.json: the disk reported an input/output error "
                       + "(while closing the temporary copy). Nothing was lost: panel.json still holds the previous save.")
    }

    func testFailingToSetTheModeAbandonsTheSave() throws {
        let message = try failedSave { $0.fchmod = { _, _ in Self.failing(EPERM, -1) } }
        XCTAssertEqual(message, "Could not save panel.json: the folder DIR is not writable (permission denied) "
                       + "(while setting the file's permissions). Nothing was lost: panel.json still holds the previous save.")
    }

    func testPartialAndInterruptedWritesStillWriteEveryByte() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        let calls_ = Counter()
        var calls = SystemCalls.live
        let live = calls.write
        calls.write = { fd, buffer, count in
            calls_.add()
            if calls_.value % 3 == 0 { return Self.failing(EINTR, -1) }
            return live(fd, buffer, min(count, 7))
        }
        let data = PanelStore.encode(PanelTemplates.blank)
        try AtomicFile.save(data, to: url.path, displayName: "panel.json", exclusive: false, calls: calls)
        XCTAssertEqual(try Data(contentsOf: url), data)
        XCTAssertGreaterThan(calls_.value, data.count / 7, "the write really was split")
    }

    func testAFolderThatCannotBeFlushedSaysTheSaveHappenedButMayNotSurviveAPowerCut() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        var calls = SystemCalls.live
        let live = calls.fsync
        let fsyncs = Counter()
        calls.fsync = { fd in
            fsyncs.add()
            return fsyncs.value == 2 ? Self.failing(EIO, -1) : live(fd)
        }
        let error = storeError({ () throws(StoreError) in
            try AtomicFile.save(new, to: url.path, displayName: "panel.json", exclusive: false, calls: calls)
        })
        XCTAssertEqual(error?.description, "Saved panel.json, but could not flush its folder to disk (the disk reported "
                       + "an input/output error); if the machine loses power now, the previous save may come back.")
        XCTAssertEqual(try Data(contentsOf: url), new)
    }

    // MARK: - Creating without overwriting

    func testCreateRefusesAnExistingFileAndADanglingLink() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        try old.write(to: url)
        let error = storeError({ () throws(StoreError) in try AtomicFile.create(url.path, with: new, displayName: "panel.json") })
        XCTAssertEqual(error?.description, "panel.json already exists; Scrutiny never overwrites a file with a new panel. "
                       + "Choose another name or move the old file away.")
        XCTAssertEqual(try Data(contentsOf: url), old)

        let link = scratch.file("link.json")
        XCTAssertEqual(symlink("nowhere.json", link.path), 0)
        XCTAssertEqual(storeError({ () throws(StoreError) in try AtomicFile.create(link.path, with: new) }),
                       .alreadyExists(file: link.path))
        XCTAssertEqual(try scratch.names(), ["link.json", "panel.json"])
    }

    func testCreateLosingARaceStillNeverOverwrites() throws {
        // Another program creates the file between our check and our link(): link() refuses.
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        var calls = SystemCalls.live
        let live = calls.link
        let old = self.old
        calls.link = { from, to in
            try? old.write(to: URL(fileURLWithPath: to))
            return live(from, to)
        }
        let error = storeError({ () throws(StoreError) in
            try AtomicFile.save(new, to: url.path, displayName: "panel.json", exclusive: true, calls: calls)
        })
        XCTAssertEqual(error, .alreadyExists(file: "panel.json"))
        XCTAssertEqual(try Data(contentsOf: url), old)
        XCTAssertEqual(try scratch.names(), ["panel.json"])
    }

    func testCreateMakesAPrivateFile() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        try PanelStore.create(PanelTemplates.example, at: url)
        XCTAssertEqual(mode(of: url.path), "600")
        XCTAssertEqual(try Data(contentsOf: url), PanelStore.encode(PanelTemplates.example))
        XCTAssertEqual(try scratch.names(), ["panel.json"])
    }

    // MARK: - Leftovers

    func testLeftoverTempFilesAreRecognisable() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("panel.json")
        try old.write(to: url)
        try old.write(to: scratch.file(".panel.json.tmp-0a1b2c"))
        try old.write(to: scratch.file(".other.json.tmp-0a1b2c"))
        XCTAssertEqual(AtomicFile.leftoverTemporaryFiles(besides: url.path), [scratch.file(".panel.json.tmp-0a1b2c").path])
    }

    /// Temporary names are the prefix and six lower-case hex digits, zeros kept, as
    /// `String(format: "%06x")` made them, so leftovers of either are recognised.
    func testTemporaryNamesAreThePrefixAndSixHexDigits() {
        var tags = Set<Substring>()
        for _ in 0..<300 {
            let name = AtomicFile.temporaryName(for: "panel.json")
            XCTAssertTrue(name.hasPrefix(".panel.json.tmp-"), name)
            let tag = name.dropFirst(".panel.json.tmp-".count)
            XCTAssertEqual(tag.count, 6, name)
            XCTAssertTrue(tag.allSatisfy { $0.isHexDigit && !$0.isUppercase }, name)
            tags.insert(tag)
        }
        XCTAssertGreaterThan(tags.count, 290, "random, not fixed")
    }
}

/// A counter the system-call stand-ins can bump (they are `@Sendable`, so no captured `var`).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
