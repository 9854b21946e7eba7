import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// What the host does for the chair's views: the clerk's instance writes its selection to
/// `FILE.cursor` (a few times a second at most, the latest always, removed on the way out), and
/// a read-only view's follower is asked for news on every turn of the loop.
final class PresentHostTests: XCTestCase {
    typealias ScriptedTerminal = HostLoopTests.ScriptedTerminal

    /// Each typed letter is "the selection moved to that letter"; Esc quits. A background
    /// source may set `news`, which is then drawn.
    struct CursorApp: TerminalApp {
        var news = ""
        mutating func handle(_ event: InputEvent) -> [AppEffect] {
            guard case let .key(key) = event else { return [] }
            if key == Key(.escape) { return [.quit] }
            guard case let .character(c) = key.base else { return [] }
            return [.publishCursor(DeferredBytes(Data(String(c).utf8)))]
        }
        mutating func setSaveStatus(_ status: SaveStatus) {}
        func render(into buffer: inout ScreenBuffer) { buffer.put("news: " + news, x: 0, y: 0) }
    }

    private var folder: URL!
    private var files: StoreFiles!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("present-host-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        files = StoreFiles(store: folder.appendingPathComponent("panel.json"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A host whose clock moves 50 ms per read and whose file writes run at once.
    private func host(_ terminal: ScriptedTerminal) -> TerminalHost<CursorApp> {
        let autosaver = Autosaver(write: { _ in XCTFail("nothing is saved here") }, execute: { $0() })
        return TerminalHost(app: CursorApp(), terminal: terminal, files: files, autosaver: autosaver,
                            clock: { Double(terminal.timeouts.count) * 0.05 }, takeSignal: { nil },
                            runSideFileWrite: { $0() }, waitForSideFileWrites: {})
    }

    func testTheCursorIsWrittenAtMostFiveTimesASecondLatestFirstAndRemovedOnQuit() throws {
        let keys: [TerminalRead] = "abc".unicodeScalars.map { .input(.character($0.value)) }
        let terminal = ScriptedTerminal(keys + Array(repeating: .input(.timeout), count: 6) + [.input(.character(27)), .input(.timeout)])
        var seen: [String?] = []
        terminal.beforeRead = { [files] _ in
            seen.append((try? Data(contentsOf: files!.cursor)).map { String(decoding: $0, as: UTF8.self) })
        }
        let outcome = host(terminal).run()
        XCTAssertEqual(outcome.ending, .quit)
        // Read 1 is before any key; "a" is written at once; "b" then "c" arrive within 0.2 s of
        // it, so only "c" is written, 0.2 s (four reads) after "a".
        XCTAssertEqual(Array(seen.prefix(8)), [nil, "a", "a", "a", "a", "c", "c", "c"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: files.cursor.path), "removed on the way out")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "no store, no draft")
    }

    func testTheCursorFileIsReadableByItsOwnerOnly() throws {
        let terminal = ScriptedTerminal([.input(.character(97)), .input(.character(27)), .input(.timeout)])
        var mode: UInt16?
        terminal.beforeRead = { [files] _ in
            if let attributes = try? FileManager.default.attributesOfItem(atPath: files!.cursor.path) {
                mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value
            }
        }
        _ = host(terminal).run()
        XCTAssertEqual(mode, 0o600)
    }

    func testTheBackgroundSourceIsAskedEveryTurnAndItsNewsDrawn() {
        // Esc is taken as a key once the next read shows nothing follows it.
        let terminal = ScriptedTerminal(Array(repeating: .input(.timeout), count: 4) + [.input(.character(27)), .input(.timeout)])
        let host = host(terminal)
        var calls = 0
        host.background = { app in
            calls += 1
            guard calls == 3 else { return false }
            app.news = "the clerk saved"
            return true
        }
        _ = host.run()
        // Four quiet turns; the turn that reads Esc (and the nothing after it) quits before asking.
        XCTAssertEqual(calls, 4, "once per turn until Esc quits")
        XCTAssertEqual(terminal.frames.map { $0.line(0) }, ["news:", "news: the clerk saved"])
    }
}
