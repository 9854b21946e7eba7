/// A piece of evidence: something heard or seen, with when, where it came from (a schedule
/// item) and what it is about (a cell of the framework, or a question).
public struct Note: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// When it was taken: ISO 8601 with the local offset, "2024-03-06T10:41:07+00:00".
    public var at: String
    public var text: String
    /// The id of the schedule item it was taken in.
    public var source: String?
    public var subject: NoteSubject?
    /// Where it came from when not typed here, e.g. "import: report.txt line 12".
    public var origin: String?

    public init(id: String, at: String, text: String, source: String? = nil,
                subject: NoteSubject? = nil, origin: String? = nil) {
        self.id = id
        self.at = at
        self.text = text
        self.source = source
        self.subject = subject
        self.origin = origin
    }
}

/// What a note is about. Stored as `{"criterion": id, "dimension": id}` or `{"question": id}`.
public enum NoteSubject: Codable, Equatable, Hashable, Sendable {
    case cell(CellKey)
    case question(String)

    private enum CodingKeys: String, CodingKey { case criterion, dimension, question }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let q = try c.decodeIfPresent(String.self, forKey: .question) {
            self = .question(q)
        } else {
            self = .cell(CellKey(criterion: try c.decode(String.self, forKey: .criterion),
                                 dimension: try c.decode(String.self, forKey: .dimension)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .cell(let key):
            try c.encode(key.criterion, forKey: .criterion)
            try c.encode(key.dimension, forKey: .dimension)
        case .question(let id):
            try c.encode(id, forKey: .question)
        }
    }
}
