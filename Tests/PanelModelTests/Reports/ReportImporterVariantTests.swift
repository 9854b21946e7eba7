import XCTest
@testable import PanelModel

/// Other panels' reports, made here from the seed: reordered, renumbered and retitled
/// sections, other rows and columns, other line ends and date styles, missing parts. Each must
/// give the same content (or exactly the changed content), with no warnings unless a line
/// truly fits nowhere.
final class ReportImporterVariantTests: XCTestCase {
    // MARK: Editing the seed

    /// The seed split at its numbered section headings: the preamble, then each section's lines.
    private func seedParts() throws -> (preamble: [String], sections: [[String]], ending: [String]) {
        var lines = try SeedReport.text.components(separatedBy: "\n")
        let end = lines.firstIndex(of: "REPORT ENDS")!
        let ending = Array(lines[end...])
        lines = Array(lines[..<end])
        var preamble: [String] = []
        var sections: [[String]] = []
        for line in lines {
            if line.range(of: #"^\d+\. "#, options: .regularExpression) != nil {
                sections.append([line])
            } else if sections.isEmpty {
                preamble.append(line)
            } else {
                sections[sections.count - 1].append(line)
            }
        }
        return (preamble, sections, ending)
    }

    private func join(_ preamble: [String], _ sections: [[String]], _ ending: [String]) -> String {
        (preamble + sections.joined() + ending).joined(separator: "\n")
    }

    private func replacing(_ pairs: [(String, String)]) throws -> String {
        var text = try SeedReport.text
        for (old, new) in pairs {
            XCTAssertTrue(text.contains(old), "the seed no longer contains “\(old)”")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// The framework table's lines, each padded to the header's 6 fields.
    private func frameworkRows(_ text: String) -> (before: String, rows: [[String]], after: String) {
        let lines = text.components(separatedBy: "\n")
        let start = lines.firstIndex { $0.hasPrefix("\tDiagnosis") }!
        let rows = lines[start..<(start + 7)].map { line -> [String] in
            var cells = line.components(separatedBy: "\t")
            while cells.count < 6 { cells.append("") }
            return Array(cells.prefix(6))
        }
        return (lines[..<start].joined(separator: "\n") + "\n", rows,
                "\n" + lines[(start + 7)...].joined(separator: "\n"))
    }

    private func assertSameContentAsSeed(_ report: ImportedReport, file: StaticString = #filePath, line: UInt = #line) throws {
        let seed = try SeedReport.imported().document
        let doc = report.document
        XCTAssertEqual(report.warnings, [], file: file, line: line)
        XCTAssertEqual(SeedReport.grid(doc.framework), SeedReport.expectedGrid, file: file, line: line)
        XCTAssertEqual(doc.framework.dimensions.map(\.name), SeedReport.seedDimensions, file: file, line: line)
        XCTAssertEqual(doc.questions.map(\.title), seed.questions.map(\.title), file: file, line: line)
        XCTAssertEqual(doc.questions.map(\.text), seed.questions.map(\.text), file: file, line: line)
        let key = { (s: ScheduleItem) in "\(s.kind) \(s.status) \(s.title) \(s.date?.iso ?? "-")" }
        XCTAssertEqual(Set(doc.schedule.map(key)), Set(seed.schedule.map(key)), file: file, line: line)
        XCTAssertEqual(doc.schedule.count, 22, file: file, line: line)
        XCTAssertEqual(doc.panel.contact, seed.panel.contact, file: file, line: line)
        XCTAssertEqual(doc.notes, [], file: file, line: line)
    }

    // MARK: Sections

    func testSectionsReordered() throws {
        let (preamble, s, ending) = try seedParts()
        XCTAssertEqual(s.count, 9)
        let reordered = [s[5], s[0], s[4], s[3], s[2], s[1], s[6], s[7], s[8]]
        let report = try SeedReport.read(join(preamble, reordered, ending))
        try assertSameContentAsSeed(report)
        XCTAssertEqual(report.document.panel.sections.count, 7)
    }

    func testSectionsRenumberedAndRetitled() throws {
        var text = try replacing([
            ("2. Interviews carried out so far", "12. People the panel has heard from"),
            ("3. Meetings attended", "13. Events observed"),
            ("4. Analytical Framework", "14. Emerging findings"),
            ("5. Suggested questions for further investigation", "15. Lines of enquiry"),
            ("6. **Next steps as agreed by the panel**", "16. Programme for the spring"),
            ("1. Purpose of Report", "11. Why this report"),
        ])
        for n in 1...8 { text = text.replacingOccurrences(of: "\n5.\(n). ", with: "\n15.\(n). ") }
        let report = try SeedReport.read(text)
        try assertSameContentAsSeed(report)
        XCTAssertEqual(report.document.questions.map(\.number), (1...8).map { "15.\($0)" })
        let sections = report.document.panel.sections
        XCTAssertEqual(sections.map(\.title), ["Why this report", "Emerging findings", "Lines of enquiry",
                                               "Programme for the spring",
                                               "Finance Comments of the Executive Director Corporate Services",
                                               "Legal Comments of the Borough Solicitor", "Environmental Implications"])
        XCTAssertEqual(sections.map(\.placement), [.opening, .framework, .questions, .nextSteps, .closing, .closing, .closing])
    }

    func testMissingFrameworkTable() throws {
        let (before, _, after) = frameworkRows(try SeedReport.text)
        let report = try SeedReport.read(before + after.dropFirst())
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.framework, Framework())
        XCTAssertEqual(report.document.questions.count, 8)
        XCTAssertEqual(report.document.schedule.count, 22)
        // The introduction stays, as prose.
        XCTAssertTrue(report.document.panel.sections.contains { $0.title == "Analytical Framework" && $0.text.hasPrefix("- 4.1.") })
    }

    func testMissingQuestionList() throws {
        let (preamble, s, ending) = try seedParts()
        let report = try SeedReport.read(join(preamble, s.filter { !$0[0].hasPrefix("5.") }, ending))
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.questions, [])
        XCTAssertEqual(SeedReport.grid(report.document.framework), SeedReport.expectedGrid)
        XCTAssertEqual(report.document.schedule.count, 22)
    }

