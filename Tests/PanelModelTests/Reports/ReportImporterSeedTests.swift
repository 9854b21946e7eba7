import XCTest
@testable import PanelModel

/// The seed report, read whole: every header field, every schedule item and date, all 30 cells
/// and all 8 questions, exactly as the report words them.
final class ReportImporterSeedTests: XCTestCase {
    func testHeaderFields() throws {
        let panel = try SeedReport.imported().document.panel
        XCTAssertEqual(panel.authority, "London Borough of Camden")
        XCTAssertEqual(panel.wards, "All")
        XCTAssertEqual(panel.title, "SEND Provision Scrutiny Panel")
        XCTAssertEqual(panel.reportTitle, "Special Educational Needs and Disabilities (SEND) Provision Panel Update")
        XCTAssertEqual(panel.reportOf, "Chair of the SEND Provision Panel")
        XCTAssertEqual(panel.committee, "Children, Schools and Families Scrutiny Committee")
        XCTAssertEqual(panel.reportDate, CalendarDate(year: 2024, month: 3, day: 13))
        XCTAssertEqual(panel.summary, "The purpose of the report is to update members of the Children, Schools and Families (CSF) Scrutiny committee regarding the progress so far of the SEND Provision Scrutiny Panel. It summarises the key findings from interviews up to December and outlines the next steps being followed up through interviews, workshop, and meetings this spring up to April.")
        XCTAssertEqual(panel.accessToInformation, "Local Government Act 1972 – Access to Information No documents that require listing have been used in the preparation of this report.")
        XCTAssertEqual(panel.recommendation, "The Committee is asked to comment on and note the report.")
        XCTAssertEqual(panel.chair, "Councillor Sylvia McNamara")
        XCTAssertEqual(panel.signedDate, CalendarDate(year: 2024, month: 3, day: 1))
    }

    func testContactOfficer() throws {
        let contact = try SeedReport.imported().document.panel.contact
        XCTAssertEqual(contact.name, "Hannah Raffin")
        XCTAssertEqual(contact.role, "Project Manager - Children's Social Care, Supporting People Strategy, London Borough of Camden")
        XCTAssertEqual(contact.address, "5 Pancras Square, London, N1C 4AG")
        XCTAssertEqual(contact.phone, "020 7974 2977")
        XCTAssertEqual(contact.email, "hannah.raffin@camden.gov.uk")
    }

    func testInterviewsAndMeetingsAreHeldWithTheirDates() throws {
        let schedule = try SeedReport.imported().document.schedule
        let interviews = schedule.filter { $0.kind == .interview }
        XCTAssertEqual(interviews.map(\.title), SeedReport.interviews.map(\.0))
        XCTAssertEqual(interviews.map { $0.date?.iso }, SeedReport.interviews.map(\.1))
        XCTAssertTrue(interviews.allSatisfy { $0.status == .held })

        let meetings = schedule.filter { $0.kind == .meeting }
        XCTAssertEqual(meetings.map(\.title), SeedReport.meetings.map(\.0))
        XCTAssertEqual(meetings.map { $0.date?.iso }, SeedReport.meetings.map(\.1))
        XCTAssertTrue(meetings.allSatisfy { $0.status == .held })
    }

    func testNextStepsWithDatesThenThreeToBeScheduled() throws {
        let planned = try SeedReport.imported().document.schedule.filter { $0.status == .planned }
        XCTAssertEqual(planned.map(\.title), SeedReport.nextSteps.map(\.0))
        XCTAssertEqual(planned.map(\.kind), SeedReport.nextSteps.map(\.1))
        XCTAssertEqual(planned.map { $0.date?.iso }, SeedReport.nextSteps.map(\.2))
        XCTAssertEqual(planned.filter(\.isUnscheduled).count, 3)
        XCTAssertTrue(planned.allSatisfy { $0.details == nil && $0.endDate == nil })
    }

    func testAllThirtyCellsExactly() throws {
        let framework = try SeedReport.imported().document.framework
        XCTAssertEqual(framework.dimensions.map(\.name), SeedReport.seedDimensions)
        XCTAssertEqual(framework.criteria.map(\.name),
                       ["Effectiveness", "Efficiency", "Equity", "Accountability", "Appropriacy", "Sufficiency"])
        let grid = SeedReport.grid(framework)
        XCTAssertEqual(grid.count * (grid[0].count - 1), 30)
        for (row, expected) in zip(grid, SeedReport.expectedGrid) {
            XCTAssertEqual(row, expected)
        }
        XCTAssertEqual(framework.cells.count, 20, "the 10 cells the report leaves empty stay empty")
        XCTAssertTrue(framework.orphanCells.isEmpty)
    }

    func testAllEightQuestions() throws {
        let questions = try SeedReport.imported().document.questions
        XCTAssertEqual(questions.count, 8)
        for (question, expected) in zip(questions, SeedReport.seedQuestions) {
            XCTAssertEqual(question.number, expected.number)
            XCTAssertEqual(question.title, expected.title)
            XCTAssertEqual(question.text, expected.text)
            XCTAssertEqual(question.status, .open)
        }
    }

    func testProseSectionsKeepTheirPlace() throws {
        let sections = try SeedReport.imported().document.panel.sections
        XCTAssertEqual(sections.map(\.title), [
            "Purpose of Report", "Analytical Framework", "Suggested questions for further investigation",
            "Next steps as agreed by the panel", "Finance Comments of the Executive Director Corporate Services",
            "Legal Comments of the Borough Solicitor", "Environmental Implications",
        ])
        XCTAssertEqual(sections.map(\.placement), [.opening, .framework, .questions, .nextSteps, .closing, .closing, .closing])
        XCTAssertEqual(sections[0].text, """
            - 1.1. The purpose of the report is to update members of the CSF Scrutiny committee regarding the progress so far of the SEND Provision Scrutiny Panel.
            - 1.2. It summarises the key findings from interviews up to December and outlines the next steps being followed up through interviews, workshop, and meetings this spring up to April. It is brought to the full CSF committee to receive comments and suggestions to inform the next stage of the research.
            """)
        XCTAssertEqual(sections[3].text, """
            6.1. The key next steps will be to meet with parents and schools to get their perspectives and to answer questions above and to triangulate findings.

            6.2. The table below outlines scheduled meeting attendance, visits and workshops; as well as other activities to be scheduled.
            """)
        XCTAssertEqual(sections[4].text, "The Director of Finance has no comment to make in the context of this report.")
    }

    func testTheSeedLeavesNothingUnplaced() throws {
        let report = try SeedReport.imported()
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.document.notes, [])
        XCTAssertEqual(PanelValidator.problems(in: report.document), [])
    }

    func testRandomIdsAreFreshAndValid() throws {
        let report = try ReportImporter.read(text: SeedReport.text, options: .init(fileName: "seed.txt"))
        let ids = report.document.schedule.map(\.id) + report.document.questions.map(\.id)
            + report.document.framework.criteria.map(\.id) + report.document.framework.dimensions.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(report.document.framework.criteria.allSatisfy { $0.id.hasPrefix("crit-") && $0.id.count == 17 })
        XCTAssertEqual(PanelValidator.problems(in: report.document), [])
        // Cells are keyed by those ids.
        XCTAssertEqual(SeedReport.grid(report.document.framework), SeedReport.expectedGrid)
    }
}
