import PanelModel
import XCTest
@testable import PanelTerminal

/// A panel far bigger than any real one (1,000 criteria, 1,000 schedule items, 10,000
/// questions and a 1 MB cell) still opens and scrolls: the first frame is drawn, the end and
/// page keys reach both ends of every pane, the 1 MB cell zooms and scrolls, and the editor
/// opens on it and takes a key. These assert screens and positions, never timings.
final class LargePanelTests: XCTestCase {
    /// Built once: making 10,000 questions and a megabyte of text is the slow part of each test.
    private static let panel = LargePanel.make()

    private func driver() -> WorkspaceDriver {
        WorkspaceDriver(Self.panel, width: 120, height: 40)
    }

    func testTheFirstFrameShowsTheFirstRowsOfEveryPane() {
        let screen = driver().shown
        XCTAssertTrue(screen.hasPrefix(" Scrutiny · A very large panel"), screen)
        XCTAssertTrue(screen.contains("Criterion 0001"), screen)
        XCTAssertTrue(screen.contains("Session 0001"), screen)
        XCTAssertTrue(screen.contains("Question 00001"), screen)
        XCTAssertFalse(screen.contains(LargePanel.endOfMegabyte), "the grid shows the start of the 1 MB cell, not its end")
        XCTAssertTrue(screen.hasSuffix("Criterion 0001 × Dimension 1"), screen)
    }

    // Each full render of this panel costs about a second in a debug build (see
    // docs/RELIABILITY.md), so the movement tests read the screen once, at the far end, and
    // check the other positions through the selection.

    func testEndAndPageKeysReachBothEndsOfTheGrid() {
        var driver = driver()
        driver.press("G")
        XCTAssertEqual(driver.workspace.selection.criterion, "crit-1000")
        let end = driver.shown
        XCTAssertTrue(end.contains("Criterion 1000"), end)
        XCTAssertFalse(end.contains("Criterion 0001"), end)
        XCTAssertTrue(end.hasSuffix("Criterion 1000 × Dimension 1"), end)
        driver.press("g g")
        XCTAssertEqual(driver.workspace.selection.criterion, "crit-0001")
        assertPageKeys(&driver, ids: LargePanel.criterionIDs, selected: { $0.workspace.selection.criterion })
    }

    func testEndAndPageKeysReachBothEndsOfTheSchedule() {
        var driver = driver()
        driver.press("1", "G")
        XCTAssertEqual(driver.workspace.selection.scheduleItem, "item-1000")
        let end = driver.shown
        XCTAssertTrue(end.contains("Session 1000"), end)
        XCTAssertFalse(end.contains("Session 0001"), end)
        driver.press("g g")
        XCTAssertEqual(driver.workspace.selection.scheduleItem, "item-0001")
        assertPageKeys(&driver, ids: LargePanel.scheduleIDs, selected: { $0.workspace.selection.scheduleItem })
    }

    func testEndAndPageKeysReachBothEndsOfTenThousandQuestions() {
        var driver = driver()
        driver.press("3", "G")
        XCTAssertEqual(driver.workspace.selection.question, "q-10000")
        let end = driver.shown
        XCTAssertTrue(end.contains("Question 10000"), end)
        XCTAssertFalse(end.contains("Question 00001"), end)
        driver.press("g g")
        XCTAssertEqual(driver.workspace.selection.question, "q-00001")
        assertPageKeys(&driver, ids: LargePanel.questionIDs, selected: { $0.workspace.selection.question })
    }

    /// From the first item: page down moves a whole page, page up comes back to the first;
    /// from the last, page down stays there and page up moves a page back.
    private func assertPageKeys(_ driver: inout WorkspaceDriver, ids: [String],
                                selected: (WorkspaceDriver) -> String?, line: UInt = #line) {
        let page = driver.workspace.pageSize
        XCTAssertGreaterThan(page, 1, line: line)
        driver.press("pagedown")
        XCTAssertEqual(selected(driver), ids[page], line: line)
        driver.press("pageup")
        XCTAssertEqual(selected(driver), ids[0], line: line)
        driver.press("G", "pagedown")
        XCTAssertEqual(selected(driver), ids.last, line: line)
        driver.press("pageup")
        XCTAssertEqual(selected(driver), ids[ids.count - 1 - page], line: line)
    }

    func testTheZoomOfTheMegabyteCellScrollsToItsEndAndBack() throws {
        var driver = driver()
        driver.press("z")
        let first = driver.shown
        XCTAssertTrue(first.contains("Criterion 0001 × Dimension 1"), first)
        XCTAssertTrue(first.contains("word0000001 word0000002"), first)
        let total = try XCTUnwrap(Self.lineCount(in: first), first)
        // 83,400 words of 12 columns, 8 to a line of the zoom's 110 columns, and the end mark.
        XCTAssertEqual(total, 10_426)
        XCTAssertTrue(first.hasSuffix("lines 1–35 of 10426"), first)

        driver.press("pagedown")  // a page less the one line kept for context
        XCTAssertEqual(driver.workspace.chair.zoom?.firstLine, 34)
        driver.press("G")
        let end = driver.shown
        XCTAssertTrue(end.contains("word0083399 word0083400\n            " + LargePanel.endOfMegabyte + "\n"), end)
        XCTAssertTrue(end.hasSuffix("lines 10392–10426 of 10426"), end)
        driver.press("g g")
        XCTAssertEqual(driver.workspace.chair.zoom?.firstLine, 0)
        driver.press("esc")
        XCTAssertNil(driver.workspace.chair.zoom, "Esc leaves the zoom for the workspace")
    }

