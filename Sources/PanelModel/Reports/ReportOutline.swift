/// The order of a panel update, shared by every export so Markdown and HTML say the same
/// things in the same place: opening prose, interviews carried out, meetings attended, the
/// framework, the suggested questions, next steps, closing prose. Sections are numbered in
/// that order, as the committee reports number them.
public struct ReportOutline: Sendable {
    public struct Part: Sendable {
        public enum Body: Sendable {
            case prose
            /// Held items, in the panel's order.
            case events([ScheduleItem])
            /// The framework table follows the text.
            case framework
            /// The questions follow the text.
            case questions
            /// The next-steps table follows the text: dated items by date, then undated ones.
            case nextSteps(dated: [ScheduleItem], unscheduled: [ScheduleItem])
        }

        public var number: Int
        public var title: String
        public var text: String
        public var body: Body
    }

    public var parts: [Part] = []

    public init(_ document: PanelDocument) {
        let sections = document.panel.sections
        func prose(_ placement: ReportSection.Placement) -> [ReportSection] {
            sections.filter { $0.placement == placement }
        }
        var pending: [(String, String, Part.Body)] = prose(.opening).map { ($0.title, $0.text, .prose) }

        let held = document.schedule.filter { $0.status == .held }
        let interviews = held.filter { $0.kind == .interview }
        let meetings = held.filter { $0.kind != .interview }
        if !interviews.isEmpty { pending.append(("Interviews carried out so far", "", .events(interviews))) }
        if !meetings.isEmpty { pending.append(("Meetings attended", "", .events(meetings))) }

        // A known part goes under the last section placed with it, or under its usual title.
        func add(_ placement: ReportSection.Placement, defaultTitle: String, show: Bool, body: Part.Body) {
            var placed = prose(placement)
            if placed.isEmpty {
                guard show else { return }
                placed = [ReportSection(id: "", title: defaultTitle, text: "", placement: placement)]
            }
            for (i, section) in placed.enumerated() {
                pending.append((section.title, section.text, i == placed.count - 1 ? body : .prose))
            }
        }
        let framework = document.framework
        add(.framework, defaultTitle: "Analytical Framework",
            show: !framework.criteria.isEmpty || !framework.dimensions.isEmpty, body: .framework)
        add(.questions, defaultTitle: "Suggested questions for further investigation",
            show: !document.questions.isEmpty, body: .questions)
        let planned = document.schedule.filter { $0.status == .planned }
        let dated = planned.filter { $0.date != nil }.enumerated()
            .sorted { ($0.element.date!, $0.offset) < ($1.element.date!, $1.offset) }.map(\.element)
        add(.nextSteps, defaultTitle: "Next steps", show: !planned.isEmpty,
            body: .nextSteps(dated: dated, unscheduled: planned.filter { $0.date == nil }))
        pending += prose(.closing).map { ($0.title, $0.text, .prose) }

        parts = pending.enumerated().map { Part(number: $0.offset + 1, title: $0.element.0, text: $0.element.1, body: $0.element.2) }
    }

    /// "5.1": the question's own number, or one made from its section's number and position.
    public static func number(of question: Question, at index: Int, in part: Part) -> String {
        question.number.isEmpty ? "\(part.number).\(index + 1)" : question.number
    }

    /// "6 March 2024", or "6 March 2024 – 8 March 2024" for a range; nil when undated.
    public static func dates(of item: ScheduleItem) -> String? {
        guard let date = item.date else { return nil }
        if let end = item.endDate, end != date { return "\(date.longForm) – \(end.longForm)" }
        return date.longForm
    }

    /// The header fields in the order the reports list them, empty ones left out.
    public static func headerFields(_ panel: PanelInfo) -> [(label: String, value: String)] {
        let contact = [panel.contact.name, panel.contact.role, panel.contact.address,
                       panel.contact.phone, panel.contact.email].filter { !$0.isEmpty }.joined(separator: ", ")
        let fields: [(String, String)] = [
            ("Authority", panel.authority),
            ("Wards", panel.wards),
            ("Report of", panel.reportOf),
            ("For submission to", panel.committee),
            ("Date", panel.reportDate?.longForm ?? ""),
            ("Summary of report", panel.summary),
            ("Access to information", panel.accessToInformation),
            ("Contact officer", contact),
            ("Recommendation", panel.recommendation),
        ]
        return fields.filter { !$0.1.isEmpty }
    }

    /// The heading of the whole report: its title, else the panel's name.
    public static func title(_ panel: PanelInfo) -> String {
        !panel.reportTitle.isEmpty ? panel.reportTitle : !panel.title.isEmpty ? panel.title : "Panel update"
    }
}
