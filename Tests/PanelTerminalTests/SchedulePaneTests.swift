import XCTest
import PanelModel
@testable import PanelTerminal

/// The schedule pane shows each item's kind at every width (a word when wide, its initial when
/// narrow, with the legend in the help), date ranges as ranges and cancelled items marked.
final class SchedulePaneTests: XCTestCase {
    private func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    private var items: [ScheduleItem] {
        [ScheduleItem(id: "a", kind: .visit, title: "School visits", date: date("2024-03-06"), endDate: date("2024-03-08")),
         ScheduleItem(id: "b", kind: .workshop, title: "Panel workshop", date: date("2024-02-28"), endDate: date("2024-03-01")),
         ScheduleItem(id: "c", kind: .forum, title: "Parents forum", date: date("2024-03-12"), status: .cancelled),
         ScheduleItem(id: "d", kind: .survey, title: "SENDCOs survey")]
    }

    private func draw(width: Int) -> ScreenBuffer {
        let interior = Rect(x: 0, y: 0, width: width, height: 4)
        var buffer = ScreenBuffer(width: width, height: 4)
        SchedulePane(schedule: items, rows: items.map { .item($0.id) }, interior: interior, firstRow: 0,
                     selectedID: nil, focused: false, query: nil).draw(into: &buffer)
        return buffer
    }

    func testANarrowPaneShowsTheKindsInitialAndRangesAsRanges() {
        let screen = draw(width: 34)
        // A range across months would not fit a third of the pane, so it says where it starts.
        XCTAssertEqual((0..<4).map(screen.line), [
            "  6–8 Mar 24  V School visits",
            "  28 Feb 24–  W Panel workshop",
            "   12 Mar 24  F ✗ Parents forum",
            "           —  S SENDCOs survey",
        ])
        XCTAssertEqual(screen[14, 0].style.role, .dim, "the initial is quieter than the title")
        XCTAssertEqual(screen[16, 0].style.role, .normal)
        XCTAssertEqual(draw(width: 60).line(1), " 28 Feb–1 Mar 24  workshop  Panel workshop")
    }

    func testAWidePaneShowsTheKindAsAWord() {
        XCTAssertEqual(draw(width: 48).line(0), "      6–8 Mar 24  visit     School visits")
    }

    func testRangesAcrossYearsAndSingleDays() {
        func text(_ start: String, _ end: String?) -> String {
            SchedulePane.dateText(ScheduleItem(id: "x", kind: .other, title: "", date: date(start), endDate: end.map(date)))
        }
        XCTAssertEqual(text("2023-12-30", "2024-01-02"), "30 Dec 23–2 Jan 24")
        XCTAssertEqual(text("2024-03-06", "2024-03-06"), "6 Mar 24")
        XCTAssertEqual(text("2024-03-06", nil), "6 Mar 24")
    }

    func testTheHelpHasTheLegendOfTheInitials() {
        let lines = HelpOverlay.lines(for: TestKeys.defaultKeymap).map(\.text)
        XCTAssertTrue(lines.contains("  I interview, M meeting, V visit, F forum, W workshop, S survey, O other"), "\(lines.suffix(4))")
    }

    func testThePositionSaysTheKindTheRangeAndCancelled() {
        var document = TestPanel.make()
        document.schedule = items
        var driver = WorkspaceDriver(document)
        driver.press("1")
        driver.workspace.selection.scheduleItem = "c"
        XCTAssertEqual(driver.workspace.position, "12 Mar 24 · forum · cancelled")
        driver.workspace.selection.scheduleItem = "a"
        XCTAssertEqual(driver.workspace.position, "6–8 Mar 24 · visit")
    }
}