    func testTheEditorOpensOnTheMegabyteCellAndTakesAKey() {
        var driver = driver()
        driver.press("enter")
        driver.type("!")
        let editing = driver.shown
        XCTAssertTrue(editing.contains(LargePanel.endOfMegabyte + "!"), "the editor opens with its cursor at the end:\n\(editing)")
        driver.press("enter")
        XCTAssertEqual(driver.document.framework[LargePanel.megabyteCell], LargePanel.megabyte + "!")
        XCTAssertEqual(driver.saves.count, 1)
    }

    /// Counted, not timed: scrolling the zoom of the megabyte sanitizes and wraps it once, when
    /// it opens, however many keys and frames follow (each did both, twice a key, before).
    func testScrollingTheZoomOfTheMegabyteCellWrapsItOnce() {
        var driver = driver()
        driver.press("z")
        _ = driver.shown
        XCTAssertEqual(driver.workspace.zoomTexts.wrapsMade, 1)
        for key in ["pagedown", "pagedown", "j", "k", "G", "k", "pageup", "g g", "j"] {
            driver.press(key)
            _ = driver.shown
        }
        XCTAssertEqual(driver.workspace.chair.zoom?.firstLine, 1)
        XCTAssertTrue(driver.shown.hasSuffix("lines 2–36 of 10426"), driver.shown)
        XCTAssertEqual(driver.workspace.zoomTexts.wrapsMade, 1, "no key wrapped the megabyte again")
    }

    /// Counted, not timed: typing, moving and deleting in the editor on the megabyte wraps it
    /// once, when the editor is first drawn; each key re-wraps a few rows around the cursor.
    func testKeysInTheEditorOnTheMegabyteCellWrapItOnce() throws {
        var driver = driver()
        driver.press("enter")
        _ = driver.shown
        driver.type("Twenty keys")
        driver.press("up", "left", "backspace", "C-w", "down", "right", "end", "home", "A-enter")
        let shown = driver.shown
        guard case .editing(let session) = driver.workspace.mode else { return XCTFail("the editor is open") }
        XCTAssertEqual(session.editor.wrapWork.wholeWraps, 1)
        XCTAssertLessThanOrEqual(session.editor.wrapWork.rowsRewrapped, 15 * 8)
        // What it shows is what an editor opened afresh on the same text and cursor shows.
        var fresh = driver
        fresh.workspace.mode = .editing(EditSession(target: session.target,
                                                    editor: TextEditor(text: session.editor.text, cursor: session.editor.cursor)))
        XCTAssertEqual(shown, fresh.shown)
        XCTAssertTrue(shown.contains("Twenty"), shown)
    }

    /// M in the zoom's "lines A–B of M".
    private static func lineCount(in screen: String) -> Int? {
        guard let range = screen.range(of: #"of \d+$"#, options: .regularExpression) else { return nil }
        return Int(screen[range].dropFirst(3))
    }
}

/// The very large panel, with predictable names and ids.
enum LargePanel {
    static let criterionIDs = (1...1_000).map { "crit-" + pad($0, 4) }
    static let scheduleIDs = (1...1_000).map { "item-" + pad($0, 4) }
    static let questionIDs = (1...10_000).map { "q-" + pad($0, 5) }
    static let megabyteCell = CellKey(criterion: "crit-0001", dimension: "dim-1")
    static let endOfMegabyte = "END-OF-THE-MEGABYTE"
    /// One paragraph (one line) of a little over 1,000,000 bytes: numbered words, then the end mark.
    static let megabyte: String = {
        let words = (1...83_400).map { "word" + pad($0, 7) }
        return words.joined(separator: " ") + " " + endOfMegabyte
    }()

    static func make() -> PanelDocument {
        var panel = PanelInfo()
        panel.title = "A very large panel"
        let criteria = criterionIDs.enumerated().map { AxisItem(id: $1, name: "Criterion " + pad($0 + 1, 4)) }
        let dimensions = (1...5).map { AxisItem(id: "dim-\($0)", name: "Dimension \($0)") }
        var framework = Framework(criteria: criteria, dimensions: dimensions)
        for (index, criterion) in criteria.enumerated() where index > 0 {
            framework[CellKey(criterion: criterion.id, dimension: "dim-2")] = "Evidence for \(criterion.name)"
        }
        framework[megabyteCell] = megabyte
        let schedule = scheduleIDs.enumerated().map {
            ScheduleItem(id: $1, kind: .interview, title: "Session " + pad($0 + 1, 4))
        }
        let questions = questionIDs.enumerated().map {
            Question(id: $1, number: "\($0 + 1)", title: "Question " + pad($0 + 1, 5), text: "Why \($0 + 1)?")
        }
        return PanelDocument(panel: panel, schedule: schedule, framework: framework, questions: questions, notes: [])
    }

    static func pad(_ number: Int, _ digits: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
