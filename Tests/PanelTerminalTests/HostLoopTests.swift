import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal

/// The host's main loop, run against a scripted terminal and a tiny app: what reaches the app,
/// what is drawn, what is saved, and how each way of ending leaves things.
final class HostLoopTests: XCTestCase {
    /// A terminal that plays back a script of reads and records what it was asked to do.
    final class ScriptedTerminal: TerminalDevice {
        var script: [TerminalRead]
        var size: (width: Int, height: Int) = (80, 24)
        var keyDecoder = KeyDecoder()
        var frames: [ScreenBuffer] = []
        var timeouts: [Int] = []
        var restored = 0
        var suspended = 0
        var invalidated = 0
        /// The size the terminal has when the process is continued after a stop.
        var sizeAfterSuspend: (width: Int, height: Int)?
        /// Runs before each read: lets a test change the world between reads.
        var beforeRead: ((Int) -> Void)?

        init(_ script: [TerminalRead]) { self.script = script }

        func read(timeoutMilliseconds: Int) -> TerminalRead {
            beforeRead?(timeouts.count)
            timeouts.append(timeoutMilliseconds)
            // An exhausted script is a closed terminal, so a wrong test ends instead of spinning.
            return script.isEmpty ? .hangUp : script.removeFirst()
        }
        func draw(_ frame: ScreenBuffer) { frames.append(frame) }
        func invalidate() { invalidated += 1 }
        func suspend() {
            suspended += 1
            if let sizeAfterSuspend { size = sizeAfterSuspend }
        }
        func restore() { restored += 1 }
    }

    /// Typed characters go into a line of text, kept as a draft; Enter saves it as the panel's
    /// title; Esc quits; Ctrl-Z suspends; a paste is noted as it came.
    struct LineApp: TerminalApp {
        var document = PanelDocument()
        var line = ""
        var events: [InputEvent] = []
        var statuses: [SaveStatus] = []
        var ticks = 0

        mutating func handle(_ event: InputEvent) -> [AppEffect] {
            events.append(event)
            switch event {
            case let .key(key) where key == Key(.escape): return [.quit]
            case let .key(key) where key == .ctrl("z"): return [.suspend]
            case let .key(key) where key == .ctrl("l"): return [.redraw]
            case let .key(key) where key == Key(.enter):
                let edit = Edit.setPanelField(.title, from: document.panel.title, to: line)
                document.panel.title = line
                line = ""
                return [.record(edit), .save(document), .saveDraft(nil)]
            case let .key(key):
                guard case let .character(c) = key.base, !key.ctrl, !key.alt else { return [] }
                line.append(c)
                return [.saveDraft(DeferredBytes(Data(line.utf8)))]
            case let .paste(text):
                line += text
                return [.saveDraft(DeferredBytes(Data(line.utf8)))]
            case .resize:
                return []
            }
        }
        mutating func setSaveStatus(_ status: SaveStatus) { statuses.append(status) }
        mutating func tick(_ now: Date) -> [AppEffect] {
            ticks += 1
            return []
        }
        func render(into buffer: inout ScreenBuffer) {
            buffer.put("> " + line, x: 0, y: 0)
            buffer.put("\(buffer.width)x\(buffer.height)", x: 0, y: 1)
            buffer.put("ticks \(ticks)", x: 0, y: 2)
        }
    }

    private var folder: URL!
    private var files: StoreFiles!
    /// The store opened for writing, as `scrutiny FILE` opens it: changes and drafts go to its journal.
    private var session: StoreSession!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("host-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        files = StoreFiles(store: folder.appendingPathComponent("panel.json"))
        try PanelStore.create(PanelDocument(), at: files.store)
        session = try StoreSession.open(files.store, program: "test").0
    }

