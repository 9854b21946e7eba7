import Foundation

/// A report read into a panel document, with what could not be placed.
public struct ImportedReport: Sendable {
    public var document: PanelDocument
    public var warnings: [ImportWarning]
}

/// Reads a panel update report in the plain-text shape of the committee reports (see
/// `Tests/Fixtures/send-panel-update-2024-03.txt`) into a `PanelDocument`.
///
/// Sections are recognised by what they hold, not by their numbers or exact titles: a table whose
/// header row starts with an empty cell is the framework, a table of activities and dates is the
/// next steps, numbered sub-headings with paragraphs are questions, bullet lists of people or
/// meetings with dates are the schedule. Other sections are kept as prose in their place. Any
/// line that fits nowhere is kept as an imported note and reported as a warning with its line.
public enum ReportImporter {
    public struct Options: Sendable {
        /// Named in warnings and in imported notes' `origin`.
        public var fileName: String
        /// The timestamp given to imported notes (ISO 8601).
        public var now: String
        public var ids: ImportIDs

        public init(fileName: String, now: String = ReportImporter.timestamp(), ids: ImportIDs = .random) {
            self.fileName = fileName
            self.now = now
            self.ids = ids
        }
    }

    /// Reads the bytes of a report file. Throws, and builds nothing, when the file is not a
    /// report at all (empty, binary, an enormous line, no header and no known section).
    public static func read(_ data: Data, options: Options) throws(ReportImportError) -> ImportedReport {
        try read(lines: ReportLines.split(data, file: options.fileName), options: options)
    }

    public static func read(text: String, options: Options) throws(ReportImportError) -> ImportedReport {
        try read(Data(text.utf8), options: options)
    }

    static func read(lines: [ReportLine], options: Options) throws(ReportImportError) -> ImportedReport {
        var builder = ReportBuilder(fileName: options.fileName, now: options.now, ids: options.ids)
        let lines = (MarkdownReportText.plain(lines) ?? lines).map {
            ReportLine(number: $0.number, text: ReportText.untabbedMarker($0.text))
        }
        let (preamble, sections) = ReportSectionSplitter.split(lines)
        ReportHeader.read(preamble, into: &builder)

        var structured: [(index: Int, placement: ReportSection.Placement?)] = []
        var prose: [(index: Int, section: ReportSection)] = []
        for (index, raw) in sections.enumerated() {
            let result = readSection(raw, into: &builder)
            if let placement = result.structured { structured.append((index, placement)) }
            if let section = result.prose { prose.append((index, section)) }
        }
        // A prose section stands before the first known part (opening), just before the part
        // that follows it, or after everything (closing), so exports keep it where it was.
        for (index, var section) in prose {
            if section.placement == .closing {
                if !structured.contains(where: { $0.index < index }) {
                    section.placement = .opening
                } else if let next = structured.first(where: { $0.index > index && $0.placement != nil }) {
                    section.placement = next.placement!
                }
            }
            builder.document.panel.sections.append(section)
        }
        guard builder.foundHeader || builder.foundStructure else { throw .notAReport(file: options.fileName) }
        return ImportedReport(document: builder.document, warnings: builder.warnings.sorted { $0.line < $1.line })
    }

    /// What one section gave: whether it held a known part (and where that part sits), and the
    /// prose to keep as a `ReportSection`.
    private struct SectionResult {
        /// nil: plain prose. `.some(nil)`: a schedule list (which has no section placement).
        var structured: ReportSection.Placement??
        var prose: ReportSection?
    }

    private static func readSection(_ raw: RawSection, into builder: inout ReportBuilder) -> SectionResult {
        let blocks = ReportSectionSplitter.blocks(raw.body)
        var proseLines: [ReportLine] = []
        var placement: ReportSection.Placement?
        var isStructured = false

        for block in blocks {
            switch block {
            case .lines(let lines):
                proseLines += lines
            case .table(let rows):
                switch ReportTables.kind(of: rows, sectionTitle: raw.title) {
                case .nextSteps:
                    ReportSchedule.readNextSteps(rows, into: &builder)
                    placement = placement ?? .nextSteps
                    isStructured = true
                case .framework:
                    ReportFramework.read(rows, into: &builder)
                    placement = placement ?? .framework
                    isStructured = true
                case .unknown:
                    builder.warn(rows[0].number, "a table the importer does not recognise is kept as text of section “\(raw.title)”")
                    proseLines += rows
                }
            }
        }

        // Numbered sub-headings make a question list once; later sections with sub-headings
        // (a finance section's "7.1. Revenue") stay prose unless their title says questions.
        let questionsSoFar = !builder.document.questions.isEmpty && !ReportText.fold(raw.title).contains("question")
        if !questionsSoFar && ReportQuestions.looksLikeQuestions(proseLines, title: raw.title) {
            proseLines = ReportQuestions.read(proseLines, into: &builder)
            placement = placement ?? .questions
            isStructured = true
        } else if !isStructured, let kind = ReportSchedule.eventListKind(proseLines, title: raw.title) {
            let rest = ReportSchedule.readEvents(proseLines, kind: kind, into: &builder)
            for line in rest where !line.isBlank {
                builder.keep(line, reason: "a line in the list “\(raw.title)” that is not an item")
            }
            return SectionResult(structured: .some(nil), prose: nil)
        }

        if isStructured { builder.foundStructure = true }
        let text = ReportSectionSplitter.paragraphs(proseLines)
        // A known part keeps its section (title and introduction) even without prose, so its
        // heading survives an export; a plain section with nothing in it is not worth keeping.
        guard isStructured || !text.isEmpty || !raw.title.isEmpty else { return SectionResult() }
        let section = ReportSection(id: builder.makeID("sec", raw.title), title: raw.title, text: text,
                                    placement: placement ?? .closing)  // plain prose: placed by `read`
        return SectionResult(structured: isStructured ? .some(placement) : nil, prose: section)
    }

