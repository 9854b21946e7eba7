import Foundation
import PanelModel
import ScrutinyTestSupport
import XCTest

/// Text from a store can never drive the terminal. A store whose panel title, schedule titles,
/// question titles and texts and cells hold escape sequences (CSI clear-screen and colour,
/// OSC 0 set-title, OSC 52 set-clipboard), BEL, NUL, C1 controls, U+202E, zero-width
/// characters and a 1 MB line of them is opened in a real terminal (tmux) and shown in every
/// pane, the help and a zoom. tmux is the terminal emulator that judges: its pane title must
/// be untouched, its paste buffers empty (with `set-clipboard on`, so an OSC 52 that got
/// through would land there), its screen must show the stand-ins and keep its layout, and no
/// text may be red. `testTheseChecksCatchAProgramThatWritesTheSequencesRaw` shows that each
/// check fails when the same sequences do reach tmux.
final class HostileTextInTmuxTests: ScrutinyTestCase {
    private static let setTitle = "\u{1B}]0;pwned\u{07}"
    private static let setClipboard = "\u{1B}]52;c;cHduZWQ=\u{07}"
    private static let clearScreen = "\u{1B}[2J"
    private static let red = "\u{1B}[31m"
    private static let endOfMegabyte = "END-OF-THE-HOSTILE-MEGABYTE"

    /// Every hostile string in a field of its own, short enough to be seen whole in its pane.
    private static func hostilePanel() -> PanelDocument {
        var panel = PanelInfo()
        panel.title = "Panel" + clearScreen + setTitle
        let criteria = [AxisItem(id: "crit-a", name: "Alpha"), AxisItem(id: "crit-b", name: "Beta" + red)]
        let dimensions = [AxisItem(id: "dim-1", name: "One"), AxisItem(id: "dim-2", name: "Two"),
                          AxisItem(id: "dim-3", name: "Three")]
        var framework = Framework(criteria: criteria, dimensions: dimensions)
        framework[CellKey(criterion: "crit-a", dimension: "dim-1")] = "Title" + setTitle
        framework[CellKey(criterion: "crit-a", dimension: "dim-2")] = "Clip" + setClipboard
        framework[CellKey(criterion: "crit-a", dimension: "dim-3")] = "C1csi\u{9B}2J"
        framework[CellKey(criterion: "crit-b", dimension: "dim-1")] = clearScreen + red + "Red"
        // The 1 MB line: every kind of sequence, over and over, then an end mark.
        let unit = setTitle + setClipboard + clearScreen + red + "\u{07}\u{0}\u{85}\u{202E}\u{200B} "
        framework[CellKey(criterion: "crit-b", dimension: "dim-2")] =
            "Mega " + String(repeating: unit, count: 1_048_576 / unit.utf8.count + 1) + endOfMegabyte
        let schedule = [
            ScheduleItem(id: "item-red", kind: .interview, title: red + "Red\u{07}", status: .held),
            ScheduleItem(id: "item-rlo", kind: .meeting, title: "\u{202E}desrever"),
            ScheduleItem(id: "item-nul", kind: .visit, title: "NUL\u{0}C1\u{85}"),
        ]
        let questions = [
            Question(id: "q-clip", number: "1", title: "Q" + setClipboard, text: "zero\u{200B}width\u{FEFF}end"),
            Question(id: "q-title", number: "2", title: "Bell\u{07}", text: "T" + setTitle + clearScreen),
        ]
        return PanelDocument(panel: panel, schedule: schedule, framework: framework, questions: questions, notes: [])
    }

    /// The same sequences tmux would act on, written raw by `printf`.
    private static let rawSequences = #"printf '\033]0;pwned\007\033]52;c;cHduZWQ=\007\033[31mRED\n'; exec sleep 600"#

    /// Starts `command` in a tmux that passes OSC 52 to its paste buffers (`set-clipboard on`;
    /// tmux's default ignores it), so a clipboard sequence that got through would show there.
    /// The command waits for Enter, so that the option is set, and the pane's title read,
    /// before it writes anything. Returns the session and that title.
    private func startWithClipboardOn(_ command: String) throws -> (TmuxSession, title: String) {
        let session = try tmux(["sh", "-c", "read go; " + command])
        try session.command(["set-option", "-g", "set-clipboard", "on"])
        let title = try session.pane("pane_title")
        try session.press("Enter")
        return (session, title)
    }

    /// Whether any text on the screen is red: an SGR sequence with parameter 31 in tmux's
    /// capture with attributes (the theme never uses a red foreground, so only a leaked
    /// "ESC [ 31 m" can make one).
    private static func showsRedText(_ session: TmuxSession) throws -> Bool {
        try session.screenWithAttributes().components(separatedBy: "\u{1B}[").dropFirst().contains { part in
            guard let end = part.firstIndex(of: "m") else { return false }
            return part[..<end].split(separator: ";").contains("31")
        }
    }

