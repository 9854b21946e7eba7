import Foundation

/// The moments notes and live sessions are stamped with: local time with its UTC offset,
/// "2024-03-06T10:41:07+00:00", so a note says both when it was taken on the clerk's clock and
/// which absolute moment that was (notes sort the same anywhere, across summer time).
public enum Timestamp {
    /// "2024-03-06T10:41:07+01:00": `date` on the clock of `timeZone` (nil: the machine's).
    /// Always an offset, never "Z", so a reader sees the local time the clerk saw.
    public static func string(_ date: Date, in timeZone: TimeZone?) -> String {
        WallClock.of(date, in: timeZone).stamp
    }

    /// The moment a stamp names, or nil when it is not one ("Z", optional seconds and
    /// fractions accepted). Plain arithmetic, no formatter: views sort thousands of notes by it.
    public static func date(_ text: String) -> Date? {
        seconds(text).map { Date(timeIntervalSince1970: $0) }
    }

    /// Seconds since 1970 of a stamp, or nil.
    public static func seconds(_ text: String) -> Double? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from..<from + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard b.count >= 17, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58,
              let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
              let h = number(11, 2), let mi = number(14, 2),
              let day = CalendarDate(year: y, month: mo, day: d), h < 24, mi < 60 else { return nil }
        var i = 16
        var total = Double(CalendarDate.daysSinceEpoch(day) * 86_400 + h * 3600 + mi * 60)
        if i < b.count, b[i] == 58 {
            guard let s = number(i + 1, 2), s <= 60 else { return nil }
            total += Double(s)
            i += 3
            if i < b.count, b[i] == 46 {
                var j = i + 1, scale = 0.1
                while j < b.count, b[j] >= 48, b[j] <= 57 {
                    total += Double(b[j] - 48) * scale
                    scale /= 10
                    j += 1
                }
                guard j > i + 1 else { return nil }
                i = j
            }
        }
        guard i < b.count else { return nil }
        if b[i] == 90 { return i + 1 == b.count ? total : nil }  // "Z"
        guard b[i] == 43 || b[i] == 45, i + 6 == b.count, b[i + 3] == 58,
              let oh = number(i + 1, 2), let om = number(i + 4, 2), oh < 24, om < 60 else { return nil }
        let offset = Double(oh * 3600 + om * 60)
        return b[i] == 43 ? total - offset : total + offset
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
        return CalendarDate.zeroPadded(seconds / 3600, 2) + ":" + CalendarDate.zeroPadded(seconds / 60 % 60, 2)
            + ":" + CalendarDate.zeroPadded(seconds % 60, 2)
    }
}
