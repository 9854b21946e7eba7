import Foundation
import XCTest
import PanelModel
@testable import PanelTerminal

/// A clock the test moves by hand, for note times and the live session's elapsed time.
final class LiveTestClock: @unchecked Sendable {
    var now: Date
    init(_ iso: String) { now = Timestamp.date(iso)! }
    func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}

extension WorkspaceDriver {
    /// A driver whose workspace reads `clock` (UTC, as the driver's time zone).
    static func clocked(_ clock: LiveTestClock, _ document: PanelDocument = TestPanel.make(),
                        width: Int = 80, height: Int = 24) -> WorkspaceDriver {
        var driver = WorkspaceDriver(document, width: width, height: height)
        driver.workspace.clock = { clock.now }
        _ = driver.workspace.tick(clock.now)
        return driver
    }

    mutating func tick(_ clock: LiveTestClock) {
        effects += workspace.tick(clock.now)
    }

    func item(_ id: String) -> ScheduleItem {
        document.schedule.first { $0.id == id }!
    }
}

/// Going live in a schedule item, the title bar's "● LIVE", ending, switching, undo and restart.
final class LiveSessionWorkspaceTests: XCTestCase {
    func testLOnAScheduleItemGoesLiveAndTheTitleBarCountsTheTime() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("1", "j", "L")
        XCTAssertEqual(driver.document.live, LiveSession(item: "item-sendiass", since: "2024-03-13T10:00:00+00:00"))
        XCTAssertEqual(driver.message, "● Live in “SENDIASS” from 10:00 — n takes a note, :end ends it")
        XCTAssertEqual(driver.screen().line(0), " Scrutiny · SEND Provision Scrutiny Panel          ● LIVE SENDIASS · 00:00:00")
        XCTAssertEqual(driver.screen()[51, 0].style, Style(.live, bold: true))
        driver.press("2")
        XCTAssertEqual(driver.screen().line(4), "│ 30 Oct 23  I ● SENDIASS    ││               │ condition being│ provision but │")
        XCTAssertEqual(driver.screen()[15, 4].style, Style(.live, bold: true), "the schedule marks the live item")

