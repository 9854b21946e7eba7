import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A moment as a wall clock shows it: the day and time of day in some zone, and that zone's
/// offset from UTC. What the title bar's "saved 10:41:07", a note's stamp and "today" are made of.
///
/// The machine's own zone is read through glibc (`localtime_r`, which follows `TZ` and
/// `/etc/localtime`), not through Foundation's `TimeZone.current` and `Calendar`: those load
/// ICU's time-zone and calendar data, about 3 MiB of resident memory at start-up, to answer
/// what glibc answers from a 2 KB zone file. UTC needs no zone at all. A zone given by name
/// (`of(_:in:)` with a `TimeZone`) still goes through Foundation, as before.
public struct WallClock: Equatable, Sendable {
    public var day: CalendarDate
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Seconds east of UTC: 19,800 for India, -18,000 for New York in winter.
    public var utcOffset: Int

    public init(day: CalendarDate, hour: Int, minute: Int, second: Int, utcOffset: Int) {
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffset = utcOffset
    }

    // MARK: Reading a clock

    /// `date` in the given zone; nil means the machine's zone (`local`).
    public static func of(_ date: Date, in zone: TimeZone?) -> WallClock {
        guard let zone else { return local(date) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(daysSinceEpoch: 0)
        return WallClock(day: day, hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0,
                         utcOffset: zone.secondsFromGMT(for: date))
    }

    /// `date` in UTC: plain arithmetic.
    public static func utc(_ date: Date) -> WallClock {
        utc(seconds: wholeSeconds(date), offset: 0)
    }

    /// `date` in the machine's zone, by glibc; by Foundation only when `TZ` is set to
    /// something the two read differently (see `glibcReadsZoneAsFoundationDoes`).
    public static func local(_ date: Date) -> WallClock {
        if glibcReadsZoneAsFoundationDoes, let clock = glibcLocal(date) { return clock }
        return of(date, in: TimeZone.current)
    }

    /// `date` as glibc's `localtime_r` reads it (the zone of `TZ` when `tzset` last ran, else
    /// of `/etc/localtime`); nil if it cannot.
    static func glibcLocal(_ date: Date) -> WallClock? {
        var t = time_t(wholeSeconds(date))
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return nil }
        return utc(seconds: Int(t) + parts.tm_gmtoff, offset: parts.tm_gmtoff)
    }

    /// Whether glibc's local time is the zone `TimeZone.current` would pick, decided once.
    /// They agree when `TZ` is unset (both follow `/etc/localtime`) or names a zone file
    /// ("Europe/London", "UTC"). They differ on what else `TZ` may hold: Foundation reads "EST"
    /// or "IST" as an abbreviation of a city's zone and ignores an empty `TZ` or a POSIX rule
    /// ("GMT0BST,M3.5.0/1,M10.5.0"), and it honours `TZFILE`; those cases keep Foundation.
    static let glibcReadsZoneAsFoundationDoes: Bool = zoneNeedsNoFoundation(
        tz: getenv("TZ").map { String(cString: $0) },
        tzfile: getenv("TZFILE").map { String(cString: $0) },
        zoneFileExists: { access("/usr/share/zoneinfo/" + $0, R_OK) == 0 })

    /// The rule of `glibcReadsZoneAsFoundationDoes`, apart from the process's environment.
    static func zoneNeedsNoFoundation(tz: String?, tzfile: String?, zoneFileExists: (String) -> Bool) -> Bool {
        guard tzfile == nil else { return false }
        guard let tz else { return true }
        if tz == "UTC" { return true }
        let nameBytes = tz.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2F || byte == 0x5F || byte == 0x2D || byte == 0x2B  // / _ - +
        }
        return nameBytes && tz.contains("/") && !tz.hasPrefix("/") && !tz.hasPrefix("posix/")
            && !tz.hasPrefix("right/") && zoneFileExists(tz)
    }

    private static func wholeSeconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }

    /// The clock reading `seconds` (since 1970, already shifted into the zone) with `offset`.
    private static func utc(seconds: Int, offset: Int) -> WallClock {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        return WallClock(day: CalendarDate(daysSinceEpoch: days), hour: rest / 3600,
                         minute: rest / 60 % 60, second: rest % 60, utcOffset: offset)
    }

    // MARK: Writing it

    /// "10:41:07".
    public var clock: String {
        Self.two(hour) + ":" + Self.two(minute) + ":" + Self.two(second)
    }

    /// "2024-03-06T10:41:07+05:30": always an offset, "+00:00" in UTC (what notes are stamped with).
    public var stamp: String {
        day.iso + "T" + clock + offsetText
    }

    /// "2024-03-06T10:41:07Z" in UTC, else like `stamp`: what `ISO8601DateFormatter` writes
    /// with `.withInternetDateTime` (which also gives the seconds of an offset that has them,
    /// "+05:21:10" in Madras before 1906).
    public var internetStamp: String {
        guard utcOffset != 0 else { return day.iso + "T" + clock + "Z" }
        let seconds = abs(utcOffset) % 60
        return day.iso + "T" + clock + offsetText + (seconds == 0 ? "" : ":" + Self.two(seconds))
    }

    /// "+05:30", "-04:00", "+00:00": hours and minutes.
    public var offsetText: String {
        let minutes = abs(utcOffset) / 60
        return (utcOffset < 0 ? "-" : "+") + Self.two(minutes / 60) + ":" + Self.two(minutes % 60)
    }

    private static func two(_ n: Int) -> String { CalendarDate.zeroPadded(n, 2) }
}
