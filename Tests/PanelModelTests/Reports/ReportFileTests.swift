import XCTest
@testable import PanelModel

/// Exports and new stores are written whole or not at all, with the right permissions.
final class ReportFileTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: dir)
    }

    private func mode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue
    }

    func testANewFileHasTheModeAskedFor() throws {
        let store = dir.appendingPathComponent("panel.json")
        try ReportFile.write(Data("{}\n".utf8), to: store, mode: 0o600)
        XCTAssertEqual(try String(contentsOf: store, encoding: .utf8), "{}\n")
        XCTAssertEqual(try mode(store), 0o600)
    }

    func testAnExistingFileIsReplacedWholeAndKeepsItsMode() throws {
        let out = dir.appendingPathComponent("update.md")
        try Data("old text that is longer than the new\n".utf8).write(to: out)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out.path)
        try ReportFile.write(Data("new\n".utf8), to: out)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "new\n")
        XCTAssertEqual(try mode(out), 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["update.md"], "no temporary file left")
    }

    func testAFolderThatDoesNotExistIsAClearError() {
        let out = dir.appendingPathComponent("missing/update.md")
        XCTAssertThrowsError(try ReportFile.write(Data("x".utf8), to: out)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("\(out.path): cannot be written (cannot create a file in \(dir.path)/missing: No such file or directory); nothing was changed."), message)
        }
    }
}
