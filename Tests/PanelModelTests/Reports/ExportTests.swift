import XCTest
@testable import PanelModel

/// Exports read back by real parsers (markdown-it-py, html5lib, python's csv): the grid has the
/// right rows and columns and every text comes back as the panel holds it, however awkward.
final class ExportTests: XCTestCase {
    private func seedPanel() throws -> PanelDocument { try SeedReport.imported().document }

    /// The seed plus a cell that tries every trick: a pipe, a line break, markup, a quote, a
    /// comma, an entity and a script.
    private static let awkward = "Costs | \"private\" *diagnoses*, & &amp; <b>bold</b>\nsecond line <script>alert(1)</script>"

    private func awkwardPanel() throws -> (PanelDocument, CellKey) {
        var doc = try seedPanel()
        let key = CellKey(criterion: doc.framework.criteria[2].id, dimension: doc.framework.dimensions[4].id)
        doc.framework[key] = Self.awkward
        doc.framework.criteria[5].name = "Suff|iciency"
        doc.questions[1].text = "Line one\nLine two with _under_ and `code`"
        return (doc, key)
    }

    private func markdownHeadings(_ md: ExportParserScripts.Markdown, level: Int) -> [String] {
        md.headings.compactMap { h -> String? in
            guard h.count == 2, h[0] == .level(level), case .text(let t) = h[1] else { return nil }
            return t
        }
    }

    // MARK: Markdown

    func testMarkdownFrameworkIsOneTableOfSevenRowsBySixColumns() throws {
        let md = try Python.json(ExportParserScripts.Markdown.self, ExportParserScripts.markdown,
                                 input: MarkdownExporter.export(seedPanel()))
        XCTAssertEqual(md.tables.count, 2, "the framework and the next steps")
        let grid = md.tables[0]
        XCTAssertEqual(grid.count, 7)
        XCTAssertTrue(grid.allSatisfy { $0.count == 6 })
        XCTAssertEqual(grid[0], [""] + SeedReport.seedDimensions)
        XCTAssertEqual(Array(grid.dropFirst()), SeedReport.expectedGrid)
        XCTAssertEqual(md.html, [], "no raw HTML blocks")
    }

    func testMarkdownKeepsAwkwardTextInsideItsCell() throws {
        let (doc, _) = try awkwardPanel()
        let md = try Python.json(ExportParserScripts.Markdown.self, ExportParserScripts.markdown,
                                 input: MarkdownExporter.export(doc))
        let grid = md.tables[0]
        XCTAssertEqual(grid.count, 7)
        XCTAssertTrue(grid.allSatisfy { $0.count == 6 }, "a pipe or line break never splits the table")
        XCTAssertEqual(grid[3][5], Self.awkward)
        XCTAssertEqual(grid[6][0], "Suff|iciency")
        let question = md.paragraphs.first { $0.hasPrefix("Line one") }
        XCTAssertEqual(question, "Line one\nLine two with _under_ and `code`")
    }

    func testMarkdownHasTheShapeOfTheReport() throws {
        let md = try Python.json(ExportParserScripts.Markdown.self, ExportParserScripts.markdown,
                                 input: MarkdownExporter.export(seedPanel()))
        XCTAssertEqual(markdownHeadings(md, level: 1), ["Special Educational Needs and Disabilities (SEND) Provision Panel Update"])
        XCTAssertEqual(markdownHeadings(md, level: 2), [
            "1. Purpose of Report", "2. Interviews carried out so far", "3. Meetings attended", "4. Analytical Framework",
            "5. Suggested questions for further investigation", "6. Next steps as agreed by the panel",
            "7. Finance Comments of the Executive Director Corporate Services",
            "8. Legal Comments of the Borough Solicitor", "9. Environmental Implications",
        ])
        XCTAssertTrue(md.items.contains("For submission to: Children, Schools and Families Scrutiny Committee"))
        XCTAssertTrue(md.items.contains("Contact officer: Hannah Raffin, Project Manager - Children's Social Care, Supporting People Strategy, London Borough of Camden, 5 Pancras Square, London, N1C 4AG, 020 7974 2977, hannah.raffin@camden.gov.uk"))
        XCTAssertTrue(md.paragraphs.contains("Signed: Councillor Sylvia McNamara\nDate: 1 March 2024"))
        let next = md.tables[1]
        XCTAssertEqual(next[0], ["Activity", "Dates"])
        XCTAssertEqual(next.map(\.first!), ["Activity"] + SeedReport.nextSteps.prefix(8).map(\.0) + ["To be scheduled"]
                       + SeedReport.nextSteps.suffix(3).map(\.0))
    }

