import Foundation
import XCTest
@testable import PanelModel

/// A really full disk: a 256 KB tmpfs filled up while a session is open. Needs permission to
/// mount: as root (CI, the build machine) it must work; for an unprivileged run it is skipped
/// with that reason, and `FaultInjectionTests` covers the same ground with injected ENOSPC.
final class TmpfsFaultTests: XCTestCase {
    func testARealFullDiskLosesNothingAndSavingResumesWhenSpaceIsFreed() throws {
        let scratch = try ScratchFolder()
        let mountPoint = scratch.file("disk").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", mountPoint]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            // As root (CI, the build machine) mounting works, so failing to is a failure; only
            // an unprivileged developer's run skips, with the injected faults still covering it.
            if getuid() == 0 { return XCTFail("root could not mount a 256 KB tmpfs at \(mountPoint)") }
            throw XCTSkip("cannot mount a tmpfs here (needs root)")
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [mountPoint]
            try? unmount.run()
            unmount.waitUntilExit()
        }

        let url = URL(fileURLWithPath: mountPoint + "/panel.json")
        try PanelStore.create(PanelTemplates.example, at: url)
        let before = try Data(contentsOf: url)
        let (session, _) = try StoreSession.open(url, program: "t")
        // Notes bigger than a page, so they cannot fit in the journal's last, partly used page.
        var expected = PanelTemplates.example
        var edits: [Edit] = []
        for k in 1...4 {
            let edit = expected.insertNote(Note(id: "note-\(k)", at: "2024-03-06T10:4\(k):00+00:00",
                                                text: "note \(k) " + String(repeating: "long ", count: 2000)))
            try edit.apply(to: &expected)
            edits.append(edit)
        }
        try session.record(edits[0])

        // Fill every last byte.
        let filler = mountPoint + "/filler"
        let fd = open(filler, O_CREAT | O_WRONLY, 0o600)
        let block = [UInt8](repeating: 0x41, count: 4096)
        while write(fd, block, block.count) > 0 {}
        while write(fd, block, 1) > 0 {}
        close(fd)

        let recordError = thrown(StoreError.self) { try session.record(edits[1]) }
        XCTAssertEqual(recordError?.description, "Could not save \(url.path).journal: the disk is full; free some space "
                       + "and save again (while writing the journal). Nothing was lost: \(url.path).journal still "
                       + "holds the previous save.")
        let saveError = thrown(StoreError.self) { try session.snapshot(expected, through: session.lastSequence) }
        XCTAssertNotNil(saveError)
        XCTAssertEqual(try Data(contentsOf: url), before, "the store is whole")

        try FileManager.default.removeItem(atPath: filler)
        try session.record(edits[2])
        try session.record(edits[3])
        XCTAssertEqual(try session.snapshot(expected, through: session.lastSequence), .saved)
        session.close()
        XCTAssertEqual(try PanelStore.load(from: url), expected)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint).sorted(),
                       ["panel.json", "panel.json.journal"], "no temp file left on the full disk")
    }
}
