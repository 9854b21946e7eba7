import Foundation
import XCTest
@testable import PanelModel

/// The seed report, what it says (written out here, so a test compares the importer with the
/// report and not with itself), and helpers the report tests share.
enum SeedReport {
    static let fixtureURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/send-panel-update-2024-03.txt")

    static var text: String {
        get throws { try String(contentsOf: fixtureURL, encoding: .utf8) }
    }

    static let options = ReportImporter.Options(fileName: "seed.txt", now: "2024-03-01T09:00:00+00:00", ids: .readable)

    static func read(_ text: String, file: String = "seed.txt") throws -> ImportedReport {
        var options = options
        options.fileName = file
        return try ReportImporter.read(text: text, options: options)
    }

    static func imported() throws -> ImportedReport { try read(text) }

    /// (title, date) of each interview, in the report's order; nil where it gives no date.
    static let interviews: [(String, String?)] = [
        ("Vikram Hansrani Director of Education Commissioning and Inclusion", "2023-10-03"),
        ("Special Educational Needs and Disabilities Information Advice and Support Service (SENDIASS)", "2023-10-30"),
        ("SEND (Special Educational Needs and Disabilities) finance", "2023-10-31"),
        ("Children and Young People with Disabilities (CYPDS) service", "2023-11-13"),
        ("Children's Integrated Commissioning", "2023-11-02"),
        ("Senior Advisor SEND Camden Learning", "2023-11-09"),
        ("Camden Special Parents Forum", "2023-12-06"),
        ("SEND engagement and quality", nil),
        ("Exceptional Needs Grant (ENG) Special Educational Needs Coordinator (SENDSCO) Cluster co-ordinator", "2024-01-31"),
    ]

    static let meetings: [(String, String)] = [
        ("SENDCOs meeting - Questions and Answers session", "2023-12-14"),
        ("Autism Partnership Board - Observed and spoke about the special panel", "2023-12-06"),
    ]

    /// The next-steps table: (activity, kind, date); nil date below "To be scheduled".
    static let nextSteps: [(String, ScheduleItem.Kind, String?)] = [
        ("Observed Schools Forum online", .forum, "2024-02-06"),
        ("Royal Free Hospital visit", .visit, "2024-02-09"),
        ("Special Parents Forum 1", .forum, "2024-02-27"),
        ("Netley School visit", .visit, "2024-02-28"),
        ("Acland Burghley School visit", .visit, "2024-03-04"),
        ("Special Parents Forum 2", .forum, "2024-03-06"),
        ("MOSAIC (Integrated Service for Children and Young People with a Disability)", .other, "2024-03-25"),
        ("Panel hosting a workshop for 10 special schools and resource hubs", .workshop, "2024-03-25"),
        ("Survey of SENDCOs and Headteachers", .survey, nil),
        ("Find a way to speak directly to smaller groups of classroom teachers", .other, nil),
        ("Visits to other boroughs (best practice, neighbours etc)", .visit, nil),
    ]

    static let seedDimensions = ["Diagnosis", "Provision/ Funding", "Outcomes", "Mild/ Moderate/ Severe need", "Institutions"]
    /// Each criterion with its five cells, "" where the report leaves the cell empty.
    static let seedGrid: [(criterion: String, cells: [String])] = [
        ("Effectiveness", [
            "Depends on condition being diagnosed. Not all diagnosis available to all. For example, dyslexia assessment.",
            "Some excellent provision but depends on level of need. Problematic school-to-school differences. Effectiveness may be reduced by delays. Budget issues (what should be ordinarily available; what from notional SEND budget) sometimes reduce timeliness and effectiveness of provision.",
            "No data for outcome measures re ENG such as pupil progress/attainment. In general, not much information so far available about effectiveness of outcomes - genuinely hard to measure. Issue of primary/secondary transfer.",
            "More attention needed to this. Interviewees note a shortage of out-of-school provision for PSLD YP. Also risk of CYP without EHCPs not getting appropriate provision. Further exploration of gaps in provision needed. Family payment",
            "Officers generally believe Camden practice is comparatively good, and that SEND is comparatively well-funded. They acknowledge that funding is still insufficient to meet need and waiting times (sometimes NHS-dependent) are too long. There is a question about how a generally good service can bear to look at and address cases where things have not gone well.",
        ]),
        ("Efficiency", [
            "Diagnosis and assessment are slower than wished, and sometimes not available to all families.",
            "Insufficient funding. SEN K students may lose out. Difficult to 'justify' high levels of funding needed for some highly beneficial interventions for PSLD young people 'Need a more efficient use of the adults in the schools.'",
            "Nobody has so far suggested that good outcomes could be achieved more cheaply. Concern is more about lack of resources. Improved communication between parents and schools cited as a desired outcome for all including children.",
            "context of lack of carers or places to take children especially PMLD young people to looks inappropriate.",
            "",
        ]),
        ("Equity", [
            "Lack of data regarding extent to which different communities coming forward or regarding SEN as stigma Evidence of some parents paying for private assessments eg dyslexia - what does/should this then mean in terms of (limited) provision?",
            "Some questions about equitable access to independent specialist schools.",
            "Co production between parents and teachers/Educational Psychologists of expected outcomes on plans would lead to less unrest.",
            "",
            "",
        ]),
        ("Accountability", [
            "Problematically divided between school, NHS and LA. Private diagnoses complicate things further (quality, speed).",
            "Concerns about ENG accountability. Lack of monitoring of quality of plans.",
            "Schools not accountable for SEND spending. LA is not acting as accountable for SEND provision. Important to distinguish bn accountability for money and for outcomes.",
            "",
            "",
        ]),
        ("Appropriacy", [
            "Early Years diagnosis delayed under 'developmental' heading. Reception children being left on part time timetables (often due to wrong placement)",
            "Concerns about ENG appropriacy given lack of therapists and inconsistent knowledge and understanding re ENG itself and SEN between schools",
            "Exclusions of children with EHCPs seen as indication of inappropriate provision.",
            "",
            "",
        ]),
        ("Sufficiency", [
            "Evidently insufficient to meet need; waiting times are so long that interventions may not be timely. Referrals are rising. School cohorts are changing.",
            "Interventions and placements for children with high Needs not there Insufficient therapists across the board. Insufficient teachers/classes too large/TAs to carry out interventions effectively in schools",
            "",
            "",
            "",
        ]),
    ]