    /// Import the seed, export Markdown: every cell's and question's text word for word, every
    /// dated schedule item with its date.
    func testRoundTripFromTheSeedReport() throws {
        let markdown = try MarkdownExporter.export(seedPanel())
        for row in SeedReport.seedGrid { for text in row.cells where !text.isEmpty {
            XCTAssertTrue(markdown.contains("| \(text) |"), "cell text missing: \(text)")
        } }
        for q in SeedReport.seedQuestions {
            XCTAssertTrue(markdown.contains("### \(q.number). \(q.title)\n\n\(q.text)\n"), "question \(q.number)")
        }
        let longDate = { (iso: String) in CalendarDate(iso: iso)!.longForm }
        for (title, date) in SeedReport.interviews + SeedReport.meetings.map({ ($0.0, Optional($0.1)) }) {
            XCTAssertTrue(markdown.contains("\n- \(title)\(date.map { " on " + longDate($0) } ?? "")\n"), title)
        }
        for (title, _, date) in SeedReport.nextSteps {
            XCTAssertTrue(markdown.contains("\n| \(title) | \(date.map { longDate($0) + " " } ?? " ")|\n"), title)
        }

        // And as a reader sees it, through the parser.
        let md = try Python.json(ExportParserScripts.Markdown.self, ExportParserScripts.markdown, input: markdown)
        XCTAssertEqual(markdownHeadings(md, level: 3), SeedReport.seedQuestions.map { "\($0.number). \($0.title)" })
        for q in SeedReport.seedQuestions { XCTAssertTrue(md.paragraphs.contains(q.text), q.title) }
        XCTAssertTrue(md.items.contains("Camden Special Parents Forum on 6 December 2023"))
        XCTAssertTrue(md.items.contains("SEND engagement and quality"))
        XCTAssertTrue(md.tables[1].contains(["Special Parents Forum 2", "6 March 2024"]))
    }

    func testMarkdownEscapesOnlyWhatWouldBeMarkup() {
        XCTAssertEqual(MarkdownExporter.inline("a*b_c [d] <e> |f| ~g~ \\h"), "a\\*b\\_c \\[d\\] \\<e\\> \\|f\\| \\~g\\~ \\\\h")
        XCTAssertEqual(MarkdownExporter.inline("Schools & Families &amp; &#39;"), "Schools & Families \\&amp; \\&#39;")
        XCTAssertEqual(MarkdownExporter.inline("'quoted' (SEND) 5.1. - dash"), "'quoted' (SEND) 5.1. - dash")
        XCTAssertEqual(MarkdownExporter.cell("a|b\nc"), "a\\|b<br>c")
        XCTAssertEqual(MarkdownExporter.block("1. Not a list\n+ nor this"), "1\\. Not a list\\\n\\+ nor this")
    }

    // MARK: HTML

