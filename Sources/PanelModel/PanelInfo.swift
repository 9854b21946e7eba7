/// Who the panel is and what its report says about itself: the header block of a panel update.
public struct PanelInfo: Codable, Equatable, Sendable {
    /// "SEND Provision Scrutiny Panel"
    public var title: String = ""
    /// "London Borough of Camden"
    public var authority: String = ""
    /// "All"
    public var wards: String = ""
    /// The committee the panel reports to.
    public var committee: String = ""
    public var reportTitle: String = ""
    /// The date of the committee meeting the report is for.
    public var reportDate: CalendarDate?
    public var summary: String = ""
    public var recommendation: String = ""
    /// "Chair of the SEND Provision Panel"
    public var reportOf: String = ""
    /// "Councillor Sylvia McNamara"
    public var chair: String = ""
    public var signedDate: CalendarDate?
    /// The "Local Government Act 1972 – Access to Information" statement.
    public var accessToInformation: String = ""
    public var contact: ContactOfficer = ContactOfficer()
    /// The report's prose sections (purpose, framework introduction, next steps, finance…).
    public var sections: [ReportSection] = []

    public init() {}
}

public struct ContactOfficer: Codable, Equatable, Sendable {
    public var name: String = ""
    public var role: String = ""
    public var address: String = ""
    public var phone: String = ""
    public var email: String = ""
    public init() {}
}

/// A numbered section of prose in a report ("1. Purpose of Report", "7. Finance Comments…").
/// `placement` says where it stands among the parts Scrutiny knows, so exports keep its place.
public struct ReportSection: Codable, Equatable, Sendable, Identifiable {
    public enum Placement: String, Codable, CaseIterable, Sendable {
        /// Before the schedule (e.g. "Purpose of Report").
        case opening
        /// Introduces the analytical framework table.
        case framework
        /// Introduces the suggested questions.
        case questions
        /// Introduces the next-steps table.
        case nextSteps
        /// After everything else (finance, legal, environmental comments…).
        case closing
    }

    public var id: String
    public var title: String
    public var text: String
    public var placement: Placement

    public init(id: String, title: String, text: String, placement: Placement) {
        self.id = id
        self.title = title
        self.text = text
        self.placement = placement
    }
}

/// Names each text field of the panel's header, so one `Edit` case can change any of them.
public enum PanelField: String, Codable, CaseIterable, Sendable {
    case title, authority, wards, committee, reportTitle, summary, recommendation, reportOf
    case chair, accessToInformation
    case contactName, contactRole, contactAddress, contactPhone, contactEmail

    public var label: String {
        switch self {
        case .title: "Panel"
        case .authority: "Authority"
        case .wards: "Wards"
        case .committee: "For submission to"
        case .reportTitle: "Report title"
        case .summary: "Summary"
        case .recommendation: "Recommendation"
        case .reportOf: "Report of"
        case .chair: "Chair"
        case .accessToInformation: "Access to information"
        case .contactName: "Contact officer"
        case .contactRole: "Contact role"
        case .contactAddress: "Contact address"
        case .contactPhone: "Contact phone"
        case .contactEmail: "Contact email"
        }
    }

    private var keyPath: WritableKeyPath<PanelInfo, String> {
        switch self {
        case .title: \.title
        case .authority: \.authority
        case .wards: \.wards
        case .committee: \.committee
        case .reportTitle: \.reportTitle
        case .summary: \.summary
        case .recommendation: \.recommendation
        case .reportOf: \.reportOf
        case .chair: \.chair
        case .accessToInformation: \.accessToInformation
        case .contactName: \.contact.name
        case .contactRole: \.contact.role
        case .contactAddress: \.contact.address
        case .contactPhone: \.contact.phone
        case .contactEmail: \.contact.email
        }
    }

    public func value(in info: PanelInfo) -> String { info[keyPath: keyPath] }
    public func set(_ value: String, in info: inout PanelInfo) { info[keyPath: keyPath] = value }
}
