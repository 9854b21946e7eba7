import Foundation

/// The moments notes and live sessions are stamped with: local time with its UTC offset,
/// "2024-03-06T10:41:07+00:00", so a note says both when it was taken on the clerk's clock and
/// which absolute moment that was (notes sort the same anywhere, across summer time).
public enum Timestamp {
    /// "2024-03-06T10:41:07+01:00": `date` on the clock of `timeZone`. Always an offset, never
    /// "Z", so a reader sees the local time the clerk saw.
    public static func string(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0,
                      sign, minutes / 60, minutes % 60)
    }

    /// The moment a stamp names, or nil when it is not one ("Z" and fractions accepted).
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        // Seconds are optional in the format ("2024-03-06T10:41+00:00").
        if let match = text.wholeMatch(of: /([0-9-]+T[0-9]{2}:[0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})/) {
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.date(from: "\(match.1):00\(match.2)")
        }
        return nil
    }

    /// The local calendar day a stamp was taken on, as written in it ("2024-03-06").
    public static func day(_ text: String) -> CalendarDate? {
        CalendarDate(iso: String(text.prefix(10)))
    }

    /// "10:41" as written in the stamp: the clerk's clock when it was taken.
    public static func clock(_ text: String) -> String {
        guard let t = text.firstIndex(of: "T") else { return "" }
        return String(text[text.index(after: t)...].prefix(5))
    }

    /// "00:42:13": hours, minutes and seconds from `start` to `end` (never negative).
    public static func elapsed(from start: Date, to end: Date) -> String {
        let seconds = max(0, Int(end.timeIntervalSince(start)))
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