    func testMissingHeaderAndSchedule() throws {
        let (_, s, ending) = try seedParts()
        let report = try SeedReport.read(join([], [s[3]], ending))
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.panel.title, "")
        XCTAssertEqual(report.document.schedule, [])
        XCTAssertEqual(SeedReport.grid(report.document.framework), SeedReport.expectedGrid)
    }

    func testSubheadingsOutsideTheQuestionListStayProse() throws {
        let text = try replacing([("The Director of Finance has no comment to make in the context of this report.",
                                   "7.1. Revenue\n\nNo comment.\n\n7.2. Capital\n\nNone either.")])
        let report = try SeedReport.read(text)
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.questions.count, 8)
        let finance = report.document.panel.sections.first { $0.title.hasPrefix("Finance") }
        XCTAssertEqual(finance?.text, "7.1. Revenue\n\nNo comment.\n\n7.2. Capital\n\nNone either.")
        XCTAssertEqual(finance?.placement, .closing)
    }

    func testANumberedListWithoutBullets() throws {
        let report = try SeedReport.read(try replacing([
            ("- 2.1. SENDCOs meeting", "2.1. SENDCOs meeting"),
            ("- 2.2. Autism Partnership Board", "2.2. Autism Partnership Board"),
        ]))
        try assertSameContentAsSeed(report)
    }

    func testProseStartingWithANumberIsNotAHeading() throws {
        let report = try SeedReport.read(try replacing([
            ("The Director of Finance has no comment", "10 schools replied.\nThe Director of Finance has no comment"),
            ("\tDiagnosis\tProvision", "Criteria / dimensions\tDiagnosis\tProvision"),
        ]))
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.panel.sections.first { $0.title.hasPrefix("Finance") }?.text,
                       "10 schools replied.\nThe Director of Finance has no comment to make in the context of this report.")
        XCTAssertEqual(SeedReport.grid(report.document.framework), SeedReport.expectedGrid, "a labelled corner cell")
    }

    func testAHeaderValueOnTheLineAfterItsLabel() throws {
        let report = try SeedReport.read(try replacing([
            ("REPORT TITLE Special Educational", "REPORT TITLE\nSpecial Educational"),
        ]))
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.panel.reportTitle, "Special Educational Needs and Disabilities (SEND) Provision Panel Update")
    }

    // MARK: Rows and columns

    func testColumnRemoved() throws {
        let (before, rows, after) = frameworkRows(try SeedReport.text)
        let without = rows.map { row in row.enumerated().filter { $0.offset != 3 }.map(\.element) }
        let report = try SeedReport.read(before + without.map { $0.joined(separator: "\t") }.joined(separator: "\n") + after)
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.framework.dimensions.map(\.name),
                       ["Diagnosis", "Provision/ Funding", "Mild/ Moderate/ Severe need", "Institutions"])
        XCTAssertEqual(SeedReport.grid(report.document.framework),
                       SeedReport.expectedGrid.map { row in row.enumerated().filter { $0.offset != 3 }.map(\.element) })
    }

    func testRowRemoved() throws {
        let (before, rows, after) = frameworkRows(try SeedReport.text)
        let without = rows.filter { $0[0] != "Equity" }
        let report = try SeedReport.read(before + without.map { $0.joined(separator: "\t") }.joined(separator: "\n") + after)
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.framework.criteria.map(\.name),
                       ["Effectiveness", "Efficiency", "Accountability", "Appropriacy", "Sufficiency"])
        XCTAssertEqual(SeedReport.grid(report.document.framework), SeedReport.expectedGrid.filter { $0[0] != "Equity" })
    }

    func testColumnAndRowAdded() throws {
        let (before, rows, after) = frameworkRows(try SeedReport.text)
        var wider = rows.enumerated().map { i, row in row + [i == 0 ? "Workforce" : i == 2 ? "Too few educational psychologists." : ""] }
        wider.append(["Sustainability", "", "", "", "", "", "Staff turnover is high."])
        let report = try SeedReport.read(before + wider.map { $0.joined(separator: "\t") }.joined(separator: "\n") + after)
        XCTAssertEqual(report.warnings, [])
        let framework = report.document.framework
        XCTAssertEqual(framework.dimensions.map(\.name), SeedReport.seedDimensions + ["Workforce"])
        XCTAssertEqual(framework.criteria.count, 7)
        var expected = SeedReport.expectedGrid.enumerated().map { $0.element + [$0.offset == 1 ? "Too few educational psychologists." : ""] }
        expected.append(["Sustainability", "", "", "", "", "", "Staff turnover is high."])
        XCTAssertEqual(SeedReport.grid(framework), expected)
        XCTAssertEqual(PanelValidator.problems(in: report.document), [])
    }

    // MARK: Line ends, encodings, typography, dates

    func testCRLFAndByteOrderMarkReadTheSame() throws {
        let seed = try SeedReport.imported()
        let crlf = try SeedReport.read(SeedReport.text.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(crlf.document, seed.document)
        XCTAssertEqual(crlf.warnings, [])
        let bom = try SeedReport.read("\u{FEFF}" + SeedReport.text.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(bom.document, seed.document)
        XCTAssertEqual(bom.document.panel.authority, "London Borough of Camden")
    }

    func testListsAsWordSavesThemWithATabAfterTheMarker() throws {
        var text = try SeedReport.text
        for n in 1...9 { text = text.replacingOccurrences(of: "\n\(n). ", with: "\n\(n).\t") }
        for n in 1...8 { text = text.replacingOccurrences(of: "\n5.\(n). ", with: "\n5.\(n).\t") }
        text = text.replacingOccurrences(of: "\n- ", with: "\n•\t")
        let report = try SeedReport.read(text)
        try assertSameContentAsSeed(report)
        XCTAssertEqual(report.document.panel.sections.first?.text.hasPrefix("• 1.1. The purpose"), true)
    }

    func testUTF16AsWordSavesUnicodeText() throws {
        var data = Data([0xFF, 0xFE])
        data.append(try SeedReport.text.data(using: .utf16LittleEndian)!)
        let report = try ReportImporter.read(data, options: SeedReport.options)
        XCTAssertEqual(report.document, try SeedReport.imported().document)
    }

    func testOrdinalAndNumericDates() throws {
        let report = try SeedReport.read(try replacing([
            ("DATE 13 March 2024", "DATE 13th March 2024"),
            ("Date: 1 March 2024", "Date: 1/3/2024"),
            ("Camden Special Parents Forum on 6 December 2023", "Camden Special Parents Forum on 6th December 2023"),
            ("session on 14 December 2023", "session on 14th December 2023"),
            ("Special Parents Forum 2\t6 March 2024", "Special Parents Forum 2\t6/3/2024"),
            ("Netley School visit\t28 February 2024", "Netley School visit\t28th February 2024"),
        ]))
        try assertSameContentAsSeed(report)
        XCTAssertEqual(report.document.panel.reportDate?.iso, "2024-03-13")
        XCTAssertEqual(report.document.panel.signedDate?.iso, "2024-03-01")
    }

    func testDateRangesAndYearFromTheHeader() throws {
        let report = try SeedReport.read(try replacing([
            ("Netley School visit\t28 February 2024", "Netley School visit\t28 February – 1 March 2024"),
            ("Acland Burghley School visit\t4 March 2024", "Acland Burghley School visit\t4 Mar"),
            ("Special Parents Forum 2\t6 March 2024", "Special Parents Forum 2\t6-8 March 2024"),
        ]))
        XCTAssertEqual(report.warnings, [])
        let byTitle = Dictionary(uniqueKeysWithValues: report.document.schedule.map { ($0.title, $0) })
        XCTAssertEqual(byTitle["Netley School visit"]?.date?.iso, "2024-02-28")
        XCTAssertEqual(byTitle["Netley School visit"]?.endDate?.iso, "2024-03-01")
        XCTAssertEqual(byTitle["Acland Burghley School visit"]?.date?.iso, "2024-03-04", "the year comes from “Dates (February – March 2024)”")
        XCTAssertEqual(byTitle["Special Parents Forum 2"]?.date?.iso, "2024-03-06")
        XCTAssertEqual(byTitle["Special Parents Forum 2"]?.endDate?.iso, "2024-03-08")
    }

    func testTypographicQuotesAreKeptAndDoNotConfuseTheReader() throws {
        let text = try SeedReport.text.replacingOccurrences(of: "'", with: "’")
        let report = try SeedReport.read(text)
        XCTAssertEqual(report.warnings, [])
        XCTAssertTrue(report.document.schedule.contains { $0.title == "Children’s Integrated Commissioning" })
        XCTAssertEqual(report.document.questions.count, 8)
        XCTAssertEqual(report.document.framework.cells.count, 20)
        XCTAssertEqual(report.document.panel.contact.name, "Hannah Raffin")
    }

    // MARK: What fits nowhere is kept and reported

    func testUnplacedLinesBecomeNotesWithTheirLineNumbers() throws {
        let text = try replacing([
            ("RECOMMENDATION The Committee", "CONFIDENTIAL\tNot for publication\nRECOMMENDATION The Committee"),
            ("- SEND engagement and quality\n", "- SEND engagement and quality\nThe panel also read many papers.\n"),
            ("Sufficiency\tEvidently", "\tStray text under no criterion\t\t\t\t\nSufficiency\tEvidently"),
            ("Survey of SENDCOs and Headteachers\t", "Survey of SENDCOs and Headteachers\tSpring 2024"),
        ])
        let lines = text.components(separatedBy: "\n")
        func line(of prefix: String) -> Int { lines.firstIndex { $0.hasPrefix(prefix) }! + 1 }

        let report = try SeedReport.read(text, file: "panel.txt")
        XCTAssertEqual(report.warnings.map(\.line), [
            line(of: "CONFIDENTIAL"), line(of: "The panel also read"), line(of: "\tStray text"), line(of: "Survey of SENDCOs"),
        ])
        XCTAssertEqual(report.warnings[0].message,
                       "a header line the importer does not recognise; kept as an imported note: “CONFIDENTIAL Not for publication”")
        XCTAssertEqual(report.document.notes.map(\.text), [
            "CONFIDENTIAL\tNot for publication", "The panel also read many papers.", "Stray text under no criterion",
        ])
        XCTAssertEqual(report.document.notes.map(\.origin), [
            "import: panel.txt line \(line(of: "CONFIDENTIAL"))",
            "import: panel.txt line \(line(of: "The panel also read"))",
            "import: panel.txt line \(line(of: "\tStray text"))",
        ])
        XCTAssertTrue(report.document.notes.allSatisfy { $0.subject == nil && $0.at == SeedReport.options.now })
        XCTAssertEqual(PanelValidator.problems(in: report.document), [])
        // The unreadable date is kept with its item, which waits to be scheduled.
        let survey = report.document.schedule.first { $0.title == "Survey of SENDCOs and Headteachers" }
        XCTAssertEqual(survey?.details, "Dates: Spring 2024")
        XCTAssertNil(survey?.date)
        // Everything else is as in the seed.
        XCTAssertEqual(SeedReport.grid(report.document.framework), SeedReport.expectedGrid)
        XCTAssertEqual(report.document.panel.recommendation, "The Committee is asked to comment on and note the report.")
    }

    func testTextBeyondTheLastFrameworkColumnIsKept() throws {
        let text = try replacing([("Equity\tLack of data", "Equity\tLack of data")])
            .replacingOccurrences(of: "would lead to less unrest.\t\t", with: "would lead to less unrest.\t\t\tSee annex B")
        let report = try SeedReport.read(text)
        XCTAssertEqual(report.warnings.count, 1)
        XCTAssertEqual(report.document.notes.map(\.text), ["Equity: See annex B"])
        XCTAssertEqual(SeedReport.grid(report.document.framework), SeedReport.expectedGrid)
    }
}
