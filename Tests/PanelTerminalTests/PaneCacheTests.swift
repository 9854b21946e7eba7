import Foundation
import PanelModel
import XCTest
@testable import PanelTerminal
import ScrutinyTestSupport

/// The pane cache never shows a stale pane: after any sequence of events, the frame drawn from
/// remembered panes is exactly (characters, styles, cursor) the frame drawn with none. And it
/// does keep panes: a move in the grid redraws only the grid and the hint line.
final class PaneCacheTests: XCTestCase {
    /// Random events on the seed panel, plain and merged with others' (so conflict marks show
    /// too), seeded, so a failure repeats: after each one, the frame drawn with the workspace's
    /// cache is compared with a frame drawn from scratch: 3,200 events, some fifteen seconds.
    func testACachedFrameAlwaysEqualsAFreshOne() {
        for seed: UInt64 in [1, 2, 3, 4] {
            let document = seed.isMultiple(of: 2) ? Self.long : Self.merged
            if !cachedFramesMatch(seed: seed, document: document, events: 800) { return }
        }
    }

    func testAMoveInTheGridUpdatesTheGridInPlaceAndRedrawsTheHintLine() {
        var driver = WorkspaceDriver(width: 120, height: 40)
        _ = driver.screen(width: 120, height: 40)
        XCTAssertEqual(driver.workspace.paneCache.drawnLastFrame, PaneCache.Part.allCases)
        driver.press("right")
        XCTAssertEqual(driver.screen(width: 120, height: 40), fresh(driver.workspace, width: 120, height: 40))
        XCTAssertEqual(driver.workspace.paneCache.drawnLastFrame, [.bottomLine])
        XCTAssertEqual(driver.workspace.paneCache.updatedLastFrame, [.framework], "only the selection moved")
        _ = driver.screen(width: 120, height: 40)
        XCTAssertEqual(driver.workspace.paneCache.drawnLastFrame, [], "nothing changed, nothing is drawn")
        XCTAssertEqual(driver.workspace.paneCache.updatedLastFrame, [])
        driver.press("tab")
        XCTAssertEqual(driver.screen(width: 120, height: 40), fresh(driver.workspace, width: 120, height: 40))
        XCTAssertEqual(driver.workspace.paneCache.updatedLastFrame, [.framework], "focus alone: its frame is redrawn")
    }

    func testTypingInACellRedrawsNoPaneOnlyTheEditorOverThem() {
        var driver = WorkspaceDriver(width: 120, height: 40)
        driver.press("enter")
        _ = driver.screen(width: 120, height: 40)
        driver.type("Zebra")
        let screen = driver.screen(width: 120, height: 40)
        XCTAssertEqual(driver.workspace.paneCache.drawnLastFrame, [])
        XCTAssertTrue(screen.text.contains("Zebra"), "the editor box is drawn over the kept panes")
        XCTAssertEqual(screen, fresh(driver.workspace, width: 120, height: 40))
    }

    func testAnotherCopyOfTheWorkspaceNeverGetsThePanesOfThisOne() {
        var driver = WorkspaceDriver(width: 120, height: 40)
        var other = driver
        driver.press("enter")
        driver.type("Zebra")
        driver.press("enter")
        other.press("enter")
        other.type("Yak")
        other.press("enter")
        // Both copies share one cache and have made one edit each: their documents differ.
        XCTAssertEqual(driver.screen(width: 120, height: 40), fresh(driver.workspace, width: 120, height: 40))
        XCTAssertEqual(other.screen(width: 120, height: 40), fresh(other.workspace, width: 120, height: 40))
        XCTAssertTrue(other.screen(width: 120, height: 40).text.contains("Yak"))
    }