    func testHTMLIsValidHasNoScriptsAndARealTable() throws {
        let (doc, _) = try awkwardPanel()
        let page = HTMLExporter.export(doc)
        let html = try Python.json(ExportParserScripts.HTML.self, ExportParserScripts.html, input: page)
        XCTAssertEqual(html.errors, [])
        XCTAssertFalse(html.tags.contains("script"))
        XCTAssertFalse(html.tags.contains("link"))
        XCTAssertFalse(html.tags.contains("img"))
        XCTAssertEqual(html.active, [], "no event handlers, no external resources")
        XCTAssertTrue(html.tags.contains("style"))
        XCTAssertEqual(html.title, "Special Educational Needs and Disabilities (SEND) Provision Panel Update")

        let grid = try XCTUnwrap(html.tables["framework"])
        XCTAssertEqual(grid.header, [""] + SeedReport.seedDimensions)
        XCTAssertEqual(grid.headerTags, ["td", "th", "th", "th", "th", "th"])
        XCTAssertEqual(grid.rows.count, 6)
        var expected = SeedReport.expectedGrid
        expected[2][5] = Self.awkward
        expected[5][0] = "Suff|iciency"
        XCTAssertEqual(grid.rows, expected.map { row in ["th:" + row[0]] + row.dropFirst().map { "td:" + $0 } })
        XCTAssertTrue(html.paragraphs.contains("Line one\nLine two with _under_ and `code`"))
        XCTAssertEqual(html.h3.first, "5.1. ENG and Clusters")

        let next = try XCTUnwrap(html.tables["next-steps"])
        XCTAssertEqual(next.header, ["Activity", "Dates"])
        XCTAssertTrue(next.rows.contains(["th:To be scheduled"]))
        XCTAssertTrue(next.rows.contains(["td:Royal Free Hospital visit", "td:9 February 2024"]))
    }

