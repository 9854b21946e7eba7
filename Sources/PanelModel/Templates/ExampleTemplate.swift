/// The panels `scrutiny new` can start from.
public enum PanelTemplates {
    /// The names `scrutiny new --template` accepts, in the order its help lists them.
    public static let names = ["example", "blank"]

    public static func named(_ name: String) -> PanelDocument? {
        switch name {
        case "example": example
        case "blank": blank
        default: nil
        }
    }
}

/// The example panel: the Camden SEND Provision Scrutiny Panel as its March 2024 update to
/// committee reports it (Tests/Fixtures/send-panel-update-2024-03.txt), complete, so a new user
/// sees a real panel in every pane and every export.
///
/// Text is transcribed exactly, typographic dashes and all. Ids are readable slugs written out
/// here, never random, so a new example store is the same bytes on every machine.
extension PanelTemplates {
    public static let example = PanelDocument(
        panel: examplePanel,
        schedule: exampleSchedule,
        framework: exampleFramework,
        questions: exampleQuestions,
        notes: []
    )

    private static var examplePanel: PanelInfo {
        var panel = PanelInfo()
        panel.title = "SEND Provision Scrutiny Panel"
        panel.authority = "London Borough of Camden"
        panel.wards = "All"
        panel.committee = "Children, Schools and Families Scrutiny Committee"
        panel.reportTitle = "Special Educational Needs and Disabilities (SEND) Provision Panel Update"
        panel.reportDate = CalendarDate(year: 2024, month: 3, day: 13)
        panel.summary = "The purpose of the report is to update members of the Children, Schools and Families (CSF) "
            + "Scrutiny committee regarding the progress so far of the SEND Provision Scrutiny Panel. It summarises the "
            + "key findings from interviews up to December and outlines the next steps being followed up through "
            + "interviews, workshop, and meetings this spring up to April."
        panel.recommendation = "The Committee is asked to comment on and note the report."
        panel.reportOf = "Chair of the SEND Provision Panel"
        panel.chair = "Councillor Sylvia McNamara"
        panel.signedDate = CalendarDate(year: 2024, month: 3, day: 1)
        panel.accessToInformation = "No documents that require listing have been used in the preparation of this report."
        panel.contact.name = "Hannah Raffin"
        panel.contact.role = "Project Manager - Children's Social Care, Supporting People Strategy"
        panel.contact.address = "London Borough of Camden 5 Pancras Square, London, N1C 4AG"
        panel.contact.phone = "020 7974 2977"
        panel.contact.email = "hannah.raffin@camden.gov.uk"
        panel.sections = [
            ReportSection(
                id: "sec-purpose", title: "Purpose of Report",
                text: "1.1. The purpose of the report is to update members of the CSF Scrutiny committee regarding "
                    + "the progress so far of the SEND Provision Scrutiny Panel.\n\n"
                    + "1.2. It summarises the key findings from interviews up to December and outlines the next steps "
                    + "being followed up through interviews, workshop, and meetings this spring up to April. It is "
                    + "brought to the full CSF committee to receive comments and suggestions to inform the next stage "
                    + "of the research.",
                placement: .opening),
            ReportSection(
                id: "sec-analytical-framework", title: "Analytical Framework",
                text: "4.1. Following the interviews carried out in the period October to September, this Analytical "
                    + "Framework was created for the panel to discuss at a panel meeting on December 13th 2023. This "
                    + "was accompanied by a suggested set of questions to pursue.\n\n"
                    + "4.2. The table below contains emerging insights based on the analytical framework previously "
                    + "identified.",
                placement: .framework),
            ReportSection(
                id: "sec-next-steps", title: "Next steps as agreed by the panel",
                text: "6.1. The key next steps will be to meet with parents and schools to get their perspectives and "
                    + "to answer questions above and to triangulate findings.\n\n"
                    + "6.2. The table below outlines scheduled meeting attendance, visits and workshops; as well as "
                    + "other activities to be scheduled.",
                placement: .nextSteps),
            ReportSection(
                id: "sec-finance", title: "Finance Comments of the Executive Director Corporate Services",
                text: "The Director of Finance has no comment to make in the context of this report.",
                placement: .closing),
            ReportSection(
                id: "sec-legal", title: "Legal Comments of the Borough Solicitor",
                text: "The Borough Solicitor has been consulted on the report and has no comment to add to the report.",
                placement: .closing),
            ReportSection(
                id: "sec-environmental", title: "Environmental Implications",
                text: "There are no environmental implications arising from this report.",
                placement: .closing),
        ]
        return panel
    }

