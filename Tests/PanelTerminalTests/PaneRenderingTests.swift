import XCTest
import PanelModel
@testable import PanelTerminal

/// The panes drawn into the in-memory screen and compared with the text a clerk would see:
/// the example panel, wide characters, emoji, empty and long cells, control characters.
final class PaneRenderingTests: XCTestCase {
    func testExampleTemplateAt120x32LikeTheSketch() {
        let driver = WorkspaceDriver(PanelTemplates.example, width: 120, height: 32)
        let expected = [
            " Scrutiny · SEND Provision Scrutiny Panel",
            "┌ Schedule ────────────────────────┐┌ Framework ───────────────────────────────────────────────────────────────────────┐",
            "│ HELD                             ││                │ Diagnosis      │ Provision/ Fun…│ Outcomes      │ Mild/ Modera…›│",
            "│  3 Oct 23  I Vikram Hansrani Dir…││ Effectiveness  │ Depends on     │ Some excellent │ No data for   │ More attention│",
            "│ 30 Oct 23  I Special Educational…││                │ condition being│ provision but  │ outcome       │ needed to     │",
            "│ 31 Oct 23  I SEND (Special Educa…││                │ diagnosed. … +6│ depends on… +18│ measures … +16│ this.…     +17│",
            "│  2 Nov 23  I Children's Integrat…││ Efficiency     │ Diagnosis and  │ Insufficient   │ Nobody has so │ context of    │",
            "│  9 Nov 23  I Senior Advisor SEND…││                │ assessment are │ funding. SEN K │ far suggested │ lack of carers│",
            "│ 13 Nov 23  I Children and Young …││                │ slower than… +4│ students m… +14│ that good… +16│ or places … +6│",
            "│  6 Dec 23  I Camden Special Pare…││ Equity         │ Lack of data   │ Some questions │ Co production │               │",
            "│  6 Dec 23  M Autism Partnership …││                │ regarding      │ about equitable│ between       │               │",
            "│ 14 Dec 23  M SENDCOs meeting - Q…││                │ extent to … +16│ access to…   +3│ parents an… +8│               │",
            "│ 31 Jan 24  I Exceptional Needs G…││ Accountability │ Problematically│ Concerns about │ Schools not   │               │",
            "│         —  I SEND engagement and…││                │ divided between│ ENG            │ accountable   │               │",
            "│ UPCOMING                         ││                │ school, NHS… +6│ accountabil… +4│ for SEND…  +10│               │",
            "│  6 Feb 24  F Observed Schools Fo…││ Appropriacy    │ Early Years    │ Concerns about │ Exclusions of │               │",
            "│  9 Feb 24  V Royal Free Hospital…││                │ diagnosis      │ ENG appropriacy│ children with │               │",
            "│ 27 Feb 24  F Special Parents For…││                │ delayed und… +9│ given lack … +7│ EHCPs seen… +3│               │",
            "│ 28 Feb 24  V Netley School visit ││ Sufficiency    │ Evidently      │ Interventions  │               │               │",
            "│  4 Mar 24  V Acland Burghley Sch…││                │ insufficient to│ and placements │               │               │",
            "│  6 Mar 24  F Special Parents For…││                │ meet need;… +10│ for childr… +13│               │               │",
            "│ ── today 13 Mar 24 ───────────── │└──────────────────────────────────────────────────────────────────────────────────┘",
            "│ 25 Mar 24  M MOSAIC (Integrated …│┌ Questions ───────────────────────────────────────────────────────────────────────┐",
            "│ 25 Mar 24  W Panel hosting a wor…││ 5.1 ENG and Clusters     open      Continue to investigate how, why and whether …│",
            "│ TO BE SCHEDULED                  ││ 5.2 Equity               open      Focus on this across the piece, looking both …│",
            "│         —  S Survey of SENDCOs a…││ 5.3 Quality and consist… open      Quality and consistency have been mentioned s…│",
            "│         —  O Find a way to speak…││ 5.4 Outcomes             open      Continue to work to clarify what is meant by …│",
            "│         —  V Visits to other bor…││ 5.5 What is missing?     open      Interviewees suggest that there is an absence…│",
            "│                                  ││ 5.6 Information and com… open      Seek out best/alternative practice examples o…│",
            "│                                  ││ 5.7 What can be done to… open      Interviewees agree on the central role of par▾│",
            "└──────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────┘",
            " tab panes  ←↑↓→ move  enter edit  n note  / search  z zoom  ? help  : command  N notes       Effectiveness × Diagnosis",
        ]
        XCTAssertEqual(driver.screen(width: 120, height: 32).text, expected.joined(separator: "\n"))
    }