    func testHTMLEscapesEveryText() {
        XCTAssertEqual(HTMLExporter.escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        var doc = PanelDocument()
        doc.panel.reportTitle = "</title><script>x</script>"
        doc.panel.sections = [ReportSection(id: "s", title: "<b>", text: "- <i>\n- two", placement: .opening)]
        let page = HTMLExporter.export(doc)
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertTrue(page.contains("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"))
        XCTAssertTrue(page.contains("<h2>1. &lt;b&gt;</h2>"))
        XCTAssertTrue(page.contains("<ul><li>&lt;i&gt;</li><li>two</li></ul>"))
    }

    // MARK: CSV

    func testCSVReadsBackTheSameGrid() throws {
        let (doc, _) = try awkwardPanel()
        let text = CSVExporter.export(doc)
        let rows = try Python.json([[String]].self, ExportParserScripts.csv, input: text)
        var expected = SeedReport.expectedGrid
        expected[2][5] = Self.awkward
        expected[5][0] = "Suff|iciency"
        XCTAssertEqual(rows, [[""] + SeedReport.seedDimensions] + expected)
    }

    func testCSVIsRFC4180() throws {
        var doc = PanelDocument()
        doc.framework = Framework(criteria: [AxisItem(id: "c", name: "Equity")],
                                  dimensions: [AxisItem(id: "d", name: "Cost, \"real\""), AxisItem(id: "e", name: "Plain")])
        doc.framework["c", "d"] = "two\nlines"
        XCTAssertEqual(CSVExporter.export(doc), ",\"Cost, \"\"real\"\"\",Plain\r\nEquity,\"two\nlines\",\r\n")
        let withBOM = CSVExporter.export(doc, byteOrderMark: true)
        XCTAssertEqual(Array(withBOM.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        let rows = try Python.json([[String]].self, ExportParserScripts.csv, input: withBOM)
        XCTAssertEqual(rows, [["", "Cost, \"real\"", "Plain"], ["Equity", "two\nlines", ""]])
    }

    // MARK: Formats

    func testFormatsByNameAndWhatTheyRender() throws {
        XCTAssertEqual(ExportFormat(name: "MD"), .markdown)
        XCTAssertEqual(ExportFormat(name: "htm"), .html)
        XCTAssertNil(ExportFormat(name: "xls"))
        XCTAssertEqual(ExportFormat.allCases.map(\.fileExtension), ["md", "html", "csv", "json"])
        let doc = try seedPanel()
        XCTAssertEqual(Data(ExportFormat.json.render(doc).utf8), PanelStore.encode(doc))
        XCTAssertEqual(ExportFormat.markdown.render(doc), MarkdownExporter.export(doc))
        XCTAssertEqual(ExportFormat.csv.render(doc, byteOrderMark: true), CSVExporter.export(doc, byteOrderMark: true))
    }

    // MARK: Outline

    func testOutlineOrdersPartsAndDefaultsTitles() {
        var doc = PanelDocument()
        doc.framework = Framework(criteria: [AxisItem(id: "c", name: "Equity")], dimensions: [AxisItem(id: "d", name: "Cost")])
        doc.schedule = [
            ScheduleItem(id: "a", kind: .visit, title: "Later visit", date: CalendarDate(year: 2024, month: 5, day: 2)),
            ScheduleItem(id: "b", kind: .survey, title: "Survey"),
            ScheduleItem(id: "c", kind: .visit, title: "Earlier visit", date: CalendarDate(year: 2024, month: 4, day: 1),
                         endDate: CalendarDate(year: 2024, month: 4, day: 3)),
            ScheduleItem(id: "d", kind: .interview, title: "Officer", status: .held),
            ScheduleItem(id: "e", kind: .forum, title: "Dropped", status: .cancelled),
        ]
        doc.panel.sections = [ReportSection(id: "x", title: "Finance", text: "None.", placement: .closing)]
        let outline = ReportOutline(doc)
        XCTAssertEqual(outline.parts.map { "\($0.number). \($0.title)" },
                       ["1. Interviews carried out so far", "2. Analytical Framework", "3. Next steps", "4. Finance"])
        guard case let .nextSteps(dated, unscheduled) = outline.parts[2].body else { return XCTFail("next steps") }
        XCTAssertEqual(dated.map(\.title), ["Earlier visit", "Later visit"])
        XCTAssertEqual(unscheduled.map(\.title), ["Survey"])
        XCTAssertEqual(ReportOutline.dates(of: dated[0]), "1 April 2024 – 3 April 2024")
    }
}

/// The next cycle starts from the last report Scrutiny wrote: its Markdown imports back.
final class MarkdownReimportTests: XCTestCase {
    func testTheMarkdownExportImportsBackToTheSamePanel() throws {
        let seed = try SeedReport.imported().document
        let report = try SeedReport.read(MarkdownExporter.export(seed), file: "update.md")
        XCTAssertEqual(report.warnings, [])
        let doc = report.document
        XCTAssertEqual(doc.panel.reportTitle, seed.panel.reportTitle)
        XCTAssertEqual(doc.panel.authority, seed.panel.authority)
        XCTAssertEqual(doc.panel.summary, seed.panel.summary)
        XCTAssertEqual(doc.panel.accessToInformation, seed.panel.accessToInformation)
        XCTAssertEqual(doc.panel.contact, seed.panel.contact)
        XCTAssertEqual(doc.panel.chair, seed.panel.chair)
        XCTAssertEqual(doc.panel.reportDate, seed.panel.reportDate)
        XCTAssertEqual(doc.panel.signedDate, seed.panel.signedDate)
        XCTAssertEqual(doc.panel.sections.map(\.title), seed.panel.sections.map(\.title))
        XCTAssertEqual(doc.panel.sections.map(\.text), seed.panel.sections.map(\.text))
        XCTAssertEqual(SeedReport.grid(doc.framework), SeedReport.expectedGrid)
        XCTAssertEqual(doc.questions.map(\.text), seed.questions.map(\.text))
        XCTAssertEqual(doc.questions.map(\.number), seed.questions.map(\.number))
        let key = { (s: ScheduleItem) in "\(s.kind) \(s.status) \(s.title) \(s.date?.iso ?? "-")" }
        XCTAssertEqual(doc.schedule.map(key), seed.schedule.map(key))
        XCTAssertEqual(PanelValidator.problems(in: doc), [])
        // Merged into the panel it came from, it changes nothing.
        XCTAssertTrue(ImportMerge.edit(into: seed, from: doc).edit.isNoOp)
    }

    func testAwkwardCellsSurviveTheTrip() throws {
        var seed = try SeedReport.imported().document
        let key = CellKey(criterion: seed.framework.criteria[0].id, dimension: seed.framework.dimensions[0].id)
        seed.framework[key] = "a | b *c* \\ d\nsecond line"
        let report = try SeedReport.read(MarkdownExporter.export(seed), file: "update.md")
        XCTAssertEqual(report.document.framework.cells.values.sorted(), seed.framework.cells.values.sorted())
    }
}
