import Foundation
import XCTest
@testable import PanelModel

/// The example template is the seed report, complete and exact. The report's own text is parsed
/// here (its tables are tab-separated) and compared with the template, so a typo in either shows.
final class ExampleTemplateTests: XCTestCase {
    private let seed = Fixture.seedReport
    private let example = PanelTemplates.example
    private var lines: [String] { seed.components(separatedBy: "\n") }

    /// The lines after the one equal to `heading`, up to the next blank-then-numbered heading.
    private func bullets(after heading: String) -> [String] {
        guard let start = lines.firstIndex(of: heading) else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("3. ") && !$0.hasPrefix("4. ") }
            .filter { $0.hasPrefix("- ") }
            .map { String($0.dropFirst(2)) }
    }

    func testTheFixtureIsThere() {
        XCTAssertTrue(seed.hasSuffix("REPORT ENDS"), "Tests/Fixtures/send-panel-update-2024-03.txt is missing or changed")
    }

    func testScheduleCounts() {
        let s = example.schedule
        XCTAssertEqual(s.count, 22)
        XCTAssertEqual(s.filter { $0.kind == .interview }.count, 9)
        XCTAssertEqual(s.filter { $0.kind == .interview && $0.date != nil }.count, 8)
        XCTAssertEqual(s.filter { $0.kind == .meeting && $0.status == .held }.count, 2)
        XCTAssertEqual(s.filter { $0.status == .planned && $0.date != nil }.count, 8)
        XCTAssertEqual(s.filter { $0.status == .planned && $0.date == nil }.count, 3)
        XCTAssertTrue(s.allSatisfy { $0.endDate == nil && $0.time == nil && $0.who == nil && $0.details == nil })
    }

    func testInterviewsAreTheReportsWithTheirDates() throws {
        let expected = bullets(after: "2. Interviews carried out so far").map { line -> (String, CalendarDate?) in
            guard let on = line.range(of: " on ", options: .backwards) else { return (line, nil) }
            return (String(line[..<on.lowerBound]), HumanDate.parse(String(line[on.upperBound...])))
        }
        XCTAssertEqual(expected.count, 9)
        let interviews = example.schedule.filter { $0.kind == .interview }
        XCTAssertEqual(interviews.map(\.title), expected.map(\.0))
        XCTAssertEqual(interviews.map(\.date), expected.map(\.1))
        XCTAssertTrue(interviews.allSatisfy { $0.status == .held })
        XCTAssertEqual(interviews[0].date?.longForm, "3 October 2023")
        XCTAssertEqual(interviews[7].title, "SEND engagement and quality")
        XCTAssertNil(interviews[7].date)
    }

    func testMeetingsAttended() throws {
        let expected = bullets(after: "3. Meetings attended").map { line -> (String, CalendarDate?) in
            let text = line.replacing(#/^2\.[12]\. /#, with: "")
            let on = text.range(of: " on ", options: .backwards)!
            return (String(text[..<on.lowerBound]), HumanDate.parse(String(text[on.upperBound...])))
        }
        let meetings = example.schedule.filter { $0.kind == .meeting && $0.status == .held }
        XCTAssertEqual(meetings.map(\.title), expected.map(\.0))
        XCTAssertEqual(meetings.map(\.date), expected.map(\.1))
        XCTAssertEqual(meetings.map(\.title), ["SENDCOs meeting - Questions and Answers session",
                                               "Autism Partnership Board - Observed and spoke about the special panel"])
    }

    func testNextStepsActivitiesAndToBeScheduled() throws {
        let start = try XCTUnwrap(lines.firstIndex(of: "Activity\tDates (February – March 2024)"))
        let tbs = try XCTUnwrap(lines.firstIndex(of: "To be scheduled\t"))
        let dated = lines[(start + 1)..<tbs].map { $0.components(separatedBy: "\t") }
        let undated = lines[(tbs + 1)...].prefix { !$0.isEmpty }.map { $0.replacingOccurrences(of: "\t", with: "") }

        let planned = example.schedule.filter { $0.status == .planned }
        XCTAssertEqual(planned.count, 11)
        XCTAssertEqual(planned.prefix(8).map(\.title), dated.map { $0[0] })
        XCTAssertEqual(planned.prefix(8).map(\.date), dated.map { HumanDate.parse($0[1]) })
        XCTAssertEqual(planned.prefix(8).map(\.kind),
                       [.forum, .visit, .forum, .visit, .visit, .forum, .meeting, .workshop])
        XCTAssertEqual(planned.suffix(3).map(\.title), undated)
        XCTAssertEqual(planned.suffix(3).map(\.kind), [.survey, .other, .visit])
        XCTAssertTrue(planned.suffix(3).allSatisfy(\.isUnscheduled))
        XCTAssertEqual(planned[5].date?.iso, "2024-03-06")
    }

    func testTheWholeFrameworkMatchesTheReportsTable() throws {
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("\tDiagnosis\t") })
        let dimensions = Array(lines[header].components(separatedBy: "\t").dropFirst())
        let rows = lines[(header + 1)...].prefix { !$0.isEmpty }.map { $0.components(separatedBy: "\t") }
        let framework = example.framework

        XCTAssertEqual(framework.dimensions.map(\.name), dimensions)
        XCTAssertEqual(framework.criteria.map(\.name), rows.map { $0[0] })
        XCTAssertEqual(framework.criteria.count, 6)
        XCTAssertEqual(framework.dimensions.count, 5)
        for (row, criterion) in zip(rows, framework.criteria) {
            XCTAssertEqual(row.count, 6, "row \(row[0]) has a cell for each dimension")
            for (text, dimension) in zip(row.dropFirst(), framework.dimensions) {
                XCTAssertEqual(framework[criterion.id, dimension.id], text, "\(criterion.name) × \(dimension.name)")
            }
        }
        XCTAssertEqual(framework.cells.count, 20, "10 of the 30 cells are empty in the report")
        XCTAssertEqual(framework["crit-efficiency", "dim-diagnosis"],
                       "Diagnosis and assessment are slower than wished, and sometimes not available to all families.")
        XCTAssertEqual(framework["crit-equity", "dim-mild-moderate-severe-need"], "")
        XCTAssertTrue(framework["crit-effectiveness", "dim-mild-moderate-severe-need"].hasSuffix("Family payment"))
    }

    func testTheEightQuestionsWithTitlesAndText() throws {
        var expected: [(number: String, title: String, text: String)] = []
        for (i, line) in lines.enumerated() {
            guard let m = line.wholeMatch(of: /(5\.[1-8])\. (.+)/) else { continue }
            expected.append((String(m.1), String(m.2), lines[i + 2]))
        }
        XCTAssertEqual(expected.count, 8)
        XCTAssertEqual(example.questions.map(\.number), expected.map(\.number))
        XCTAssertEqual(example.questions.map(\.title), [
            "ENG and Clusters", "Equity", "Quality and consistency", "Outcomes", "What is missing?",
            "Information and communication", "What can be done to educate, support and empower parents?",
            "Addressing trauma",
        ])
        XCTAssertEqual(example.questions.map(\.title), expected.map(\.title))
        XCTAssertEqual(example.questions.map(\.text), expected.map(\.text))
        XCTAssertEqual(example.questions.map(\.id), (1...8).map { "q-5-\($0)" })
        XCTAssertTrue(example.questions.allSatisfy { $0.status == .open })
        XCTAssertTrue(example.questions[2].text.contains("several times – currently"), "the en dash is kept")
    }

    func testTheHeaderBlock() throws {
        let panel = example.panel
        XCTAssertEqual(panel.title, "SEND Provision Scrutiny Panel")
        XCTAssertEqual(panel.authority, "London Borough of Camden")
        XCTAssertEqual(panel.wards, "All")
        XCTAssertEqual(panel.committee, "Children, Schools and Families Scrutiny Committee")
        XCTAssertEqual(panel.reportTitle, "Special Educational Needs and Disabilities (SEND) Provision Panel Update")
        XCTAssertEqual(panel.reportOf, "Chair of the SEND Provision Panel")
        XCTAssertEqual(panel.chair, "Councillor Sylvia McNamara")
        XCTAssertEqual(panel.reportDate?.longForm, "13 March 2024")
        XCTAssertEqual(panel.signedDate?.longForm, "1 March 2024")
        XCTAssertEqual(panel.recommendation, "The Committee is asked to comment on and note the report.")
        XCTAssertEqual(panel.contact.name, "Hannah Raffin")
        XCTAssertEqual(panel.contact.role, "Project Manager - Children's Social Care, Supporting People Strategy")
        XCTAssertEqual(panel.contact.phone, "020 7974 2977")
        XCTAssertEqual(panel.contact.email, "hannah.raffin@camden.gov.uk")
        // The summary line of the report is these fields, in this order, exactly.
        let summaryLine = try XCTUnwrap(lines.first { $0.hasPrefix("SUMMARY OF REPORT ") })
        XCTAssertEqual(summaryLine,
                       "SUMMARY OF REPORT \(panel.summary) Local Government Act 1972 – Access to Information "
                       + "\(panel.accessToInformation) Contact Officer: \(panel.contact.name), \(panel.contact.role), "
                       + "\(panel.contact.address) \(panel.contact.phone) / \(panel.contact.email)\t")
        XCTAssertTrue(lines.contains("FOR SUBMISSION TO \(panel.committee)\tDATE 13 March 2024"))
        XCTAssertTrue(lines.contains("REPORT TITLE \(panel.reportTitle)\t"))
        XCTAssertTrue(lines.contains("REPORT OF \(panel.reportOf)\t"))
        XCTAssertTrue(lines.contains("RECOMMENDATION \(panel.recommendation)\t"))
        XCTAssertTrue(lines.contains("Signed:") && lines.contains(panel.chair) && lines.contains("Date: 1 March 2024"))
    }

    func testTheProseSectionsAndWhereTheyStand() throws {
        let sections = example.panel.sections
        XCTAssertEqual(sections.map(\.title), [
            "Purpose of Report", "Analytical Framework", "Next steps as agreed by the panel",
            "Finance Comments of the Executive Director Corporate Services", "Legal Comments of the Borough Solicitor",
            "Environmental Implications",
        ])
        XCTAssertEqual(sections.map(\.placement), [.opening, .framework, .nextSteps, .closing, .closing, .closing])
        // Every paragraph is a line of the report (numbered paragraphs are "- 1.1. …" bullets there).
        for section in sections {
            for paragraph in section.text.components(separatedBy: "\n\n") {
                XCTAssertTrue(lines.contains(paragraph) || lines.contains("- " + paragraph),
                              "“\(paragraph)” is not in the report")
            }
        }
        XCTAssertEqual(sections[0].text.components(separatedBy: "\n\n").map { String($0.prefix(5)) }, ["1.1. ", "1.2. "])
        XCTAssertEqual(sections[2].text.components(separatedBy: "\n\n").map { String($0.prefix(5)) }, ["6.1. ", "6.2. "])
    }

    func testNoNotesAndReadableIds() {
        XCTAssertTrue(example.notes.isEmpty)
        XCTAssertEqual(example.framework.criteria.map(\.id), [
            "crit-effectiveness", "crit-efficiency", "crit-equity", "crit-accountability", "crit-appropriacy",
            "crit-sufficiency",
        ])
        XCTAssertEqual(example.framework.dimensions.map(\.id), [
            "dim-diagnosis", "dim-provision-funding", "dim-outcomes", "dim-mild-moderate-severe-need", "dim-institutions",
        ])
        XCTAssertTrue(example.schedule.allSatisfy { $0.id.hasPrefix("sched-") })
        XCTAssertEqual(PanelValidator.problems(in: example), [])
    }

    func testBlankHasTheSameGridAndNothingElse() {
        let blank = PanelTemplates.blank
        XCTAssertEqual(blank.framework.criteria, example.framework.criteria)
        XCTAssertEqual(blank.framework.dimensions, example.framework.dimensions)
        XCTAssertTrue(blank.framework.cells.isEmpty)
        XCTAssertEqual(blank.panel, PanelInfo())
        XCTAssertTrue(blank.schedule.isEmpty && blank.questions.isEmpty && blank.notes.isEmpty)
        XCTAssertEqual(PanelTemplates.named("blank"), blank)
        XCTAssertEqual(PanelTemplates.named("example"), example)
        XCTAssertNil(PanelTemplates.named("other"))
    }
}
