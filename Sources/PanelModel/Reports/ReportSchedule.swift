import Foundation

/// Reads the schedule from a report: the bullet lists of interviews and meetings already held,
/// and the next-steps table of activities with dates, then "To be scheduled" and undated rows.
enum ReportSchedule {
    // MARK: Lists of interviews and meetings

    /// The kind of item a list holds, or nil when the lines are not such a list. A list is one by
    /// its title ("Interviews…", "Meetings attended") or, retitled, by most of its bullets ending
    /// in a date.
    static func eventListKind(_ lines: [ReportLine], title: String) -> ScheduleItem.Kind? {
        let bullets = lines.filter(isItem)
        guard !bullets.isEmpty else { return nil }
        let t = ReportText.fold(title)
        if t.contains("interview") { return .interview }
        if t.contains("meeting") || t.contains("attended") { return .meeting }
        if t.contains("visit") { return .visit }
        let items = bullets.map { splitTrailingDate(ReportText.stripBulletAndNumber($0.text).text) }
        guard items.filter({ $0.dates != nil }).count * 2 >= bullets.count else { return nil }
        // Retitled: a list of meetings says so in its items; anything else is people heard from.
        let meetings = items.filter { guessKind($0.title) == .meeting || guessKind($0.title) == .forum }.count
        return meetings * 2 > items.count ? .meeting : .interview
    }

    /// Adds one held item per bullet; returns the lines that were not bullets.
    static func readEvents(_ lines: [ReportLine], kind: ScheduleItem.Kind,
                           into builder: inout ReportBuilder) -> [ReportLine] {
        var rest: [ReportLine] = []
        for line in lines {
            let text = ReportText.stripBulletAndNumber(line.text).text
            guard isItem(line), !text.isEmpty else { rest.append(line); continue }
            let (title, dates) = splitTrailingDate(text)
            var item = ScheduleItem(id: builder.makeID("item", title), kind: kind, title: title,
                                    date: dates?.start, endDate: dates?.end, status: .held)
            if item.title.isEmpty { item.title = text }
            builder.document.schedule.append(item)
            builder.foundStructure = true
        }
        return rest
    }

    /// An item of a list: a bullet ("- ", "• ") or a numbered line ("2.1. ").
    static func isItem(_ line: ReportLine) -> Bool {
        let parts = ReportText.stripBulletAndNumber(line.text)
        return parts.bullet || parts.number != nil
    }

    /// "Camden Special Parents Forum on 6 December 2023" → ("Camden Special Parents Forum", 6 Dec
    /// 2023). Tries the longest run of final words that reads as a date or a range of dates.
    static func splitTrailingDate(_ text: String) -> (title: String, dates: (start: CalendarDate, end: CalendarDate?)?) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else { return (text, nil) }
        for k in stride(from: min(7, words.count - 1), through: 1, by: -1) {
            var tail = words.suffix(k).joined(separator: " ")
            while let last = tail.last, ".;)".contains(last) { tail.removeLast() }
            if tail.hasPrefix("(") { tail.removeFirst() }
            guard let dates = parseDates(tail, defaultYear: nil) else { continue }
            var head = words.dropLast(k).joined(separator: " ")
            for joiner in [" on", ",", " -", " –", " (", " held on", " dated"] where head.hasSuffix(joiner) {
                head.removeLast(joiner.count)
            }
            return (head.trimmingCharacters(in: .whitespaces), dates)
        }
        return (text, nil)
    }

    // MARK: The next-steps table

    /// Rows of "Activity<TAB>Dates": dated rows are planned items; after a "To be scheduled" row
    /// (or with no date) items have none. A date the importer cannot read is kept in the item's
    /// details and reported.
    static func readNextSteps(_ rows: [ReportLine], into builder: inout ReportBuilder) {
        var yearHint: Int?
        var body = rows[...]
        let header = ReportText.trimmedCells(rows[0].text)
        let isHeader = ReportText.fold(header.first ?? "").hasPrefix("activit")
            || header.dropFirst().contains { ReportText.fold($0).hasPrefix("date") || ReportText.fold($0).hasPrefix("when") }
        if isHeader {
            body = body.dropFirst()
            if let match = rows[0].text.firstMatch(of: /\b(19|20)\d\d\b/) { yearHint = Int(match.output.0) }
        }
        for row in body {
            let cells = ReportText.trimmedCells(row.text)
            guard let title = cells.first, !title.isEmpty else {
                if cells.count > 1 { builder.keep(row, reason: "a next-steps row without an activity") }
                continue
            }
            if cells.count == 1 && isUnscheduledMarker(title) { continue }
            var item = ScheduleItem(id: builder.makeID("item", title), kind: guessKind(title) ?? .other,
                                    title: title, status: .planned)
            let when = cells.count > 1 ? cells[1] : ""
            if let dates = parseDates(when, defaultYear: yearHint) {
                item.date = dates.start
                item.endDate = dates.end
            } else if !when.isEmpty && !isUnscheduledMarker(when) {
                item.details = "Dates: \(when)"
                builder.warn(row.number, "“\(when)” is not a date the importer can read; “\(title)” is kept as to be scheduled, with the text in its details")
            }
            let extra = cells.dropFirst(2).filter { !$0.isEmpty }
            if !extra.isEmpty {
                item.details = ([item.details].compactMap { $0 } + extra).joined(separator: "\n")
            }
            builder.document.schedule.append(item)
            builder.foundStructure = true
        }
    }

    static func isUnscheduledMarker(_ text: String) -> Bool {
        let t = ReportText.fold(text).trimmingCharacters(in: CharacterSet(charactersIn: ":.- "))
        return ["to be scheduled", "to be confirmed", "to be arranged", "not yet scheduled", "unscheduled",
                "tbc", "tba", "tbd", "to schedule"].contains(t)
    }

    // MARK: Words and dates

    /// The kind an activity's own words say ("Royal Free Hospital visit" → visit), or nil.
    static func guessKind(_ title: String) -> ScheduleItem.Kind? {
        let words = ReportText.fold(title).split(whereSeparator: { !$0.isLetter })
        func has(_ stems: [String]) -> Bool { words.contains { w in stems.contains { w.hasPrefix($0) } } }
        if has(["survey", "questionnaire"]) { return .survey }
        if has(["workshop"]) { return .workshop }
        if has(["forum"]) { return .forum }
        if has(["visit"]) { return .visit }
        if has(["interview"]) { return .interview }
        if has(["meeting", "board", "committee", "session", "briefing"]) { return .meeting }
        return nil
    }

    /// A date, or a range written "6–8 March 2024", "27 February - 1 March 2024", "6 to 8 March".
    static func parseDates(_ raw: String, defaultYear: Int?) -> (start: CalendarDate, end: CalendarDate?)? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.contains(where: \.isNumber) else { return nil }
        if let date = HumanDate.parse(text, defaultYear: defaultYear) { return (date, nil) }
        for separator in [" to ", " – ", " - ", " — ", "–", "—", "-"] {
            guard let range = text.range(of: separator) else { continue }
            let first = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let second = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let end = HumanDate.parse(second, defaultYear: defaultYear) else { continue }
            if let start = HumanDate.parse(first, defaultYear: end.year), start <= end { return (start, end) }
            if let day = Int(first.filter { $0.isNumber }), first.allSatisfy({ $0.isNumber || "stndrh".contains($0) }),
               let start = CalendarDate(year: end.year, month: end.month, day: day), start <= end {
                return (start, end)
            }
        }
        return nil
    }
}