    /// The layout is intact: the title bar on line 1 with the panel title's stand-ins, the
    /// hint line last, the three panes framed.
    private func assertLayout(_ screen: String, line: UInt = #line) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.first?.hasPrefix(" Scrutiny · Panel␛[2J␛]0;pwned^G") == true,
                      "title bar not on line 1:\n\(screen)", line: line)
        for frame in ["┌ Schedule", "┌ Framework", "┌ Questions"] {
            XCTAssertTrue(screen.contains(frame), "no \(frame):\n\(screen)", line: line)
        }
    }

    /// Waits for the zoom of `heading`: the heading shown and the panes gone (the grid's hint
    /// line names the selected cell too, so the heading alone could match before the zoom opens).
    private func zoomed(_ session: TmuxSession, _ heading: String, line: UInt = #line) throws -> String {
        try session.waitUntil("the zoom of \(heading)", timeout: 30, line: line) {
            $0.contains(heading) && !$0.contains("┌ Questions")
        }
    }

    func testHostileTextInEveryPaneHelpAndZoomNeverReachesTheTerminal() throws {
        try PanelStore.create(Self.hostilePanel(), at: store)
        let (session, titleBefore) = try startWithClipboardOn("exec '\(try ScrutinyBinary.path())' '\(store.path)'")
        let opened = try session.waitFor("Alpha × One", timeout: 30)
        assertLayout(opened)
        var seen = opened

        // The schedule and the questions, a row down in each (the grid's cells are zoomed below).
        try session.press("1", "j")
        seen += try session.waitFor("NUL^@C1M-^E")
        try session.press("3", "j")
        seen += try session.waitFor("Bell^G")
        // The help.
        try session.press("2", "?")
        seen += try session.waitFor("Keys — Esc closes")
        try session.press("Escape")
        // Wait for it to close: a key sent straight after Esc would arrive as Alt+key.
        try session.waitForAbsence(of: "Keys — Esc closes")
        // Every cell zoomed (the grid's columns are narrow; the zoom shows each text whole):
        // left and right step along the criterion, taking the selection with them.
        try session.press("z")
        seen += try zoomed(session, "Alpha × One")
        for heading in ["Alpha × Two", "Alpha × Three"] {
            try session.press("l")
            seen += try zoomed(session, heading)
        }
        try session.press("Escape")
        try session.waitFor("┌ Questions")
        try session.press("j", "z")
        seen += try zoomed(session, "Beta␛[31m × Three")
        // The 1 MB line: zoomed, to its end (LargePanelTests scroll a megabyte back, too).
        try session.press("h")
        seen += try zoomed(session, "Beta␛[31m × Two")
        try session.press("G")
        seen += try session.waitFor(Self.endOfMegabyte, timeout: 30)
        XCTAssertFalse(try Self.showsRedText(session), "red text in the zoom of the 1 MB line")
        try session.press("h")
        seen += try zoomed(session, "Beta␛[31m × One")
        try session.press("Escape")
        let final = try session.waitFor("┌ Questions")

        for standIn in ["␛]0;pwned^G", "␛]52;c;cHduZWQ=^G", "␛[2J", "␛[31mRed^G", "⟨RLO⟩desrever", "NUL^@C1M-^E",
                        "C1csiM-^[2J", "zero⟨ZW⟩width⟨ZW⟩end", "Bell^G", "Mega ␛]0;pwned^G"] {
            XCTAssertTrue(seen.contains(standIn), "never shown: \(standIn)")
        }
        XCTAssertFalse(seen.contains("\u{202E}") || seen.contains("\u{200B}") || seen.contains("\u{FEFF}"),
                       "an invisible character reached the screen as itself")
        XCTAssertEqual(try session.pane("pane_title"), titleBefore, "the pane title was changed")
        XCTAssertEqual(try session.command(["list-buffers"]), "", "something reached tmux's paste buffers")
        assertLayout(final)
        XCTAssertFalse(try Self.showsRedText(session), "red text after moving everywhere")

        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        XCTAssertEqual(try PanelStore.load(from: store), Self.hostilePanel(), "looking changed nothing")
    }

    func testTheseChecksCatchAProgramThatWritesTheSequencesRaw() throws {
        let (session, titleBefore) = try startWithClipboardOn(Self.rawSequences)
        try session.waitFor("RED")
        XCTAssertNotEqual(titleBefore, "pwned")
        XCTAssertEqual(try session.pane("pane_title"), "pwned")
        XCTAssertNotEqual(try session.command(["list-buffers"]), "")
        XCTAssertTrue(try Self.showsRedText(session))
    }

    func testAStoreWithBytesThatAreNotUTF8IsRefusedAndLeftAlone() throws {
        var bytes = PanelStore.encode(Self.hostilePanel())
        let marker = Data("Alpha".utf8)
        let found = try XCTUnwrap(bytes.range(of: marker))
        bytes.replaceSubrange(found, with: [0x41, 0xFF, 0xC0, 0x80, 0x9B, 0x5B, 0x32, 0x4A])  // A, bad bytes, C1 CSI as raw byte
        try bytes.write(to: store)
        let session = try scrutiny([store.path])
        // The message is longer than the terminal is wide: read it with its wrapped lines joined.
        _ = try session.waitFor("exited")
        let screen = try session.command(["capture-pane", "-p", "-J", "-t", "e2e"])
        XCTAssertTrue(screen.contains("panel.json is not a Scrutiny panel (it is not text: it holds bytes that are not UTF-8). The file was not changed."), screen)
        XCTAssertNotEqual(try session.waitForExit(), 0)
        XCTAssertEqual(try Data(contentsOf: store), bytes, "the refused file was not changed")
    }
}