    /// In the report's order: interviews carried out, meetings attended, the February–March 2024
    /// activities, then those still to be scheduled.
    private static var exampleSchedule: [ScheduleItem] {
        func item(_ id: String, _ kind: ScheduleItem.Kind, _ title: String, _ date: (Int, Int, Int)?,
                  _ status: ScheduleItem.Status) -> ScheduleItem {
            ScheduleItem(id: "sched-" + id, kind: kind, title: title,
                         date: date.flatMap { CalendarDate(year: $0.0, month: $0.1, day: $0.2) }, status: status)
        }
        return [
            item("vikram-hansrani", .interview,
                 "Vikram Hansrani Director of Education Commissioning and Inclusion", (2023, 10, 3), .held),
            item("sendiass", .interview,
                 "Special Educational Needs and Disabilities Information Advice and Support Service (SENDIASS)",
                 (2023, 10, 30), .held),
            item("send-finance", .interview,
                 "SEND (Special Educational Needs and Disabilities) finance", (2023, 10, 31), .held),
            item("cypds", .interview,
                 "Children and Young People with Disabilities (CYPDS) service", (2023, 11, 13), .held),
            item("integrated-commissioning", .interview,
                 "Children's Integrated Commissioning", (2023, 11, 2), .held),
            item("senior-advisor-send", .interview,
                 "Senior Advisor SEND Camden Learning", (2023, 11, 9), .held),
            item("camden-special-parents-forum", .interview,
                 "Camden Special Parents Forum", (2023, 12, 6), .held),
            item("send-engagement-quality", .interview,
                 "SEND engagement and quality", nil, .held),
            item("eng-cluster-coordinator", .interview,
                 "Exceptional Needs Grant (ENG) Special Educational Needs Coordinator (SENDSCO) Cluster co-ordinator",
                 (2024, 1, 31), .held),

            item("sendcos-meeting", .meeting,
                 "SENDCOs meeting - Questions and Answers session", (2023, 12, 14), .held),
            item("autism-partnership-board", .meeting,
                 "Autism Partnership Board - Observed and spoke about the special panel", (2023, 12, 6), .held),

            item("schools-forum", .forum, "Observed Schools Forum online", (2024, 2, 6), .planned),
            item("royal-free-hospital", .visit, "Royal Free Hospital visit", (2024, 2, 9), .planned),
            item("special-parents-forum-1", .forum, "Special Parents Forum 1", (2024, 2, 27), .planned),
            item("netley-school", .visit, "Netley School visit", (2024, 2, 28), .planned),
            item("acland-burghley-school", .visit, "Acland Burghley School visit", (2024, 3, 4), .planned),
            item("special-parents-forum-2", .forum, "Special Parents Forum 2", (2024, 3, 6), .planned),
            item("mosaic", .meeting,
                 "MOSAIC (Integrated Service for Children and Young People with a Disability)", (2024, 3, 25), .planned),
            item("special-schools-workshop", .workshop,
                 "Panel hosting a workshop for 10 special schools and resource hubs", (2024, 3, 25), .planned),

            item("sendcos-headteachers-survey", .survey, "Survey of SENDCOs and Headteachers", nil, .planned),
            item("classroom-teachers", .other,
                 "Find a way to speak directly to smaller groups of classroom teachers", nil, .planned),
            item("other-boroughs", .visit, "Visits to other boroughs (best practice, neighbours etc)", nil, .planned),
        ]
    }

