/// One thing on the panel's schedule: an interview, a meeting attended, a visit, a forum, a
/// workshop, a survey… It may have a date, a range of dates, or none yet ("to be scheduled").
public struct ScheduleItem: Codable, Equatable, Sendable, Identifiable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case interview, meeting, visit, forum, workshop, survey, other
    }

    public enum Status: String, Codable, CaseIterable, Sendable {
        case planned, held, cancelled
    }

    public var id: String
    public var kind: Kind
    public var title: String
    /// Who the panel met, or where it went, when the title doesn't say.
    public var who: String?
    public var date: CalendarDate?
    /// Last day of a range; only meaningful with `date`.
    public var endDate: CalendarDate?
    /// Start time, "HH:MM", 24-hour.
    public var time: String?
    public var status: Status
    /// Free notes about the item itself (not the evidence notes taken during it).
    public var details: String?
    /// When a live session on this item started and ended (ISO 8601 with offset).
    public var startedAt: String?
    public var endedAt: String?

    public init(id: String, kind: Kind, title: String, who: String? = nil,
                date: CalendarDate? = nil, endDate: CalendarDate? = nil, time: String? = nil,
                status: Status = .planned, details: String? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.who = who
        self.date = date
        self.endDate = endDate
        self.time = time
        self.status = status
        self.details = details
    }

    /// Has no date yet: listed under "To be scheduled".
    public var isUnscheduled: Bool { date == nil }
}
