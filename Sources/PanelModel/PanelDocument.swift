/// Everything a panel keeps: the whole content of one store file.
public struct PanelDocument: Codable, Equatable, Sendable {
    /// The format name written at the top of every store, so a foreign JSON file is recognised.
    public static let formatName = "scrutiny-panel"
    /// The newest version of the file format this build reads and writes.
    public static let currentVersion = 1

    public var panel: PanelInfo
    public var schedule: [ScheduleItem]
    public var framework: Framework
    public var questions: [Question]
    public var notes: [Note]
    /// The schedule item being taken notes in right now (see `LiveSession`); nil, and then not
    /// written, when nothing is live.
    public var live: LiveSession?
    /// What a merge of two clerks' copies could not decide (see `ThreeWayMerge`); empty in a
    /// panel that was never merged, and then not written, so older stores keep their bytes.
    public var conflicts: [MergeConflict]

    public init(panel: PanelInfo = PanelInfo(), schedule: [ScheduleItem] = [], framework: Framework = Framework(),
                questions: [Question] = [], notes: [Note] = [], conflicts: [MergeConflict] = []) {
        self.panel = panel
        self.schedule = schedule
        self.framework = framework
        self.questions = questions
        self.notes = notes
        self.conflicts = conflicts
    }

    private enum CodingKeys: String, CodingKey {
        case format, version, panel, schedule, framework, questions, notes, conflicts
        case live
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        panel = try c.decode(PanelInfo.self, forKey: .panel)
        schedule = try c.decode([ScheduleItem].self, forKey: .schedule)
        framework = try c.decode(Framework.self, forKey: .framework)
        questions = try c.decode([Question].self, forKey: .questions)
        notes = try c.decode([Note].self, forKey: .notes)
        live = try c.decodeIfPresent(LiveSession.self, forKey: .live)
        conflicts = try c.decodeIfPresent([MergeConflict].self, forKey: .conflicts) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(PanelDocument.formatName, forKey: .format)
        try c.encode(PanelDocument.currentVersion, forKey: .version)
        try c.encode(panel, forKey: .panel)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(framework, forKey: .framework)
        try c.encode(questions, forKey: .questions)
        try c.encode(notes, forKey: .notes)
        try c.encodeIfPresent(live, forKey: .live)
        if !conflicts.isEmpty { try c.encode(conflicts, forKey: .conflicts) }
    }

    // Look-ups by id, used by edits, validation and the panes.
    public func scheduleIndex(_ id: String) -> Int? { schedule.firstIndex { $0.id == id } }
    public func questionIndex(_ id: String) -> Int? { questions.firstIndex { $0.id == id } }
    public func noteIndex(_ id: String) -> Int? { notes.firstIndex { $0.id == id } }
}
