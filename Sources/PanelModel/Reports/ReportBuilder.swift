import Foundation

/// Something in an imported report that the importer could not place where it belongs.
/// The text itself is never lost: it is kept as an imported note (see `ReportBuilder.keep`).
public struct ImportWarning: Equatable, Sendable, CustomStringConvertible {
    /// The line of the imported file, counting from 1.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// How the importer names new criteria, questions, schedule items…
public enum ImportIDs: Sendable {
    /// `Identifier.make`: fresh random ids, what a real import uses.
    case random
    /// Readable ids from names ("crit-equity", "q-5-1"), numbered on repeats: the same report
    /// always gives the same ids, which makes tests and diffs easy to read.
    case readable
}

/// The document being built by one import, with its warnings and its id maker. Shared by the
/// header, schedule, framework and question readers so each stays a small pure step.
struct ReportBuilder {
    var document = PanelDocument()
    var warnings: [ImportWarning] = []
    /// True once something only a panel report has was found (a header label, a framework
    /// table, questions…): without it the file is refused as "not a report".
    var foundHeader = false
    var foundStructure = false

    let fileName: String
    let now: String
    let ids: ImportIDs
    private var used: Set<String> = []

    init(fileName: String, now: String, ids: ImportIDs) {
        self.fileName = fileName
        self.now = now
        self.ids = ids
    }

    mutating func makeID(_ prefix: String, _ name: String) -> String {
        switch ids {
        case .random:
            return Identifier.make(prefix)
        case .readable:
            let base = Identifier.slug(prefix, name)
            var id = base
            var n = 2
            while used.contains(id) {
                id = "\(base)-\(n)"
                n += 1
            }
            used.insert(id)
            return id
        }
    }

    /// Keeps a line the importer could not place as a note with no subject, marked with where it
    /// came from, and warns about it.
    mutating func keep(_ line: ReportLine, reason: String) {
        let text = line.trimmed
        guard !text.isEmpty else { return }
        warnings.append(ImportWarning(line: line.number, message: "\(reason); kept as an imported note: “\(Self.preview(text))”"))
        let note = Note(id: makeID("note", "line \(line.number)"), at: now, text: text,
                        origin: "import: \(fileName) line \(line.number)")
        document.notes.append(note)
    }

    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(ImportWarning(line: line, message: message))
    }

    static func preview(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\t", with: " ")
        return flat.count <= 60 ? flat : String(flat.prefix(59)) + "…"
    }
}