    /// A 40×6 grid with wide characters, emoji, a long cell, an empty cell and control characters.
    private func smallGrid(firstRow: Int = 0, firstColumn: Int = 0, selected: (Int, Int)? = (1, 0),
                           query: String? = nil) -> ScreenBuffer {
        var f = Framework(criteria: [AxisItem(id: "a", name: "日本の基準"), AxisItem(id: "b", name: "Second")],
                          dimensions: [AxisItem(id: "x", name: "Emoji 🎉"), AxisItem(id: "y", name: "Long")])
        f["a", "x"] = "日本語のテキストは幅が二つです"
        f["a", "y"] = "one two three four five six seven eight nine ten eleven twelve"
        f["b", "x"] = "Bell\u{07} and \u{1B}[31mred\u{1B}[0m"
        f["b", "y"] = "Party 🎉🎉 time"
        let geometry = GridGeometry(framework: f, interior: Rect(x: 0, y: 0, width: 40, height: 6),
                                    firstRow: firstRow, firstColumn: firstColumn)
        var buffer = ScreenBuffer(width: 40, height: 6)
        GridPane(framework: f, geometry: geometry, selected: selected, focused: true, query: query).draw(into: &buffer)
        return buffer
    }

    func testGridWrapsWideCharactersWholeAndShowsControlCharacters() {
        XCTAssertEqual(smallGrid().text, [
            "            │ Emoji 🎉                 ›",
            " 日本の基準 │ 日本語のテキストは幅が二つ",
            "            │ です",
            " Second     │ Bell^G and ␛[31mred␛[0m",
            "            │",
            "",
        ].joined(separator: "\n"))
    }

    func testLongCellEndsInEllipsisWithHiddenLineCountAndHeadersStayWhenScrolled() {
        XCTAssertEqual(smallGrid(firstColumn: 1, selected: (1, 1)).text, [
            "          ‹ │ Long",
            " 日本の基準 │ one two three four five",
            "            │ six seven eight nine t… +1",
            " Second     │ Party 🎉🎉 time",
            "            │",
            "",
        ].joined(separator: "\n"))
    }

    func testSelectedCellAndMatchesAreStyled() {
        let buffer = smallGrid(firstColumn: 1, selected: (1, 1), query: "TIM")
        let roles = (0..<6).map { y in
            (0..<40).map { x -> Character in
                switch buffer[x, y].style.role {
                case .selected: "S"
                case .match: "M"
                case .header: "H"
                case .dim: "d"
                default: "."
                }
            }
        }.map { String($0) }
        XCTAssertEqual(roles, [
            "..............HHHH......................",
            ".HHHHHHHHHH.............................",
            "......................................dd",
            ".HHHHHH......SSSSSSSSSSSSMMMSSSSSSSSSSSS",
            ".............SSSSSSSSSSSSSSSSSSSSSSSSSSS",
            "........................................",
        ])
    }

    func testCellTextMarksHowManyLinesAreHidden() {
        XCTAssertEqual(CellText.lines("", width: 10, height: 2), [CellText.Line(text: "", mark: nil)])
        XCTAssertEqual(CellText.lines("one two three four", width: 10, height: 2), [
            CellText.Line(text: "one two", mark: nil),
            CellText.Line(text: "three four", mark: nil),
        ])
        XCTAssertEqual(CellText.lines("one two three four", width: 8, height: 2), [
            CellText.Line(text: "one two", mark: nil),
            CellText.Line(text: "thre…", mark: "+1"),
        ])
        XCTAssertEqual(CellText.lines("a\nb\nc\nd\ne", width: 10, height: 3), [
            CellText.Line(text: "a", mark: nil),
            CellText.Line(text: "b", mark: nil),
            CellText.Line(text: "c…", mark: "+2"),
        ])
    }

    func testScheduleGroupsHeldUpcomingWithTodayAndUnscheduled() {
        let rows = ScheduleList.rows(TestPanel.make().schedule, today: TestPanel.today)
        XCTAssertEqual(rows, [
            .heading("HELD"), .item("item-vikram"), .item("item-sendiass"),
            .heading("UPCOMING"), .item("item-forum"), .today(TestPanel.today), .item("item-workshop"),
            .item("item-autism"),
            .heading("TO BE SCHEDULED"), .item("item-survey"), .item("item-visit"),
        ])
        let later = CalendarDate(year: 2025, month: 1, day: 1)!
        XCTAssertEqual(ScheduleList.rows(TestPanel.make().schedule, today: later)[7], .today(later),
                       "today after every upcoming item goes last among them")
    }

    func testEmptyPanelSaysHowToStart() {
        let screen = WorkspaceDriver(PanelDocument()).screen()
        XCTAssertEqual(screen.line(2), "│ Empty: :add item TITLE     ││                                                │")
        XCTAssertEqual(screen.line(3), "│                            ││ Empty: :add criterion NAME, :add dimension NAME│")
        XCTAssertEqual(screen.line(18), "│                            ││ Empty: :add question TITLE                     │")
        XCTAssertEqual(screen.line(0), " Scrutiny · untitled panel")
    }
}
