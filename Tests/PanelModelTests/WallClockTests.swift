import Foundation
import XCTest
@testable import PanelModel
#if canImport(Glibc)
import Glibc
import ScrutinyTestSupport
#endif

/// `WallClock` reads local time through glibc and UTC by arithmetic, where the program used
/// Foundation's `TimeZone.current`, `Calendar` and `ISO8601DateFormatter` (which load ICU): every
/// reading must be the one Foundation gave, in every zone, across summer time and midnight.
final class WallClockTests: XCTestCase {
    private let zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "UTC"]

    /// Moments worth checking: the epoch and its edges, a leap day, far years, the hours around
    /// 2024's summer-time changes in London and New York, and 400 drawn from 1901–2100.
    private var moments: [Date] {
        var seconds: [Double] = [0, -1, 0.999, -0.5, 59.999, 86_399, 86_400, -86_401, 951_782_400, 1_709_721_667,
                                 4_102_444_799, -2_208_988_800, 253_402_214_399]
        for change in [1_711_846_800.0, 1_729_990_800, 1_710_054_000, 1_730_613_600] {  // 2024: London, New York
            seconds += [-3601, -3600, -1, 0, 1, 1799, 3599, 3600, 3601].map { change + $0 }
        }
        var random = SeededGenerator(seed: 9)
        seconds += (0..<400).map { _ in Double(Int64.random(in: -2_177_452_800...4_133_894_400, using: &random)) }
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }

    func testUTCIsWhatISO8601DateFormatterWrites() {
        let formatter = ISO8601DateFormatter()
        for date in moments {
            XCTAssertEqual(WallClock.utc(date).internetStamp, formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
        XCTAssertEqual(WallClock.utc(Date(timeIntervalSince1970: 1_709_721_667)).stamp, "2024-03-06T10:41:07+00:00")
    }

    /// In a named zone: the clock, the stamp notes carry and the stamp edits carried
    /// (`ISO8601DateFormatter` with that zone) are Foundation's, offset and all.
    func testStampsInNamedZonesAreFoundations() throws {
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = zone
            formatter.formatOptions = [.withInternetDateTime]
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for date in moments {
                let clock = WallClock.of(date, in: zone)
                XCTAssertEqual(clock.internetStamp, formatter.string(from: date), "\(name) \(date.timeIntervalSince1970)")
                let c = calendar.dateComponents([.hour, .minute, .second], from: date)
                XCTAssertEqual([clock.hour, clock.minute, clock.second], [c.hour!, c.minute!, c.second!])
                XCTAssertEqual(clock.utcOffset, zone.secondsFromGMT(for: date))
            }
        }
        let kolkata = try XCTUnwrap(TimeZone(identifier: "Asia/Kolkata"))
        XCTAssertEqual(WallClock.of(Date(timeIntervalSince1970: 1_709_721_667), in: kolkata).stamp, "2024-03-06T16:11:07+05:30")
        let newYork = try XCTUnwrap(TimeZone(identifier: "America/New_York"))
        XCTAssertEqual(WallClock.of(Date(timeIntervalSince1970: 1_709_721_667), in: newYork).internetStamp, "2024-03-06T05:41:07-05:00")
    }

    /// The machine's zone through glibc, for each `TZ` the clerk might have, equals Foundation's
    /// reading of that zone by name: day (so "today"), clock and offset.
    func testGlibcsLocalTimeIsFoundationsForTheSameZone() throws {
        let old = getenv("TZ").map { String(cString: $0) }
        defer {
            if let old { setenv("TZ", old, 1) } else { unsetenv("TZ") }
            tzset()
        }
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            setenv("TZ", name, 1)
            tzset()
            for date in moments {
                XCTAssertEqual(WallClock.glibcLocal(date), WallClock.of(date, in: zone), "\(name) \(date.timeIntervalSince1970)")
            }
        }
    }

    /// When `TZ` says something glibc and Foundation read differently, the machine's zone is
    /// Foundation's, as it always was; glibc is trusted only with zone names it has files for.
    func testWhichZonesGlibcReads() {
        func rule(_ tz: String?, tzfile: String? = nil, files: Set<String> = ["Europe/London", "Etc/UTC", "EST"]) -> Bool {
            WallClock.zoneNeedsNoFoundation(tz: tz, tzfile: tzfile, zoneFileExists: { files.contains($0) })
        }
        XCTAssertTrue(rule(nil), "no TZ: both follow /etc/localtime")
        XCTAssertTrue(rule("Europe/London"))
        XCTAssertTrue(rule("Etc/UTC"))
        XCTAssertTrue(rule("UTC"))
        XCTAssertFalse(rule("Europe/Nowhere"), "glibc would fall back to UTC; Foundation to /etc/localtime")
        XCTAssertFalse(rule("EST"), "Foundation reads it as New York's zone, glibc as a fixed offset")
        XCTAssertFalse(rule("IST"))
        XCTAssertFalse(rule(""))
        XCTAssertFalse(rule(":Europe/London"))
        XCTAssertFalse(rule("GMT0BST,M3.5.0/1,M10.5.0"))
        XCTAssertFalse(rule("/usr/share/zoneinfo/Europe/London"))
        XCTAssertFalse(rule("posix/Europe/London", files: ["posix/Europe/London"]))
        XCTAssertFalse(rule("../../etc/passwd", files: ["../../etc/passwd"]))
        XCTAssertFalse(rule(nil, tzfile: "/tmp/zone"), "Foundation honours TZFILE")
        XCTAssertTrue(WallClock.zoneNeedsNoFoundation(tz: "Europe/London", tzfile: nil,
                                                      zoneFileExists: { access("/usr/share/zoneinfo/" + $0, R_OK) == 0 }),
                      "this machine has the zone files")
    }

    /// Days since 1970 and back, over the years a store can hold.
    func testDaysSinceEpochRoundTrips() {
        for days in stride(from: -719_162, through: 2_932_896, by: 97) {
            let day = CalendarDate(daysSinceEpoch: days)
            XCTAssertNotNil(CalendarDate(year: day.year, month: day.month, day: day.day), "\(days)")
            XCTAssertEqual(CalendarDate.daysSinceEpoch(day), days)
        }
        XCTAssertEqual(CalendarDate(daysSinceEpoch: 0).iso, "1970-01-01")
        XCTAssertEqual(CalendarDate(daysSinceEpoch: -1).iso, "1969-12-31")
        XCTAssertEqual(CalendarDate(daysSinceEpoch: 11_016).iso, "2000-02-29")
        XCTAssertEqual(CalendarDate(daysSinceEpoch: -719_162).iso, "0001-01-01")
        XCTAssertEqual(CalendarDate(daysSinceEpoch: 2_932_896).iso, "9999-12-31")
    }

    /// "today" is the machine's day: the same as Foundation's in that zone, also just either
    /// side of midnight there.
    func testTodayIsTheDayInTheGivenZone() throws {
        let kolkata = try XCTUnwrap(TimeZone(identifier: "Asia/Kolkata"))
        let beforeMidnight = Date(timeIntervalSince1970: 1_709_749_799)  // 2024-03-06T23:59:59+05:30
        XCTAssertEqual(CalendarDate.today(in: kolkata, now: beforeMidnight).iso, "2024-03-06")
        XCTAssertEqual(CalendarDate.today(in: kolkata, now: beforeMidnight.addingTimeInterval(1)).iso, "2024-03-07")
        XCTAssertEqual(CalendarDate.today(now: beforeMidnight), WallClock.local(beforeMidnight).day)
    }

    func testElapsedTimeIsPaddedHoursMinutesSeconds() {
        let start = Date(timeIntervalSince1970: 0)
        XCTAssertEqual(Timestamp.elapsed(from: start, to: start.addingTimeInterval(2533)), "00:42:13")
        XCTAssertEqual(Timestamp.elapsed(from: start, to: start.addingTimeInterval(100 * 3600 + 5)), "100:00:05")
        XCTAssertEqual(Timestamp.elapsed(from: start, to: start.addingTimeInterval(-5)), "00:00:00")
    }
}
