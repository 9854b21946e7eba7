import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// When the store cannot take the changes on the way out, they go somewhere else, never lost.
final class HostRescueSaveTests: XCTestCase {
    private var folder: URL!
    private var said: [String] = []

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rescue-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var document: PanelDocument {
        var document = PanelDocument()
        document.panel.title = "SEND"
        return document
    }

    private let when = Date(timeIntervalSince1970: 1_709_720_000)  // 2024-03-06 10:13:20 UTC

    private func rescue(answers: [String?]?) -> RescueSave {
        var answers = answers
        let files = StoreFiles(store: folder.appendingPathComponent("panel.json"))
        return RescueSave(document: document, reason: "disk full", files: files,
                          ask: answers == nil ? nil : { prompt in self.said.append(prompt); return answers!.removeFirst() },
                          say: { self.said.append($0) }, now: when, home: folder)
    }

    func testPressingEnterWritesTheSuggestedFileBesideTheStore() throws {
        let written = try XCTUnwrap(rescue(answers: [""]).run())
        XCTAssertEqual(written.deletingLastPathComponent().path, folder.path)
        XCTAssertTrue(written.lastPathComponent.hasPrefix("panel-unsaved-2024030"))
        XCTAssertEqual(try PanelStore.load(from: written).panel.title, "SEND")
        XCTAssertEqual(said.first, "Scrutiny could not save your changes.\ndisk full")
        XCTAssertEqual(said[1], "Where shall I write them? [\(written.path)] ")
        XCTAssertEqual(said.last, "Your changes are saved in \(written.path).")
    }

    func testAnUnwritablePlaceIsRefusedAndTheQuestionAskedAgain() throws {
        let elsewhere = folder.appendingPathComponent("mine.json")
        let written = rescue(answers: ["/nonexistent-folder/x.json", elsewhere.path]).run()
        XCTAssertEqual(written, elsewhere)
        XCTAssertTrue(said.contains { $0.hasPrefix("Could not write /nonexistent-folder/x.json") })
        XCTAssertEqual(try PanelStore.load(from: elsewhere).panel.title, "SEND")
    }

    func testAnExistingFileIsNeverOverwritten() throws {
        let existing = folder.appendingPathComponent("old.json")
        try Data("precious".utf8).write(to: existing)
        let other = folder.appendingPathComponent("new.json")
        XCTAssertEqual(rescue(answers: [existing.path, other.path]).run(), other)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "precious")
    }

    func testWhenTheStoresFolderIsGoneTheHomeFolderIsSuggested() throws {
        let files = StoreFiles(store: folder.appendingPathComponent("gone/panel.json"))
        let rescue = RescueSave(document: document, reason: "folder gone", files: files,
                                ask: { prompt in self.said.append(prompt); return "" },
                                say: { self.said.append($0) }, now: when, home: folder)
        let written = try XCTUnwrap(rescue.run())
        XCTAssertEqual(written.deletingLastPathComponent().path, folder.path)
        XCTAssertEqual(said[1], "Where shall I write them? [\(written.path)] ")
    }

    func testWithNobodyToAskTheSuggestedFileIsWritten() throws {
        let written = try XCTUnwrap(rescue(answers: nil).run())
        XCTAssertEqual(written.deletingLastPathComponent().path, folder.path)
        XCTAssertEqual(try PanelStore.load(from: written).panel.title, "SEND")
    }

    func testEndOfInputFallsBackToWritingWithoutAsking() throws {
        let written = try XCTUnwrap(rescue(answers: [nil]).run())
        XCTAssertEqual(try PanelStore.load(from: written).panel.title, "SEND")
    }
}
