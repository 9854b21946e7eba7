/// Something a merge of two clerks' copies could not decide on its own, recorded in the store
/// instead of as markers in the JSON: the merged file stays a valid panel, with "ours" kept in
/// place, and this says where, and what base, ours and theirs each had.
///
/// Stored flat and readable, e.g.
/// `{"kind": "edited-on-both-sides", "in": "cell", "criterion": "…", "dimension": "…",
///   "base": "…", "ours": "…", "theirs": "…"}`.
public struct MergeConflict: Codable, Equatable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// The same field was changed on both sides, to different values. Ours is kept in place.
        case editedOnBothSides = "edited-on-both-sides"
        /// One side removed the item, the other changed it. The changed item is kept in place;
        /// `ours` or `theirs` is nil on the side that removed it.
        case deletedAndEdited = "deleted-on-one-side-edited-on-the-other"
    }

    public var kind: Kind
    public var place: ConflictPlace
    /// The value before either clerk changed it (nil: it did not exist yet, or had no value).
    public var base: String?
    public var ours: String?
    public var theirs: String?

    public init(kind: Kind, place: ConflictPlace, base: String?, ours: String?, theirs: String?) {
        self.kind = kind
        self.place = place
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    private enum CodingKeys: String, CodingKey { case kind, base, ours, theirs }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        place = try ConflictPlace(from: decoder)
        base = try c.decodeIfPresent(String.self, forKey: .base)
        ours = try c.decodeIfPresent(String.self, forKey: .ours)
        theirs = try c.decodeIfPresent(String.self, forKey: .theirs)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try place.encode(to: encoder)
        try c.encodeIfPresent(base, forKey: .base)
        try c.encodeIfPresent(ours, forKey: .ours)
        try c.encodeIfPresent(theirs, forKey: .theirs)
    }
}

/// Which part of a panel a conflict is about: a panel field, a cell, or one field of an item
/// (no field: the whole item, removed on one side and changed on the other).
public enum ConflictPlace: Hashable, Sendable {
    case panel(field: String)
    case cell(CellKey)
    case item(ItemKind, id: String, field: String?)

    /// The kinds of item a panel keeps in ordered lists, by the name the store uses.
    public enum ItemKind: String, Codable, CaseIterable, Sendable {
        case section, criterion, dimension, schedule, question, note
    }

    private enum CodingKeys: String, CodingKey { case `in`, field, criterion, dimension, id }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let part = try c.decode(String.self, forKey: .in)
        switch part {
        case "panel":
            self = .panel(field: try c.decode(String.self, forKey: .field))
        case "cell":
            self = .cell(CellKey(criterion: try c.decode(String.self, forKey: .criterion),
                                 dimension: try c.decode(String.self, forKey: .dimension)))
        default:
            guard let kind = ItemKind(rawValue: part) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .in, in: c, debugDescription: "“\(part)” is not a part of a panel a conflict can be in")
            }
            self = .item(kind, id: try c.decode(String.self, forKey: .id),
                         field: try c.decodeIfPresent(String.self, forKey: .field))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .panel(field):
            try c.encode("panel", forKey: .in)
            try c.encode(field, forKey: .field)
        case let .cell(key):
            try c.encode("cell", forKey: .in)
            try c.encode(key.criterion, forKey: .criterion)
            try c.encode(key.dimension, forKey: .dimension)
        case let .item(kind, id, field):
            try c.encode(kind.rawValue, forKey: .in)
            try c.encode(id, forKey: .id)
            try c.encodeIfPresent(field, forKey: .field)
        }
    }
}

extension MergeConflict {
    /// One line for `scrutiny check` and the workspace, naming things as the panel shows them:
    /// `cell Equity × Outcomes: edited differently on both sides (ours “…”, theirs “…”)`.
    public func describe(in document: PanelDocument) -> String {
        let what: String
        switch kind {
        case .editedOnBothSides:
            what = "changed differently on both sides (ours \(Self.quote(ours)), theirs \(Self.quote(theirs)))"
        case .deletedAndEdited:
            let deleter = ours == nil ? "ours" : "theirs"
            let editor = ours == nil ? "theirs" : "ours"
            what = "deleted in \(deleter), changed in \(editor) (kept as \(Self.quote(ours ?? theirs)))"
        }
        return "\(placeName(in: document)): \(what)"
    }

    /// Where the conflict is, in the panel's own words ("question 5.1 title", "cell Equity × Outcomes").
    public func placeName(in document: PanelDocument) -> String {
        switch place {
        case let .panel(field):
            let label = PanelField(rawValue: field)?.label
                ?? (field == Edit.PanelDate.reportDate.rawValue ? "Report date" : field == Edit.PanelDate.signedDate.rawValue ? "Signed date" : field)
            return "header field “\(label)”"
        case let .cell(key):
            let row = document.framework.criteria.first { $0.id == key.criterion }?.name ?? key.criterion
            let column = document.framework.dimensions.first { $0.id == key.dimension }?.name ?? key.dimension
            return "cell \(row) × \(column)"
        case let .item(kind, id, field):
            let name: String
            switch kind {
            case .section: name = document.panel.sections.first { $0.id == id }.map { "section “\($0.title)”" } ?? "section \(id)"
            case .criterion: name = document.framework.criteria.first { $0.id == id }.map { "criterion “\($0.name)”" } ?? "criterion \(id)"
            case .dimension: name = document.framework.dimensions.first { $0.id == id }.map { "dimension “\($0.name)”" } ?? "dimension \(id)"
            case .schedule: name = document.schedule.first { $0.id == id }.map { "schedule item “\($0.title)”" } ?? "schedule item \(id)"
            case .question: name = document.questions.first { $0.id == id }.map { "question \($0.number)" } ?? "question \(id)"
            case .note: name = "note \(id)"
            }
            return field.map { "\(name) \($0)" } ?? name
        }
    }

    private static func quote(_ value: String?) -> String {
        guard let value else { return "(none)" }
        // One line, and no control characters: a conflict from someone else's file must not be
        // able to drive the terminal it is printed on.
        let oneLine = String(String.UnicodeScalarView(value.unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar
        }))
        return "“" + (oneLine.count > 60 ? oneLine.prefix(59) + "…" : oneLine) + "”"
    }
}