    override func tearDownWithError() throws {
        session?.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The draft the next open would recover.
    private func draft() -> String? {
        (try? StoreSession.peek(files.store))?.draft.map { String(decoding: $0, as: UTF8.self) }
    }

    private func chars(_ text: String) -> [TerminalRead] {
        text.unicodeScalars.map { .input(.character($0.value)) }
    }

    /// A host whose saves run on the calling thread and whose clock moves by `step` a read.
    private func host(_ terminal: ScriptedTerminal, signals: [Int: Int32] = [:], step: Double = 0.05,
                      failSaves: Bool = false) -> TerminalHost<LineApp> {
        let store = files.store
        let session = self.session!
        let autosaver = Autosaver(snapshot: { document, sequence in
            if failSaves { throw FileError(path: store.path, code: EROFS) }
            try session.snapshot(document, through: sequence)
        }, execute: { $0() })
        var reads = 0
        var pendingSignals = signals
        return TerminalHost(app: LineApp(), terminal: terminal, files: files, autosaver: autosaver, journal: session,
                            clock: { Double(terminal.timeouts.count) * step },
                            takeSignal: {
                                defer { reads += 1 }
                                return pendingSignals.removeValue(forKey: reads)
                            },
                            runSideFileWrite: { $0() }, waitForSideFileWrites: {})
    }

    func testTypedTextReachesTheAppIsDrawnAndSavedThenQuitRestoresTheTerminal() throws {
        // A timeout is the typist pausing: the host draws once per burst of input.
        let terminal = ScriptedTerminal(chars("Équité 日本") + [.input(.timeout)] + chars("\r") + [.input(.timeout)]
            + chars("\u{1B}") + [.input(.timeout)])
        let host = host(terminal)
        let outcome = host.run()
        XCTAssertEqual(outcome.ending, .quit)
        XCTAssertNil(outcome.unsaved)
        XCTAssertEqual(terminal.restored, 1)
        XCTAssertEqual(try PanelStore.load(from: files.store).panel.title, "Équité 日本")
        XCTAssertNil(draft(), "Enter closed the line, so its draft is gone")
        XCTAssertEqual(host.app.events.first, .resize(width: 80, height: 24), "the app learns the real size first")
        XCTAssertTrue(terminal.frames.contains { $0.line(0) == "> Équité 日本" })
        XCTAssertEqual(host.app.statuses.last.map { if case .saved = $0 { true } else { false } }, true)
    }

    func testEscWaitsBrieflyForAnAltKeyWithTheShortTimeout() {
        let terminal = ScriptedTerminal([.input(.character(27))] + chars("x") + [.input(.character(27)), .input(.timeout)])
        let host = host(terminal)
        XCTAssertEqual(host.run().ending, .quit)
        XCTAssertEqual(terminal.timeouts, [50, 25, 0, 25], "keys already typed are read without waiting")
        XCTAssertEqual(host.app.events.dropFirst(), [.key(.alt("x")), .key(Key(.escape))])
    }

    func testABracketedPasteReachesTheAppAsOneTextNeverAsKeys() {
        let terminal = ScriptedTerminal(chars("\u{1B}[200~first\rsecond\u{1B}\u{1B}[201~"))
        let host = host(terminal)
        _ = host.run()
        XCTAssertEqual(Array(host.app.events.dropFirst()), [.paste("first\rsecond\u{1B}")])
    }

    func testABurstOfKeysIsDrawnOnceNotOncePerKey() {
        let terminal = ScriptedTerminal(chars("many keys at once") + [.input(.timeout)])
        _ = host(terminal).run()
        XCTAssertEqual(terminal.frames.map { $0.line(0) }, [">", "> many keys at once"])
    }

    /// The live session's elapsed time moves while nobody types: the app is told the time
    /// about once a second, and the frame is drawn again after each.
    func testTheAppIsToldTheTimeAboutOnceASecondAndRedrawn() {
        // Each read is 0.3 s on the invented clock, from 0 s when the first frame is drawn:
        // ticks at 1.2 s and 2.4 s, and not again before the terminal goes away at 3 s.
        let terminal = ScriptedTerminal(Array(repeating: .input(.timeout), count: 10))
        let host = host(terminal, step: 0.3)
        XCTAssertEqual(host.run().ending, .hangUp)
        XCTAssertEqual(host.app.ticks, 2)
        XCTAssertEqual(terminal.frames.last?.line(2), "ticks 2")
    }

    func testResizeRedrawsAtTheNewSize() {
        let terminal = ScriptedTerminal([.input(.resized(width: 60, height: 20)), .input(.timeout)])
        terminal.beforeRead = { index in if index == 0 { terminal.size = (60, 20) } }
        _ = host(terminal).run()
        XCTAssertEqual(terminal.frames.last?.width, 60)
        XCTAssertEqual(terminal.frames.last?.line(1), "60x20")
    }

    func testADraftIsWrittenOnceItsFrameIsDrawnThenAtMostOnceASecondWithTheLatestText() {
        // Each read is 0.3 s on the invented clock, and each letter is followed by a quiet read
        // (as typing is): "a" is written as soon as its frame is drawn, before the next read
        // (0.6 s); "ab" waits (1.2 s is within a second of that write); "abc" goes at 1.8 s.
        let terminal = ScriptedTerminal(chars("a") + [.input(.timeout)] + chars("b") + [.input(.timeout)]
            + chars("c") + [.input(.timeout), .input(.timeout)])
        var seen: [String?] = []
        terminal.beforeRead = { [unowned self] _ in seen.append(draft()) }
        let host = host(terminal, step: 0.3)
        XCTAssertEqual(host.run().ending, .hangUp)
        XCTAssertEqual(seen, [nil, nil, "a", "a", "a", "a", "abc", "abc"], "the last read is the hang-up")
        XCTAssertEqual(terminal.frames.count, 4, "the first frame, then one for each letter")
    }

    func testAnUnbrokenBurstOfKeysWritesOneDraftWithItsLastText() {
        // Keys already waiting are all taken before a frame is drawn; the draft written after
        // that frame is the text as the burst left it.
        let terminal = ScriptedTerminal(chars("abc") + [.input(.timeout), .input(.timeout)])
        var seen: [String?] = []
        terminal.beforeRead = { [unowned self] _ in seen.append(draft()) }
        XCTAssertEqual(host(terminal, step: 0.3).run().ending, .hangUp)
        XCTAssertEqual(seen, [nil, nil, nil, nil, "abc", "abc"], "the last read is the hang-up")
    }

    func testTheLatestDraftIsWrittenOnTheWayOutEvenInsideTheSecond() {
        let terminal = ScriptedTerminal(chars("abc"))
        let host = host(terminal, step: 0.1)
        XCTAssertEqual(host.run().ending, .hangUp)
        XCTAssertEqual(draft(), "abc")
    }

    func testASignalSavesTheDraftAndTheDocumentAndRestoresTheTerminal() throws {
        let terminal = ScriptedTerminal(chars("title\rnote") + Array(repeating: .input(.timeout), count: 5))
        // The first pass of the loop reads up to the pause; the signal comes before the second, and
        // again during the save.
        let host = host(terminal, signals: [1: SIGTERM, 2: SIGTERM])
        let outcome = host.run()
        XCTAssertEqual(outcome.ending, .signal(SIGTERM))
        XCTAssertEqual(terminal.restored, 1)
        XCTAssertEqual(try PanelStore.load(from: files.store).panel.title, "title")
        XCTAssertEqual(draft(), "note")
    }

    func testAHangUpSavesAndEndsInsteadOfReadingForever() throws {
        let terminal = ScriptedTerminal(chars("x\r") + [.hangUp] + chars("never read"))
        let outcome = host(terminal).run()
        XCTAssertEqual(outcome.ending, .hangUp)
        XCTAssertEqual(terminal.script.count, 10, "nothing is read after the hang-up")
        XCTAssertEqual(try PanelStore.load(from: files.store).panel.title, "x")
    }

    func testSuspendGivesTheTerminalBackAndRepaintsOnReturn() {
        let terminal = ScriptedTerminal([.input(.character(26))] + chars("\u{1B}") + [.input(.timeout)])
        terminal.sizeAfterSuspend = (100, 30)
        let host = host(terminal)
        _ = host.run()
        XCTAssertEqual(terminal.suspended, 1)
        XCTAssertEqual(terminal.invalidated, 1)
        XCTAssertTrue(host.app.events.contains(.resize(width: 100, height: 30)), "told the size after the stop")
    }

    func testAFailedFinalSaveHandsBackTheDocumentAndTheReason() {
        let terminal = ScriptedTerminal(chars("kept\r") + [.input(.timeout)] + chars("\u{1B}") + [.input(.timeout)])
        let host = host(terminal, failSaves: true)
        let outcome = host.run()
        XCTAssertEqual(outcome.unsaved?.document.panel.title, "kept")
        XCTAssertEqual(outcome.unsaved?.reason, "\(files.store.path): Read-only file system")
        XCTAssertTrue(host.app.statuses.contains(.failed(reason: "\(files.store.path): Read-only file system")))
        XCTAssertEqual(terminal.restored, 1)
    }
}