    /// The hint line's keys are remembered by context: a conflict in focus that no pane shows
    /// (a note's, named by `c n`) is a context of its own, with keep-ours and take-theirs.
    func testTheHintLineOfAConflictNoPaneShowsIsNotTheUsualOne() {
        var document = TestPanel.make()
        document.conflicts = [MergeConflict(kind: .editedOnBothSides, place: .item(.note, id: "note-2", field: "text"),
                                            base: "Clusters", ours: "Clusters vary", theirs: "Clusters differ")]
        var driver = WorkspaceDriver(document, width: 120, height: 40)
        let usual = driver.screen(width: 120, height: 40)
        driver.press("c n")
        _ = driver.screen(width: 120, height: 40)
        driver.press("esc")  // clears the message; the conflict stays in focus
        let screen = driver.screen(width: 120, height: 40)
        XCTAssertEqual(screen, fresh(driver.workspace, width: 120, height: 40))
        XCTAssertTrue(screen.line(39).contains("keep ours"), screen.line(39))
        XCTAssertFalse(usual.line(39).contains("keep ours"))
    }

    // MARK: The property

    func fresh(_ workspace: Workspace, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        workspace.render(into: &buffer, reusing: nil)
        return buffer
    }

    /// Runs `events` random events from `seed`; false (after recording the failure, with the
    /// events that led to it) at the first frame that differs.
    func cachedFramesMatch(seed: UInt64, document: PanelDocument, events: Int) -> Bool {
        var random = SeededGenerator(seed: seed)
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock, document, width: 120, height: 40)
        var size = (width: 120, height: 40)
        var log: [String] = []
        for step in 0..<events {
            let event = Self.randomEvent(&random)
            log.append(event.name)
            event.apply(&driver, clock, &size)
            var cached = ScreenBuffer(width: size.width, height: size.height)
            driver.workspace.render(into: &cached)
            let reference = fresh(driver.workspace, width: size.width, height: size.height)
            if cached != reference {
                let rows = (0..<reference.height).filter { y in
                    (0..<reference.width).contains { cached[$0, y] != reference[$0, y] }
                }
                XCTFail("""
                    seed \(seed), event \(step): the cached frame differs from a fresh one in rows \(rows) \
                    (cursor \(String(describing: cached.cursor)) vs \(String(describing: reference.cursor)))
                    last events: \(log.suffix(25).joined(separator: " · "))
                    cached:
                    \(rows.map { cached.line($0) }.joined(separator: "\n"))
                    fresh:
                    \(rows.map { reference.line($0) }.joined(separator: "\n"))
                    """)
                return false
            }
        }
        return true
    }

    /// The test panel with more of everything than a pane shows, so every pane scrolls.
    static var long: PanelDocument {
        var doc = TestPanel.make()
        for i in 1...24 {
            doc.schedule.append(ScheduleItem(id: "item-\(i)", kind: i.isMultiple(of: 3) ? .visit : .meeting,
                                             title: "Session \(i) with a title long enough to be cut in a narrow pane",
                                             date: TestPanel.date("2024-0\(1 + i % 6)-1\(i % 10)"),
                                             status: i.isMultiple(of: 5) ? .cancelled : .planned))
        }
        for i in 1...14 {
            doc.questions.append(Question(id: "q-\(i)", number: "6.\(i)", title: "Question \(i)",
                                          text: "What data would show whether \(i) works?", status: .open))
        }
        for i in 1...6 {
            let id = "crit-extra\(i)"
            doc.framework.criteria.append(AxisItem(id: id, name: "Extra criterion \(i)"))
            doc.framework[CellKey(criterion: id, dimension: "dim-outcomes")] = "Cell text for row \(i), long enough to wrap"
        }
        return doc
    }

    /// The test panel after a merge with conflicts in a cell, a criterion, a schedule item, a
    /// question and a note.
    static var merged: PanelDocument {
        var doc = TestPanel.make()
        doc.conflicts = [
            MergeConflict(kind: .editedOnBothSides, place: .cell(TestPanel.key("equity", "diagnosis")),
                          base: "", ours: "Lack of data", theirs: "Data from 2022 only"),
            MergeConflict(kind: .editedOnBothSides, place: .item(.criterion, id: "crit-efficiency", field: "name"),
                          base: "Efficient", ours: "Efficiency", theirs: "Value"),
            MergeConflict(kind: .editedOnBothSides, place: .item(.schedule, id: "item-autism", field: "title"),
                          base: "Autism", ours: "Autism Partnership Board", theirs: "APB"),
            MergeConflict(kind: .editedOnBothSides, place: .item(.question, id: "q-equity", field: "title"),
                          base: "Equity?", ours: "Equity", theirs: "Fairness"),
            // No pane shows a note: `c n` names it, and keep-ours/take-theirs act on it.
            MergeConflict(kind: .editedOnBothSides, place: .item(.note, id: "note-2", field: "text"),
                          base: "Clusters", ours: "Clusters vary", theirs: "Clusters differ"),
        ]
        return doc
    }

    struct Event {
        var name: String
        var apply: (inout WorkspaceDriver, LiveTestClock, inout (width: Int, height: Int)) -> Void
    }

    static func key(_ names: String...) -> Event {
        Event(name: names.joined(separator: ",")) { driver, _, _ in
            for name in names { driver.press(name) }
        }
    }

    static func type(_ text: String) -> Event {
        Event(name: "type \(text.debugDescription)") { driver, _, _ in driver.type(text) }
    }

    /// Keys of every pane, the editor, prompts, notes and help, with moves most common (as in use).
    static let keys = [
        "left", "right", "up", "down", "left", "right", "up", "down", "h", "j", "k", "l",
        "tab", "S-tab", "1", "2", "3", "enter", "enter", "esc", "esc", "u", "C-r", "x", "g g", "G",
        "pageup", "pagedown", "home", "end", "n", "N", "?", "/", ":", "P", "z", "Z", "A-z", "E", "c n", "c o",
        "c t", "s", "L", "a", "r", "R", "K", "J", "H", "T", "D", "v", "U", "t", "C-n", "C-p", "backspace",
        "A-enter", "C-w", "C-k", "d d", "o", "O", "del", "m", "p", "e", "y", "q", "C-l",
    ]

    static let texts = ["a", "e", "Zebra", " ", "é", "漢字", "✗", "●", "≠", "—", "x1", "Lack", "5.1", "\u{202E}", "2024-03-20"]

    static let sizes = [(80, 24), (100, 30), (120, 40), (79, 23), (90, 26), (140, 45), (120, 40)]

    static func randomEvent(_ random: inout SeededGenerator) -> Event {
        switch random.next(100) {
        case 0..<55:
            return key(keys[random.next(keys.count)])
        case 55..<72:
            return type(texts[random.next(texts.count)])
        case 72..<76:
            let query = ["e", "data", "Equity", "ZZZ"][random.next(4)]
            return Event(name: "search \(query)") { driver, _, _ in
                driver.press("/")
                driver.type(query)
                driver.press("enter")
            }
        case 76..<80:
            let command = [":live", ":end", ":add question Fairness", ":add item Site visit", ":add criterion Reach",
                           ":notes", ":sync"][random.next(7)]
            return Event(name: command) { driver, _, _ in
                driver.type(command)
                driver.press("enter")
            }
        case 80..<83:
            let text = ["Pasted words", "two\nlines", "wide 漢字 and ✗ marks", "\u{1B}[31mred", "tab\there"][random.next(5)]
            return Event(name: "paste \(text.debugDescription)") { driver, _, _ in driver.paste(text) }
        case 83..<86:
            let (width, height) = sizes[random.next(sizes.count)]
            return Event(name: "resize \(width)×\(height)") { driver, _, size in
                driver.resize(width, height)
                size = (width, height)
            }
        case 86..<91:
            let seconds = Double(1 + random.next(90))
            return Event(name: "tick +\(Int(seconds))s") { driver, clock, _ in
                clock.advance(seconds)
                driver.tick(clock)
            }
        case 91..<95:
            let which = random.next(3)
            return Event(name: "save status \(which)") { driver, clock, _ in
                let status: SaveStatus = [.saving, .saved(at: clock.now), .failed(reason: "disk full")][which]
                driver.workspace.setSaveStatus(status)
            }
        case 95..<97:
            return Event(name: "announce") { driver, _, _ in driver.workspace.announce("Recovered 2 changes") }
        default:
            let succeeded = random.next(2) == 0
            return Event(name: "synced \(succeeded)") { driver, _, _ in
                var newer = driver.document
                newer.conflicts = Self.merged.conflicts
                newer.panel.title = succeeded ? "SEND Panel (synced)" : newer.panel.title
                driver.effects += driver.workspace.hostReplied(.synced(newer, succeeded: succeeded))
            }
        }
    }
}