        clock.advance(42 * 60 + 13)
        driver.tick(clock)
        XCTAssertEqual(driver.screen().line(0), " Scrutiny · SEND Provision Scrutiny Panel          ● LIVE SENDIASS · 00:42:13")
        driver.workspace.setSaveStatus(.saved(at: clock.now))
        XCTAssertEqual(driver.screen().line(0), " Scrutiny · SEND Provision Scrutin…  ● LIVE SENDIASS · 00:42:13  saved 10:42:13")
    }

    func testStartingAnotherSessionEndsTheFirstAndEndingRecordsTheTimes() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("1", "j", "L")
        clock.advance(3600)
        driver.press("j", "j")  // the cancelled forum, then the workshop
        XCTAssertEqual(driver.workspace.selection.scheduleItem, "item-workshop")
        driver.press("L")
        XCTAssertEqual(driver.document.live, LiveSession(item: "item-workshop", since: "2024-03-13T11:00:00+00:00"))
        XCTAssertEqual(driver.item("item-sendiass").startedAt, "2024-03-13T10:00:00+00:00")
        XCTAssertEqual(driver.item("item-sendiass").endedAt, "2024-03-13T11:00:00+00:00")
        XCTAssertEqual(driver.message, "● Live in “10 special schools” from 11:00 — ended “SENDIASS”; n takes a note, :end ends it")

        clock.advance(90 * 60)
        driver.press(":")
        driver.type("end")
        driver.press("enter")
        XCTAssertNil(driver.document.live)
        XCTAssertEqual(driver.item("item-workshop").startedAt, "2024-03-13T11:00:00+00:00")
        XCTAssertEqual(driver.item("item-workshop").endedAt, "2024-03-13T12:30:00+00:00")
        XCTAssertEqual(driver.item("item-workshop").status, .held)
        XCTAssertEqual(driver.message, "Ended at 12:30, marked held, 0 notes: “10 special schools”")
        XCTAssertEqual(driver.screen().line(0), " Scrutiny · SEND Provision Scrutiny Panel")

        driver.press(":")
        driver.type("end")
        driver.press("enter")
        XCTAssertEqual(driver.message, "Nothing is live: L on a schedule item goes live")
    }

    func testLiveFromTheCommandLineAndLAgainEndsIt() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press(":")
        driver.type("live")
        driver.press("enter")
        XCTAssertEqual(driver.document.live?.item, driver.workspace.selection.scheduleItem)
        XCTAssertEqual(driver.workspace.focus, .framework, "going live from the grid keeps the grid")
        clock.advance(60)
        driver.press("1", "L")
        XCTAssertNil(driver.document.live)
        XCTAssertEqual(driver.item("item-vikram").endedAt, "2024-03-13T10:01:00+00:00")
    }

    func testUndoAndRedoTakeTheWholeSwitchBackAndForth() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("1", "L")
        let firstLive = driver.document
        clock.advance(600)
        driver.press("j", "L")
        driver.press("u")
        XCTAssertEqual(driver.document, firstLive)
        XCTAssertEqual(driver.message, "Undid going live in “SENDIASS”")
        driver.press("C-r")
        XCTAssertEqual(driver.document.live?.item, "item-sendiass")
        XCTAssertEqual(driver.item("item-vikram").endedAt, "2024-03-13T10:10:00+00:00")
    }

    /// The session is in the store: a workspace opened on the saved file is still live, and
    /// the elapsed time counts from when it started, not from the restart.
    func testALiveSessionSurvivesARestart() throws {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("1", "j", "L")
        let saved = try XCTUnwrap(driver.saves.last)
        let reopened = try PanelStore.decode(PanelStore.encode(saved), file: "panel.json")
        clock.advance(2 * 3600 + 5)
        let restarted = WorkspaceDriver.clocked(clock, reopened)
        XCTAssertEqual(restarted.screen().line(0), " Scrutiny · SEND Provision Scrutiny Panel          ● LIVE SENDIASS · 02:00:05")
    }

    func testDeletingTheLiveItemSaysSoAndEndsTheSession() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("1", "j", "L", "d d")
        XCTAssertEqual(driver.screen().line(23), "Delete “SENDIASS”? 1 note loses its source. (y/n)")
        driver.press("y")
        XCTAssertNil(driver.document.live)
        XCTAssertEqual(driver.screen().line(0), " Scrutiny · SEND Provision Scrutiny Panel")
        XCTAssertEqual(PanelValidator.problems(in: driver.document), [])
    }
}

extension LiveSessionWorkspaceTests {
    /// A long session title is cut; the elapsed time never is.
    func testALongTitleGivesWayToTheElapsedTime() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var document = TestPanel.make()
        document.schedule[1].title = "Special Educational Needs and Disabilities Information, Advice and Support Service"
        var driver = WorkspaceDriver.clocked(clock, document)
        driver.press("1", "j", "L")
        clock.advance(5)
        driver.tick(clock)
        XCTAssertEqual(driver.screen().line(0), " Scrutiny · SEND Provisio…  ● LIVE Special Educational Needs and … · 00:00:05")
    }
}

extension LiveSessionWorkspaceTests {
    /// The host knows the app only as a `TerminalApp`: its once-a-second tick reaches the
    /// workspace's clock through the protocol, not the protocol's do-nothing default.
    func testTheHostsTickReachesTheWorkspaceThroughTheProtocol() {
        func tick<App: TerminalApp>(_ app: inout App, _ now: Date) -> [AppEffect] { app.tick(now) }
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("1", "j", "L")
        XCTAssertEqual(tick(&driver.workspace, clock.now.addingTimeInterval(61)), [])
        XCTAssertTrue(driver.screen().line(0).hasSuffix("● LIVE SENDIASS · 00:01:01"), driver.screen().line(0))
    }
}
