import XCTest
@testable import PanelModel

final class DateTests: XCTestCase {
    func testTheStoredForm() {
        XCTAssertEqual(CalendarDate(iso: "2024-03-06")?.iso, "2024-03-06")
        XCTAssertEqual(CalendarDate(iso: "2024-02-29")?.longForm, "29 February 2024")
        XCTAssertNil(CalendarDate(iso: "2023-02-29"), "not a leap year")
        XCTAssertNil(CalendarDate(iso: "2024-04-31"))
        XCTAssertNil(CalendarDate(iso: "2024-3-6"))
        XCTAssertNil(CalendarDate(iso: "2024-03-06T10:00"))
        XCTAssertNil(CalendarDate(iso: "２０２４-03-06"), "only ASCII digits")
        XCTAssertEqual(CalendarDate(year: 2024, month: 3, day: 6)?.shortForm, "6 Mar 24")
        XCTAssertEqual(CalendarDate(year: 2024, month: 3, day: 6)?.weekday, 2, "a Wednesday")
    }

    func testDatesAsPeopleWriteThem() {
        let d = { (y: Int, m: Int, day: Int) in CalendarDate(year: y, month: m, day: day) }
        XCTAssertEqual(HumanDate.parse("6 March 2024"), d(2024, 3, 6))
        XCTAssertEqual(HumanDate.parse("13th December 2023"), d(2023, 12, 13))
        XCTAssertEqual(HumanDate.parse("December 13th 2023"), d(2023, 12, 13))
        XCTAssertEqual(HumanDate.parse("6/3/2024"), d(2024, 3, 6), "day before month, as in the UK")
        XCTAssertEqual(HumanDate.parse("06/03/24"), d(2024, 3, 6))
        XCTAssertEqual(HumanDate.parse("6 Mar", defaultYear: 2024), d(2024, 3, 6))
        XCTAssertNil(HumanDate.parse("6 Mar"), "no year and no default")
        XCTAssertEqual(HumanDate.parse("Wednesday 6 March 2024"), d(2024, 3, 6))
        XCTAssertEqual(HumanDate.parse(" 2024-03-06 "), d(2024, 3, 6))
        XCTAssertNil(HumanDate.parse("31 April 2024"))
        XCTAssertNil(HumanDate.parse("30/2/2024"))
        XCTAssertNil(HumanDate.parse("6 Marchish 2024"))
        XCTAssertNil(HumanDate.parse(""))
    }

    /// The forms pad years, months and days with zeros by hand; small and round years keep them.
    func testFormsZeroPadSmallNumbers() {
        XCTAssertEqual(CalendarDate(year: 7, month: 1, day: 2)?.iso, "0007-01-02")
        XCTAssertEqual(CalendarDate(year: 987, month: 10, day: 31)?.iso, "0987-10-31")
        XCTAssertEqual(CalendarDate(year: 9999, month: 12, day: 9)?.iso, "9999-12-09")
        XCTAssertEqual(CalendarDate(year: 2000, month: 1, day: 1)?.shortForm, "1 Jan 00")
        XCTAssertEqual(CalendarDate(year: 2005, month: 11, day: 30)?.shortForm, "30 Nov 05")
        XCTAssertEqual(CalendarDate(year: 1999, month: 7, day: 4)?.shortForm, "4 Jul 99")
        XCTAssertEqual(CalendarDate(year: 7, month: 1, day: 2)?.longForm, "2 January 7")
    }
}
