import Foundation
import XCTest
@testable import PanelTerminal

/// On opening, the store as found is saved: the title bar says so at once, with the time the
/// file was last written, instead of saying nothing until the first change.
final class OpeningSaveStateTests: XCTestCase {
    func testTheStoreOnDiskIsSavedAsOfItsModificationTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("panel.json")
        try Data("{}".utf8).write(to: store)
        let written = Date(timeIntervalSince1970: 1_710_326_467)  // 2024-03-13 10:41:07 UTC
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: store.path)

        let status = try XCTUnwrap(TerminalSession.openedSaveStatus(of: store))
        XCTAssertEqual(status, .saved(at: written))
        let bar = TitleBar(panelTitle: "SEND Panel", saveStatus: status, timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertEqual(bar.statusText, "saved 10:41:07")
    }

    func testAMissingStoreGivesNoStateRatherThanAWrongOne() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".json")
        XCTAssertNil(TerminalSession.openedSaveStatus(of: missing))
    }
}