    /// Now, as imported notes record it.
    public static func timestamp(_ date: Date = Date()) -> String {
        WallClock.local(date).internetStamp
    }
}

/// A numbered section of a report as found: its heading line, title and the lines under it.
struct RawSection {
    var heading: ReportLine
    var title: String
    var body: [ReportLine]
}

/// Finds section headings and splits a section's lines into prose and tables.
enum ReportSectionSplitter {
    enum Block {
        case lines([ReportLine])
        case table([ReportLine])
    }

    static func split(_ lines: [ReportLine]) -> (preamble: [ReportLine], sections: [RawSection]) {
        var preamble: [ReportLine] = []
        var sections: [RawSection] = []
        for line in lines {
            if ReportText.fold(line.text) == "report ends" { continue }
            if let title = headingTitle(line.text) {
                sections.append(RawSection(heading: line, title: title, body: []))
            } else if sections.isEmpty {
                preamble.append(line)
            } else {
                sections[sections.count - 1].body.append(line)
            }
        }
        return (preamble, sections)
    }

    /// "6. **Next steps as agreed by the panel**" → "Next steps as agreed by the panel".
    /// A heading is a short line numbered with a whole number and a full stop ("5.1." is a
    /// sub-heading; "10 special schools…" is prose), or a Markdown heading "## 6 Next steps".
    static func headingTitle(_ text: String) -> String? {
        var line = text.trimmingCharacters(in: .whitespaces)
        guard !line.contains("\t"), line.count <= 150 else { return nil }
        let markdown = line.hasPrefix("#")
        while line.hasPrefix("#") { line.removeFirst() }
        line = unbold(line.trimmingCharacters(in: .whitespaces))
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...2).contains(digits.count) else { return nil }
        var rest = line.dropFirst(digits.count)
        if rest.first == "." || rest.first == ")" { rest = rest.dropFirst() } else if !markdown { return nil }
        guard rest.first?.isWhitespace == true else { return nil }
        let title = unbold(rest.trimmingCharacters(in: .whitespaces))
        guard let first = title.first, first.isLetter || "\"'“‘(".contains(first),
              HumanDate.parse(line) == nil else { return nil }
        return title
    }

    static func unbold(_ text: String) -> String {
        var t = text
        for mark in ["**", "__"] where t.hasPrefix(mark) && t.hasSuffix(mark) && t.count > 4 {
            t = String(t.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
        return t
    }

    /// Runs of non-blank lines; a run whose lines (from its first tabbed line on) hold tabs on at
    /// least two lines is a table, the lines before it prose.
    static func blocks(_ lines: [ReportLine]) -> [Block] {
        var blocks: [Block] = []
        var run: [ReportLine] = []
        func flush() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            if let start = run.firstIndex(where: { $0.text.contains("\t") }),
               run[start...].filter({ $0.text.contains("\t") }).count >= 2 {
                if start > 0 { blocks.append(.lines(Array(run[..<start]))) }
                blocks.append(.table(Array(run[start...])))
            } else {
                blocks.append(.lines(run))
            }
        }
        for line in lines {
            if line.isBlank {
                flush()
                blocks.append(.lines([line]))
            } else {
                run.append(line)
            }
        }
        flush()
        return blocks
    }

    /// Lines as stored prose: lines of a paragraph joined by a newline, paragraphs by a blank line.
    static func paragraphs(_ lines: [ReportLine]) -> String {
        var paragraphs: [[String]] = [[]]
        for line in lines {
            if line.isBlank {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(
                    line.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\t", with: " "))
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }
}

/// Tells the framework table from the next-steps table by their shape.
enum ReportTables {
    enum Kind { case framework, nextSteps, unknown }

    static func kind(of rows: [ReportLine], sectionTitle: String) -> Kind {
        let header = ReportText.cells(rows[0].text)
        let first = ReportText.fold(header.first ?? "")
        let others = header.dropFirst().map(ReportText.fold)
        if first.hasPrefix("activit") || others.contains(where: { $0.hasPrefix("date") || $0.hasPrefix("when") }) {
            return .nextSteps
        }
        let data = rows.dropFirst().map { ReportText.trimmedCells($0.text) }
        let dated = data.filter { $0.count >= 2 && ReportSchedule.parseDates($0[1], defaultYear: nil) != nil }.count
        let markers = data.filter { $0.count == 1 && ReportSchedule.isUnscheduledMarker($0[0]) }.count
        if markers > 0 || (dated > 0 && dated * 2 >= data.count) { return .nextSteps }
        let dimensions = ReportText.trimmedCells(rows[0].text).dropFirst()
        if !dimensions.isEmpty && (first.isEmpty || first.hasPrefix("criteri")
            || ReportText.fold(sectionTitle).contains("framework")) {
            return .framework
        }
        return .unknown
    }
}