    static let seedQuestions: [(number: String, title: String, text: String)] = [
        ("5.1", "ENG and Clusters",
         "Continue to investigate how, why and whether these two Camden-specific mechanisms are producing positive outcomes. Could more be done to use Clusters as better peer support mechanisms? Is the right evidence is being collected, to allow evaluation and improvement?"),
        ("5.2", "Equity",
         "Focus on this across the piece, looking both at equity/inequity for CYP, but also for schools (in terms of the numbers of children they provide for etc.) How can all families be engaged regardless of wealth/language/cultural background?"),
        ("5.3", "Quality and consistency",
         "Quality and consistency have been mentioned several times – currently, quality of practice is not consistent, which seems to make things harder for parents."),
        ("5.4", "Outcomes",
         "Continue to work to clarify what is meant by a 'good outcome' by different stakeholders. What data is/could be collected? How are outcomes linked to interventions?"),
        ("5.5", "What is missing?",
         "Interviewees suggest that there is an absence/gap in provision. This should be investigated further, notably whether it is possible to have clarity and honesty with parents about what they can expect from 'ordinarily available'/ENG/EHCP and what the thresholds for each are. This would require consistency across schools."),
        ("5.6", "Information and communication",
         "Seek out best/alternative practice examples of information packs/communication with parents, of children with different needs, and different levels of need."),
        ("5.7", "What can be done to educate, support and empower parents?",
         "Interviewees agree on the central role of parents (in knowing/supporting their CYP). What is the evidence of good practice in supporting parents to support their CYP, which could reduce adversarialism, increase flexibility and responsiveness?"),
        ("5.8", "Addressing trauma",
         "What can be done to support parents, children and officers to address and deal with (their own) trauma, as a way of moving forward?"),
    ]

    /// The grid as rows of text, criterion first, in the framework's order.
    static func grid(_ framework: Framework) -> [[String]] {
        framework.criteria.map { c in [c.name] + framework.dimensions.map { framework[c.id, $0.id] } }
    }

    static var expectedGrid: [[String]] { seedGrid.map { [$0.criterion] + $0.cells } }
}

/// Runs a python script over a file and returns what it prints. Fails the test, naming the
/// requirements file, when python or one of its packages is missing: these checks never skip.
enum Python {
    static let requirements = "pip install -r Tests/python-requirements.txt"

    static func run(_ script: String, input: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputURL = dir.appendingPathComponent("input")
        try Data(input.utf8).write(to: inputURL)
        let scriptURL = dir.appendingPathComponent("check.py")
        try Data(script.utf8).write(to: scriptURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path, inputURL.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            XCTFail("python3 could not be started (\(error)); install Python 3, then \(requirements)", file: file, line: line)
            throw error
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if errors.contains("ModuleNotFoundError") || errors.contains("No module named") {
            XCTFail("a python package is missing: \(requirements)\n\(errors)", file: file, line: line)
            throw CocoaError(.fileReadUnknown)
        }
        guard process.terminationStatus == 0 else {
            XCTFail("python3 failed (status \(process.terminationStatus)):\n\(errors)", file: file, line: line)
            throw CocoaError(.fileReadUnknown)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Runs a script that prints JSON, and decodes it.
    static func json<T: Decodable>(_ type: T.Type, _ script: String, input: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws -> T {
        let output = try run(script, input: input, file: file, line: line)
        return try JSONDecoder().decode(T.self, from: Data(output.utf8))
    }
}
