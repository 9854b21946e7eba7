import Foundation
import PanelModel
import XCTest

/// The real `scrutiny` in a real terminal (tmux, 120×40): typing, resizing, pasting, and being
/// killed, hung up on or signalled, then reading the store it left behind.
final class WorkspaceInTmuxTests: XCTestCase {
    private var folder: URL!
    private var store: URL!
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("panel.json")
        // The blank template: the example's criteria and dimensions, every cell empty.
        try PanelStore.create(PanelTemplates.blank, at: store)
        try TmuxSession.backdate(store)
    }

    override func tearDownWithError() throws {
        sessions.forEach { $0.close() }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Opens the store and waits for the grid, with its first cell selected.
    private func open(width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let session = try TmuxSession([ScrutinyBinary.path(), store.path], width: width, height: height,
                                      directory: folder)
        sessions.append(session)
        try session.waitFor("Effectiveness × Diagnosis")
        return session
    }

    /// From the first cell: down to Equity (the third criterion), right to Outcomes (the third dimension).
    private func goToEquityOutcomes(_ session: TmuxSession) throws {
        try session.press("Down", "Down", "Right", "Right")
        try session.waitFor("Equity × Outcomes")
    }

    private func cell(_ criterion: String, _ dimension: String) throws -> String {
        let framework = try PanelStore.load(from: store).framework
        let c = try XCTUnwrap(framework.criteria.first { $0.name == criterion }, "no criterion \(criterion)")
        let d = try XCTUnwrap(framework.dimensions.first { $0.name == dimension }, "no dimension \(dimension)")
        return framework[c.id, d.id]
    }

    /// The editor's draft the next open would recover from the journal.
    private var draft: String? {
        (try? StoreSession.peek(store))?.draft.map { String(decoding: $0, as: UTF8.self) }
    }

    private func assertTerminalRestored(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try session.pane("alternate_on"), "0", "still in the alternate screen", file: file, line: line)
        XCTAssertEqual(try session.pane("cursor_flag"), "1", "cursor left hidden", file: file, line: line)
    }

    func testTextTypedInEquityOutcomesIsInTheStoreAfterQuitting() throws {
        let session = try open()
        try goToEquityOutcomes(session)
        try session.press("Enter")
        try session.type("é — 日本")
        try session.waitFor("é — 日本")
        let finishing = Date()
        try session.press("Enter")
        try session.waitForSave(after: finishing)
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try assertTerminalRestored(session)
        XCTAssertEqual(try cell("Equity", "Outcomes"), "é — 日本")
        XCTAssertNil(draft, "no draft is left once the editor is closed")
    }

    func testWithoutAFileTheFirstRunCreatesPanelJsonFromTheExampleForItsOwnerOnly() throws {
        let empty = folder.appendingPathComponent("first-run")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let session = try TmuxSession([ScrutinyBinary.path()], directory: empty)
        sessions.append(session)
        try session.waitFor("SEND Provision Scrutiny Panel")
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        let created = empty.appendingPathComponent("panel.json")
        XCTAssertEqual(try PanelStore.load(from: created), PanelTemplates.example)
        let mode = try FileManager.default.attributesOfItem(atPath: created.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testKeysFromARealTerminalReachTheEditorHomeEndCtrlAndAltArrows() throws {
        let session = try open()
        try session.press("Enter")
        try session.type("one two")
        try session.press("C-Left")
        try session.type("X")
        try session.press("Home")
        try session.type("A")
        try session.press("End")
        try session.type("Z")
        try session.press("M-b")
        try session.type("W")
        // C-Left: to the start of "two"; Home, End: the line's ends; M-b: back over "XtwoZ".
        try session.waitFor("Aone WXtwoZ")
        try session.press("Enter")
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        XCTAssertEqual(try cell("Effectiveness", "Diagnosis"), "Aone WXtwoZ")
    }

    func testItRunsOnEightColourAndMonochromeTerminalsAndHonoursNoColor() throws {
        let cases: [(environment: [String: String], colour: Bool)] = [
            (["TERM": "xterm"], true), (["TERM": "linux"], true), (["TERM": "vt100"], false),
            (["TERM": "xterm-256color", "NO_COLOR": "1"], false),
        ]
        for (environment, colour) in cases {
            let session = try TmuxSession([ScrutinyBinary.path(), store.path], environment: environment, directory: folder)
            sessions.append(session)
            try session.waitFor("Effectiveness × Diagnosis")
            try session.press("Down")
            try session.waitFor("Efficiency × Diagnosis")
            let colours = Self.colourParameters(in: try session.screenWithAttributes())
            XCTAssertEqual(!colours.isEmpty, colour, "\(environment): colours \(colours)")
            try session.press("q")
            XCTAssertEqual(try session.waitForExit(), 0, "\(environment)")
            session.close()
        }
    }

    /// The foreground and background colour numbers (30–37, 40–47) set by SGR sequences.
    private static func colourParameters(in screen: String) -> Set<Int> {
        var found = Set<Int>()
        for part in screen.components(separatedBy: "\u{1B}[").dropFirst() {
            guard let end = part.firstIndex(of: "m") else { continue }
            for parameter in part[..<end].split(separator: ";").compactMap({ Int($0) })
            where (30...37).contains(parameter) || (40...47).contains(parameter) {
                found.insert(parameter)
            }
        }
        return found
    }

    func testAnUnknownTerminalTypeIsExplainedNotACrash() throws {
        let session = try TmuxSession([ScrutinyBinary.path(), store.path], environment: ["TERM": "no-such-terminal"],
                                      directory: folder)
        sessions.append(session)
        try session.waitFor("scrutiny: the terminal type TERM=no-such-terminal is unknown here; try TERM=xterm-256color")
        XCTAssertEqual(try session.waitForExit(), 1)
    }

    func testTooSmallATerminalSaysSoAndResizingBackKeepsTheSelection() throws {
        let session = try open()
        try goToEquityOutcomes(session)
        try session.resize(width: 60, height: 20)
        try session.waitFor("terminal too small (need 80×24)")
        try session.resize(width: 120, height: 40)
        let screen = try session.waitFor("Equity × Outcomes")
        XCTAssertTrue(screen.contains("Framework"), "the grid is back:\n\(screen)")
        XCTAssertFalse(screen.contains("terminal too small"))
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    func testAPasteWithNewlinesGoesIntoTheEditorAsTextNeverAsKeys() throws {
        let session = try open()
        try goToEquityOutcomes(session)
        try session.press("Enter")
        // "q" and "u" would quit and undo if they ran as keys.
        try session.paste("one\ntwo q\nthree u")
        try session.waitFor("three u")
        let finishing = Date()
        try session.press("Enter")
        try session.waitForSave(after: finishing)
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        XCTAssertEqual(try cell("Equity", "Outcomes"), "one\ntwo q\nthree u")
    }

    func testKilledMidTypingLosesAtMostTheLastSecond() throws {
        let session = try open()
        try goToEquityOutcomes(session)
        try session.press("Enter")
        try session.type("before pause")
        try session.waitFor("before pause")
        // More than a second: the draft has certainly been written with everything so far.
        Thread.sleep(forTimeInterval: 1.5)
        try session.type(" after")
        try session.signal(SIGKILL)
        XCTAssertEqual(try session.waitForExit(), 128 + SIGKILL)
        XCTAssertTrue(draft?.contains("before pause") == true, "draft: \(draft ?? "none")")

        let reopened = try TmuxSession([ScrutinyBinary.path(), store.path], directory: folder)
        sessions.append(reopened)
        try reopened.waitFor("before pause")
        let finishing = Date()
        try reopened.press("Enter")
        try reopened.waitForSave(after: finishing)
        try reopened.press("q")
        XCTAssertEqual(try reopened.waitForExit(), 0)
        XCTAssertTrue(try cell("Equity", "Outcomes").hasPrefix("before pause"))
    }

    func testQuittingWhenTheStoreCannotBeWrittenAsksWhereToPutTheChanges() throws {
        let meeting = folder.appendingPathComponent("meeting")
        try FileManager.default.createDirectory(at: meeting, withIntermediateDirectories: true)
        let inMeeting = meeting.appendingPathComponent("panel.json")
        try PanelStore.create(PanelTemplates.blank, at: inMeeting)
        let session = try TmuxSession([ScrutinyBinary.path(), inMeeting.path], directory: folder)
        sessions.append(session)
        try session.waitFor("Effectiveness × Diagnosis")
        // The store's folder is renamed behind Scrutiny's back: saves now fail.
        try FileManager.default.moveItem(at: meeting, to: folder.appendingPathComponent("moved"))
        try session.press("Enter")
        try session.type("rescued")
        try session.press("Enter")
        try session.waitFor("NOT SAVED")
        try session.press("q")
        try session.waitFor("Where shall I write them?")
        let rescue = folder.appendingPathComponent("rescue.json")
        try session.type(rescue.path)
        try session.press("Enter")
        try session.waitFor("Your changes are saved in \(rescue.path).")
        XCTAssertEqual(try session.waitForExit(), 0)
        let rescued = try PanelStore.load(from: rescue).framework
        XCTAssertEqual(rescued[rescued.criteria[0].id, rescued.dimensions[0].id], "rescued")
    }

    func testSIGTERMAndSIGHUPSaveTheDocumentAndTheDraftAndRestoreTheTerminal() throws {
        for (signal, text) in [(SIGTERM, "term"), (SIGHUP, "hup")] {
            let session = try open()
            try goToEquityOutcomes(session)
            try session.press("Enter")
            try session.type(text)
            try session.press("Enter")
            try session.press("Enter")  // edit again: " +draft" is only in the draft
            try session.type(" +draft")
            try session.waitFor("\(text) +draft")
            // Twice: the second arrives during the save and must not cut it short.
            let pid = try XCTUnwrap(try session.programPID())
            kill(pid, signal)
            kill(pid, signal)
            XCTAssertEqual(try session.waitForExit(timeout: 2), 0, "signal \(signal)")
            try assertTerminalRestored(session)
            XCTAssertEqual(try cell("Equity", "Outcomes"), text)
            XCTAssertTrue(draft?.contains("\(text) +draft") == true, "draft: \(draft ?? "none")")
            session.close()
            // A fresh store for the next signal.
            try FileManager.default.removeItem(at: store)
            try? FileManager.default.removeItem(atPath: store.path + ".journal")
            try PanelStore.create(PanelTemplates.blank, at: store)
            try TmuxSession.backdate(store)
        }
    }

    func testCtrlSAndCtrlCNeverStopItAndCtrlZSuspendsAndComesBackRepainted() throws {
        let session = try open()
        // Ctrl-S would freeze the output if flow control were on; Ctrl-C would kill a cooked tty.
        try session.press("C-s")
        try session.press("C-c")
        try session.press("Down")
        try session.waitFor("Efficiency × Diagnosis")  // still running, still drawing
        let pid = try XCTUnwrap(try session.programPID())

        try session.press("C-z")
        let deadline = Date().addingTimeInterval(5)
        while processState(pid) != "T" && Date() < deadline { usleep(50_000) }
        XCTAssertEqual(processState(pid), "T", "stopped by Ctrl-Z")
        XCTAssertEqual(try session.pane("alternate_on"), "0", "the terminal is given back while stopped")

        kill(pid, SIGCONT)
        try session.waitFor("Efficiency × Diagnosis")
        XCTAssertEqual(try session.pane("alternate_on"), "1")
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    /// The state letter from /proc/PID/stat: "S" sleeping, "T" stopped…
    private func processState(_ pid: pid_t) -> String {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return "" }
        return String(stat[stat.index(close, offsetBy: 2)])
    }

    func testClosingTheTerminalSavesAndEndsTheProgram() throws {
        let session = try open()
        try goToEquityOutcomes(session)
        try session.press("Enter")
        try session.type("window closed")
        try session.waitFor("window closed")
        let pid = try XCTUnwrap(try session.programPID())
        session.close()  // the terminal goes away under the program, as when a window or SSH drops
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(50_000) }
        XCTAssertNotEqual(kill(pid, 0), 0, "scrutiny is still running after its terminal closed")
        XCTAssertTrue(draft?.contains("window closed") == true, "draft: \(draft ?? "none")")
    }
}
