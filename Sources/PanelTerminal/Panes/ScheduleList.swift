import PanelModel

/// The schedule as the pane lists it: HELD, UPCOMING and TO BE SCHEDULED, with today's place
/// marked among the upcoming. Navigation walks the items in this order, so it lives apart from
/// the drawing.
///
/// Held = status held (by date). Upcoming = planned or cancelled with a date, by date; items
/// dated before today that were never marked held sit above the today line, so they stand out.
/// To be scheduled = no date, in the order the clerk put them.
enum ScheduleList {
    enum Row: Equatable {
        case heading(String)
        case today(CalendarDate)
        case item(String)
    }

    static func rows(_ schedule: [ScheduleItem], today: CalendarDate) -> [Row] {
        // Sorting by (date, position) keeps items of the same day in the clerk's order.
        let indexed = Array(schedule.enumerated())
        func byDate(_ a: (offset: Int, element: ScheduleItem), _ b: (offset: Int, element: ScheduleItem)) -> Bool {
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }
        let held = indexed.filter { $0.element.status == .held }.sorted(by: byDate)
        let upcoming = indexed.filter { $0.element.status != .held && $0.element.date != nil }.sorted(by: byDate)
        let unscheduled = indexed.filter { $0.element.status != .held && $0.element.date == nil }

        var rows: [Row] = []
        if !held.isEmpty {
            rows.append(.heading("HELD"))
            rows += held.map { .item($0.element.id) }
        }
        if !upcoming.isEmpty {
            rows.append(.heading("UPCOMING"))
            var marked = false
            for entry in upcoming {
                if !marked, let date = entry.element.date, date >= today {
                    rows.append(.today(today))
                    marked = true
                }
                rows.append(.item(entry.element.id))
            }
            if !marked { rows.append(.today(today)) }
        }
        if !unscheduled.isEmpty {
            rows.append(.heading("TO BE SCHEDULED"))
            rows += unscheduled.map { .item($0.element.id) }
        }
        return rows
    }

    /// The item ids in the order they are listed.
    static func itemIDs(_ schedule: [ScheduleItem], today: CalendarDate) -> [String] {
        rows(schedule, today: today).compactMap { if case .item(let id) = $0 { id } else { nil } }
    }
}
