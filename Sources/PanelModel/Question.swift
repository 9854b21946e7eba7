/// A question the panel means to pursue ("5.1 ENG and Clusters").
public struct Question: Codable, Equatable, Sendable, Identifiable {
    public enum Status: String, Codable, CaseIterable, Sendable {
        case open, pursuing, answered, dropped
    }

    public var id: String
    /// The display number, as the report numbers it ("5.1"). Free text: panels number differently.
    public var number: String
    public var title: String
    public var text: String
    public var status: Status

    public init(id: String, number: String, title: String, text: String, status: Status = .open) {
        self.id = id
        self.number = number
        self.title = title
        self.text = text
        self.status = status
    }
}
