import Foundation
import PanelModel

/// Reads what the clerk types at the date prompt: a day ("6 March 2024", "6/3/2024",
/// "2024-03-06", "6 Mar" in the current year), a range ("6–8 March 2024", "6 Mar to 8 Mar"),
/// or nothing (to be scheduled). Single days go through `HumanDate`, so the prompt and the
/// importer accept the same things.
enum DateInput {
    struct Parsed: Equatable {
        var start: CalendarDate?
        var end: CalendarDate?
    }

    /// nil when the text is not a date; `Parsed(start: nil)` when it is empty.
    static func parse(_ raw: String, defaultYear: Int) -> Parsed? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return Parsed(start: nil, end: nil) }
        if let day = HumanDate.parse(text, defaultYear: defaultYear) { return Parsed(start: day, end: nil) }
        guard let (first, second) = splitRange(text),
              let end = HumanDate.parse(second, defaultYear: defaultYear) else { return nil }
        let start: CalendarDate?
        if let day = Int(first.trimmingCharacters(in: .whitespaces)) {
            start = CalendarDate(year: end.year, month: end.month, day: day)  // "6–8 March": same month
        } else {
            start = HumanDate.parse(first, defaultYear: end.year)
        }
        guard let start, start < end else { return nil }
        return Parsed(start: start, end: end)
    }

    /// "6–8 March 2024" → ("6", "8 March 2024"); also "6-8 March", "6 Mar to 8 Mar", "6 Mar – 8 Mar".
    /// A hyphen only splits when letters follow, so "6-3-2024" stays one date.
    private static func splitRange(_ text: String) -> (String, String)? {
        for separator in [" to ", "–", "—"] {
            if let r = text.range(of: separator) {
                return (String(text[..<r.lowerBound]), String(text[r.upperBound...]))
            }
        }
        if let r = text.range(of: "-"), text[r.upperBound...].contains(where: \.isLetter) {
            return (String(text[..<r.lowerBound]), String(text[r.upperBound...]))
        }
        return nil
    }

    /// "6 March 2024", or "6 March 2024 – 8 March 2024" for a range: what the prompt starts with.
    static func format(_ start: CalendarDate, end: CalendarDate?) -> String {
        guard let end else { return start.longForm }
        return start.longForm + " – " + end.longForm
    }
}
