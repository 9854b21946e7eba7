import Foundation

/// A day in the calendar, with no time and no time zone: what a schedule item's date means.
/// Stored in the panel file as `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Fails unless the day exists in that month (so 31 April and 30 February are refused).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`, the stored form.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        Self.zeroPadded(year, 4) + "-" + Self.zeroPadded(month, 2) + "-" + Self.zeroPadded(day, 2)
    }

    /// `n` with leading zeros to `digits` places: by hand, because `String(format:)` goes through
    /// Foundation's `NSString` and dominated the schedule pane's draw when every row formatted dates.
    static func zeroPadded(_ n: Int, _ digits: Int) -> String {
        let text = String(n)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "“\(text)” is not a date of the form YYYY-MM-DD")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today in `timeZone`; nil (the default) means the machine's zone, read without ICU
    /// (see `WallClock.local`).
    public static func today(in timeZone: TimeZone? = nil, now: Date = Date()) -> CalendarDate {
        WallClock.of(now, in: timeZone).day
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (Zeller-free: days since a known Monday).
    public var weekday: Int {
        let days = CalendarDate.daysSinceEpoch(self)
        return ((days % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
    }

    static func daysSinceEpoch(_ d: CalendarDate) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `days` after 1970-01-01 (Howard Hinnant's civil_from_days, the inverse of
    /// `daysSinceEpoch`). Days outside years 1–9999 are clamped to them.
    init(daysSinceEpoch days: Int) {
        let z = min(max(days, -719_162), 2_932_896) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.year = year
        self.month = month
        self.day = day
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "6 March 2024": the way the panel's reports write dates.
    public var longForm: String { "\(day) \(CalendarDate.monthNames[month - 1]) \(year)" }

    /// "6 Mar 24": compact, for narrow panes.
    public var shortForm: String {
        let mon = CalendarDate.monthNames[month - 1].prefix(3)
        return "\(day) \(mon) " + Self.zeroPadded(year % 100, 2)
    }
}