    /// The analytical framework table of section 4, row by row; "" is an empty cell.
    private static let exampleGrid: [(criterion: String, cells: [String])] = [
        ("Effectiveness", [
            "Depends on condition being diagnosed. Not all diagnosis available to all. For example, dyslexia assessment.",
            "Some excellent provision but depends on level of need. Problematic school-to-school differences. "
                + "Effectiveness may be reduced by delays. Budget issues (what should be ordinarily available; what from "
                + "notional SEND budget) sometimes reduce timeliness and effectiveness of provision.",
            "No data for outcome measures re ENG such as pupil progress/attainment. In general, not much information "
                + "so far available about effectiveness of outcomes - genuinely hard to measure. Issue of "
                + "primary/secondary transfer.",
            "More attention needed to this. Interviewees note a shortage of out-of-school provision for PSLD YP. Also "
                + "risk of CYP without EHCPs not getting appropriate provision. Further exploration of gaps in provision "
                + "needed. Family payment",
            "Officers generally believe Camden practice is comparatively good, and that SEND is comparatively "
                + "well-funded. They acknowledge that funding is still insufficient to meet need and waiting times "
                + "(sometimes NHS-dependent) are too long. There is a question about how a generally good service can "
                + "bear to look at and address cases where things have not gone well.",
        ]),
        ("Efficiency", [
            "Diagnosis and assessment are slower than wished, and sometimes not available to all families.",
            "Insufficient funding. SEN K students may lose out. Difficult to 'justify' high levels of funding needed for "
                + "some highly beneficial interventions for PSLD young people 'Need a more efficient use of the adults "
                + "in the schools.'",
            "Nobody has so far suggested that good outcomes could be achieved more cheaply. Concern is more about lack "
                + "of resources. Improved communication between parents and schools cited as a desired outcome for all "
                + "including children.",
            "context of lack of carers or places to take children especially PMLD young people to looks inappropriate.",
            "",
        ]),
        ("Equity", [
            "Lack of data regarding extent to which different communities coming forward or regarding SEN as stigma "
                + "Evidence of some parents paying for private assessments eg dyslexia - what does/should this then "
                + "mean in terms of (limited) provision?",
            "Some questions about equitable access to independent specialist schools.",
            "Co production between parents and teachers/Educational Psychologists of expected outcomes on plans would "
                + "lead to less unrest.",
            "",
            "",
        ]),
        ("Accountability", [
            "Problematically divided between school, NHS and LA. Private diagnoses complicate things further "
                + "(quality, speed).",
            "Concerns about ENG accountability. Lack of monitoring of quality of plans.",
            "Schools not accountable for SEND spending. LA is not acting as accountable for SEND provision. Important "
                + "to distinguish bn accountability for money and for outcomes.",
            "",
            "",
        ]),
        ("Appropriacy", [
            "Early Years diagnosis delayed under 'developmental' heading. Reception children being left on part time "
                + "timetables (often due to wrong placement)",
            "Concerns about ENG appropriacy given lack of therapists and inconsistent knowledge and understanding re "
                + "ENG itself and SEN between schools",
            "Exclusions of children with EHCPs seen as indication of inappropriate provision.",
            "",
            "",
        ]),
        ("Sufficiency", [
            "Evidently insufficient to meet need; waiting times are so long that interventions may not be timely. "
                + "Referrals are rising. School cohorts are changing.",
            "Interventions and placements for children with high Needs not there Insufficient therapists across the "
                + "board. Insufficient teachers/classes too large/TAs to carry out interventions effectively in schools",
            "",
            "",
            "",
        ]),
    ]

    private static var exampleFramework: Framework {
        var framework = standardFramework
        for (row, criterion) in zip(exampleGrid, framework.criteria) {
            for (text, dimension) in zip(row.cells, framework.dimensions) {
                framework[criterion.id, dimension.id] = text
            }
        }
        return framework
    }

    /// Section 5, "Suggested questions for further investigation".
    private static var exampleQuestions: [Question] {
        let questions: [(String, String)] = [
            ("ENG and Clusters",
             "Continue to investigate how, why and whether these two Camden-specific mechanisms are producing positive "
                + "outcomes. Could more be done to use Clusters as better peer support mechanisms? Is the right evidence "
                + "is being collected, to allow evaluation and improvement?"),
            ("Equity",
             "Focus on this across the piece, looking both at equity/inequity for CYP, but also for schools (in terms "
                + "of the numbers of children they provide for etc.) How can all families be engaged regardless of "
                + "wealth/language/cultural background?"),
            ("Quality and consistency",
             "Quality and consistency have been mentioned several times – currently, quality of practice is not "
                + "consistent, which seems to make things harder for parents."),
            ("Outcomes",
             "Continue to work to clarify what is meant by a 'good outcome' by different stakeholders. What data "
                + "is/could be collected? How are outcomes linked to interventions?"),
            ("What is missing?",
             "Interviewees suggest that there is an absence/gap in provision. This should be investigated further, "
                + "notably whether it is possible to have clarity and honesty with parents about what they can expect "
                + "from 'ordinarily available'/ENG/EHCP and what the thresholds for each are. This would require "
                + "consistency across schools."),
            ("Information and communication",
             "Seek out best/alternative practice examples of information packs/communication with parents, of children "
                + "with different needs, and different levels of need."),
            ("What can be done to educate, support and empower parents?",
             "Interviewees agree on the central role of parents (in knowing/supporting their CYP). What is the evidence "
                + "of good practice in supporting parents to support their CYP, which could reduce adversarialism, "
                + "increase flexibility and responsiveness?"),
            ("Addressing trauma",
             "What can be done to support parents, children and officers to address and deal with (their own) trauma, "
                + "as a way of moving forward?"),
        ]
        return questions.enumerated().map { index, question in
            Question(id: "q-5-\(index + 1)", number: "5.\(index + 1)", title: question.0, text: question.1, status: .open)
        }
    }
}
