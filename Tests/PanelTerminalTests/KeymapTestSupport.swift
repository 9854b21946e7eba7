import Foundation
import XCTest

/// Places and scratch folders the keymap tests share.
enum KeymapTestSupport {
    /// The checkout's top-level keymaps/ folder: the one source of the built-in maps.
    static let builtInFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("keymaps", isDirectory: true)

    /// A new empty folder, removed when the test ends.
    static func temporaryFolder(for test: XCTestCase) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("scrutiny-keymap-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// Writes `text` to `folder/path`, creating folders on the way, and returns the file.
    @discardableResult
    static func write(_ text: String, to path: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}
