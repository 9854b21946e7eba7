import Foundation

/// Reads the dates people write: "6 March 2024", "13th December 2023", "6 Mar", "6/3/2024",
/// "2024-03-06". Day before month, as in the UK. Used by the importer and by the workspace's
/// date field, so both accept the same things.
public enum HumanDate {
    /// - Parameter defaultYear: used when the text has no year ("6 Mar").
    public static func parse(_ raw: String, defaultYear: Int? = nil) -> CalendarDate? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        if let iso = CalendarDate(iso: text) { return iso }
        if let numeric = parseNumeric(text, defaultYear: defaultYear) { return numeric }
        return parseWords(text, defaultYear: defaultYear)
    }

    /// "6/3/2024", "06/03/24", "6.3.2024", "6-3-2024".
    private static func parseNumeric(_ text: String, defaultYear: Int?) -> CalendarDate? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let d = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        var year: Int
        if parts.count == 3, let y = Int(parts[2]) {
            year = y < 100 ? 2000 + y : y
        } else if let defaultYear {
            year = defaultYear
        } else {
            return nil
        }
        if parts.count == 3 && parts[2].count == 3 { return nil }
        year = max(year, 1)
        return CalendarDate(year: year, month: m, day: d)
    }

    /// "6 March 2024", "13th December 2023", "6 Mar", "March 6, 2024", "Wednesday 6 March 2024".
    private static func parseWords(_ text: String, defaultYear: Int?) -> CalendarDate? {
        let tokens = text.lowercased()
            .replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        for token in tokens {
            if let m = monthNumber(token) {
                if month != nil { return nil }
                month = m
            } else if let n = leadingNumber(token) {
                if n.value > 31 || n.digits == 4 {
                    if year != nil { return nil }
                    year = n.value
                } else if day == nil && n.suffixOK {
                    day = n.value
                } else if year == nil && n.digits == 2 {
                    year = 2000 + n.value
                } else {
                    return nil
                }
            } else if weekdays.contains(where: { token.hasPrefix($0) }) || token == "of" {
                continue
            } else {
                return nil
            }
        }
        guard let d = day, let m = month, let y = year ?? defaultYear else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    private static func monthNumber(_ token: String) -> Int? {
        let t = token.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard t.count >= 3 else { return nil }
        for (index, name) in CalendarDate.monthNames.enumerated() {
            let lower = name.lowercased()
            if lower == t || (lower.hasPrefix(t) && t.count >= 3) { return index + 1 }
            if t == "sept" && index == 8 { return 9 }
        }
        return nil
    }

    /// "13th" → 13, "6" → 6; suffixOK says the suffix (if any) is an ordinal one.
    private static func leadingNumber(_ token: String) -> (value: Int, digits: Int, suffixOK: Bool)? {
        let digits = token.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        let rest = token.dropFirst(digits.count)
        let ok = rest.isEmpty || ["st", "nd", "rd", "th"].contains(String(rest))
        if !ok { return nil }
        return (value, digits.count, ok)
    }
}
