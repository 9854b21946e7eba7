import Foundation
import PanelModel
@testable import PanelTerminal

/// Shared by the workspace and pane tests: the default keymap, a small panel modelled on the
/// seed report, and a driver that sends key names and text to a workspace.
enum TestKeys {
    /// Key names as the keymap files write them: "j", "G", "enter", "C-r", "A-enter", "S-tab",
    /// "g g" (two keys).
    static func parse(_ names: String) -> [Key] {
        guard let keys = KeyName.parse(names) else {
            preconditionFailure("“\(names)” is not a key name")
        }
        return keys
    }

    /// The real default keymap, keymaps/default.toml, without any user file: the tests drive
    /// the workspace with the keys a clerk really has.
    static let defaultKeymap: Keymap = {
        do {
            return try KeymapLoader.load(nil, userFile: nil)
        } catch {
            preconditionFailure("the default keymap does not load: \(error)")
        }
    }()
}

/// A panel modelled on the seed report, small enough to read in a test, with fixed ids.
enum TestPanel {
    static let today = CalendarDate(year: 2024, month: 3, day: 13)!

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func key(_ criterion: String, _ dimension: String) -> CellKey {
        CellKey(criterion: "crit-" + criterion, dimension: "dim-" + dimension)
    }

    static func make() -> PanelDocument {
        var panel = PanelInfo()
        panel.title = "SEND Provision Scrutiny Panel"
        panel.chair = "Councillor Sylvia McNamara"
        let criteria = ["Effectiveness", "Efficiency", "Equity"].map {
            AxisItem(id: "crit-" + $0.lowercased(), name: $0)
        }
        let dimensions = [("diagnosis", "Diagnosis"), ("funding", "Provision/Funding"), ("outcomes", "Outcomes")].map {
            AxisItem(id: "dim-" + $0.0, name: $0.1)
        }
        var framework = Framework(criteria: criteria, dimensions: dimensions)
        framework[key("effectiveness", "diagnosis")] = "Depends on condition being diagnosed."
        framework[key("effectiveness", "funding")] =
            "Some excellent provision but depends on level of need. Problematic school-to-school differences."
        framework[key("efficiency", "outcomes")] = "Nobody has suggested good outcomes could be cheaper."
        framework[key("equity", "diagnosis")] = "Lack of data"
        let schedule = [
            ScheduleItem(id: "item-vikram", kind: .interview, title: "Vikram Hansrani",
                         date: date("2023-10-03"), status: .held),
            ScheduleItem(id: "item-sendiass", kind: .interview, title: "SENDIASS", date: date("2023-10-30"), status: .held),
            ScheduleItem(id: "item-autism", kind: .meeting, title: "Autism Partnership Board",
                         date: date("2024-04-10")),
            ScheduleItem(id: "item-workshop", kind: .workshop, title: "10 special schools", date: date("2024-03-25")),
            ScheduleItem(id: "item-forum", kind: .forum, title: "Parents forum", date: date("2024-03-01"),
                         status: .cancelled),
            ScheduleItem(id: "item-survey", kind: .survey, title: "SENDCOs survey"),
            ScheduleItem(id: "item-visit", kind: .visit, title: "Other boroughs"),
        ]
        let questions = [
            Question(id: "q-eng", number: "5.1", title: "ENG and Clusters",
                     text: "Continue to investigate how, why and whether these work.\nSecond line.", status: .open),
            Question(id: "q-equity", number: "5.2", title: "Equity", text: "Focus on this across the piece.",
                     status: .pursuing),
        ]
        let notes = [
            Note(id: "note-1", at: "2024-03-06T10:41:07+00:00", text: "Parents pay for assessments",
                 subject: .cell(key("equity", "diagnosis"))),
            Note(id: "note-2", at: "2024-03-06T10:42:00+00:00", text: "Clusters vary", source: "item-sendiass",
                 subject: .question("q-eng")),
        ]
        return PanelDocument(panel: panel, schedule: schedule, framework: framework, questions: questions, notes: notes)
    }
}

/// Drives a workspace by key names and text, keeping every effect it asked for.
struct WorkspaceDriver {
    var workspace: Workspace
    var effects: [AppEffect] = []

    init(_ document: PanelDocument = TestPanel.make(), draft: Data? = nil, width: Int = 80, height: Int = 24) {
        workspace = Workspace(document: document, keymap: TestKeys.defaultKeymap, draft: draft,
                              today: TestPanel.today, width: width, height: height)
        workspace.timeZone = TimeZone(identifier: "UTC")!
    }

    var document: PanelDocument { workspace.document }

    /// Each argument is one binding's key names: press("2", "j", "enter"), press("g g").
    mutating func press(_ names: String...) {
        for name in names {
            for key in TestKeys.parse(name) { effects += workspace.handle(.key(key)) }
        }
    }

    /// Types text one character at a time, as keys.
    mutating func type(_ text: String) {
        for c in text { effects += workspace.handle(.key(.char(c))) }
    }

    mutating func paste(_ text: String) {
        effects += workspace.handle(.paste(text))
    }

    mutating func resize(_ width: Int, _ height: Int) {
        effects += workspace.handle(.resize(width: width, height: height))
    }

    func screen(width: Int = 80, height: Int = 24) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        workspace.render(into: &buffer)
        return buffer
    }

    /// The last message on the bottom line.
    var message: String? { workspace.message?.text }

    func cell(_ criterion: String, _ dimension: String) -> String {
        document.framework[TestPanel.key(criterion, dimension)]
    }

    /// The documents the workspace asked the host to save, in order.
    var saves: [PanelDocument] {
        effects.compactMap { if case .save(let d) = $0 { d } else { nil } }
    }

    var drafts: [Data?] {
        // nil in the list: the draft was removed.
        effects.compactMap { effect -> Data?? in if case .saveDraft(let d) = effect { .some(d?.bytes) } else { nil } }
    }
}
