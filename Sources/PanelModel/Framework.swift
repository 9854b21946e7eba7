/// The analytical framework: criteria (rows) × dimensions (columns) × free-text cells.
///
/// Cells are keyed by the ids of their criterion and dimension, never by position, so renaming
/// or reordering a row or column never moves text.
public struct Framework: Equatable, Sendable {
    public var criteria: [AxisItem]
    public var dimensions: [AxisItem]
    /// Only non-empty cells are kept; a missing key reads as "".
    public private(set) var cells: [CellKey: String]

    public init(criteria: [AxisItem] = [], dimensions: [AxisItem] = [], cells: [CellKey: String] = [:]) {
        self.criteria = criteria
        self.dimensions = dimensions
        self.cells = cells.filter { !$0.value.isEmpty }
    }

    public subscript(key: CellKey) -> String {
        get { cells[key] ?? "" }
        set { cells[key] = newValue.isEmpty ? nil : newValue }
    }

    public subscript(criterion: String, dimension: String) -> String {
        get { self[CellKey(criterion: criterion, dimension: dimension)] }
        set { self[CellKey(criterion: criterion, dimension: dimension)] = newValue }
    }

    public func items(_ axis: Axis) -> [AxisItem] {
        axis == .criteria ? criteria : dimensions
    }

    public mutating func setItems(_ items: [AxisItem], _ axis: Axis) {
        if axis == .criteria { criteria = items } else { dimensions = items }
    }

    /// The non-empty cells of one row or column, by the id across the axis.
    public func cells(along axis: Axis, id: String) -> [String: String] {
        var out: [String: String] = [:]
        for (key, text) in cells {
            switch axis {
            case .criteria where key.criterion == id: out[key.dimension] = text
            case .dimensions where key.dimension == id: out[key.criterion] = text
            default: break
            }
        }
        return out
    }

    /// Cells whose criterion or dimension no longer exists (a damaged or merged file).
    public var orphanCells: [CellKey] {
        let c = Set(criteria.map(\.id)), d = Set(dimensions.map(\.id))
        return cells.keys.filter { !c.contains($0.criterion) || !d.contains($0.dimension) }
    }
}

/// Which way along the grid: rows (criteria) or columns (dimensions).
public enum Axis: String, Codable, CaseIterable, Sendable {
    case criteria, dimensions

    public var singular: String { self == .criteria ? "criterion" : "dimension" }

    /// Builds the key of the cell where `id` on this axis meets `other` on the other one.
    public func key(_ id: String, _ other: String) -> CellKey {
        self == .criteria ? CellKey(criterion: id, dimension: other) : CellKey(criterion: other, dimension: id)
    }
}

/// A criterion (row) or a dimension (column).
public struct AxisItem: Codable, Equatable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

public struct CellKey: Codable, Hashable, Sendable {
    public var criterion: String
    public var dimension: String
    public init(criterion: String, dimension: String) {
        self.criterion = criterion
        self.dimension = dimension
    }
}

extension Framework: Codable {
    private enum CodingKeys: String, CodingKey { case criteria, dimensions, cells }

    private struct StoredCell: Codable {
        var criterion: String
        var dimension: String
        var text: String
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        criteria = try c.decode([AxisItem].self, forKey: .criteria)
        dimensions = try c.decode([AxisItem].self, forKey: .dimensions)
        // Cells are keyed by these ids: two rows (or columns) with one id would share their
        // cells, and the next save could not be read back. Refuse such a file on load.
        for (key, items) in [(CodingKeys.criteria, criteria), (.dimensions, dimensions)] {
            var seen = Set<String>()
            for item in items where !seen.insert(item.id).inserted {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "two \(key.stringValue) have the id “\(item.id)”; ids must be unique")
            }
        }
        var cells: [CellKey: String] = [:]
        for cell in try c.decode([StoredCell].self, forKey: .cells) where !cell.text.isEmpty {
            let key = CellKey(criterion: cell.criterion, dimension: cell.dimension)
            if cells[key] != nil {
                throw DecodingError.dataCorruptedError(
                    forKey: .cells, in: c,
                    debugDescription: "two cells for criterion “\(cell.criterion)” × dimension “\(cell.dimension)”")
            }
            cells[key] = cell.text
        }
        self.cells = cells
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(dimensions, forKey: .dimensions)
        try c.encode(storedCells.map { StoredCell(criterion: $0.key.criterion, dimension: $0.key.dimension, text: $0.text) },
                     forKey: .cells)
    }

    /// The cells in the order the store lists them: reading order (row by row, as the grid
    /// shows them), then any whose row or column is gone, sorted, so the same document always
    /// gives the same bytes. Shared by `encode(to:)` and the canonical writer.
    var storedCells: [(key: CellKey, text: String)] {
        var stored: [(key: CellKey, text: String)] = []
        stored.reserveCapacity(cells.count)
        for criterion in criteria {
            for dimension in dimensions {
                let key = CellKey(criterion: criterion.id, dimension: dimension.id)
                if let text = cells[key] { stored.append((key, text)) }
            }
        }
        for key in orphanCells.sorted(by: { ($0.criterion, $0.dimension) < ($1.criterion, $1.dimension) }) {
            stored.append((key, cells[key]!))
        }
        return stored
    }
}
