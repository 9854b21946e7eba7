import Foundation

/// Finds what a well-formed file can still get wrong: references to things that aren't there,
/// ids used twice, dates and times that don't make sense, names left empty.
///
/// The decoder already guarantees the types; these are the rules JSON Schema cannot express
/// (or that a hand-edited or merged file may break). One readable line per problem.
public enum PanelValidator {
    public static func problems(in document: PanelDocument) -> [String] {
        var problems: [String] = []
        problems += duplicateIds(in: document)
        problems += emptyNames(in: document)
        problems += scheduleProblems(document.schedule)
        problems += cellProblems(document.framework)
        problems += noteProblems(document)
        problems += liveProblems(document)
        problems += conflictProblems(document)
        return problems
    }

    // MARK: - Merge conflicts

    /// A store with merge conflicts is sound but not finished: each one is listed until a clerk
    /// resolves it (see `ThreeWayMerge`).
    private static func conflictProblems(_ document: PanelDocument) -> [String] {
        document.conflicts.map { "unresolved merge conflict: " + $0.describe(in: document) }
    }

    // MARK: - Ids

    private static func duplicateIds(in document: PanelDocument) -> [String] {
        // Criteria and dimensions share one space: a cell key must never be ambiguous.
        let framework = document.framework.criteria.map { ($0.id, "criterion") }
            + document.framework.dimensions.map { ($0.id, "dimension") }
        return duplicates(document.panel.sections.map { ($0.id, "section") }, "report sections")
            + duplicates(document.schedule.map { ($0.id, "schedule item") }, "the schedule")
            + duplicates(framework, "the framework's criteria and dimensions")
            + duplicates(document.questions.map { ($0.id, "question") }, "the questions")
            + duplicates(document.notes.map { ($0.id, "note") }, "the notes")
    }

    private static func duplicates(_ ids: [(id: String, kind: String)], _ collection: String) -> [String] {
        var seen: [String: Int] = [:]
        var order: [String] = []
        for (id, _) in ids {
            if seen[id] == nil { order.append(id) }
            seen[id, default: 0] += 1
        }
        return order.compactMap { id in
            guard let count = seen[id], count > 1 else { return nil }
            return id.isEmpty ? "\(count) items in \(collection) have an empty id"
                              : "id “\(id)” is used \(count) times in \(collection)"
        }
    }

    // MARK: - Names

    private static func emptyNames(in document: PanelDocument) -> [String] {
        var out: [String] = []
        func blank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
        for item in document.framework.criteria where blank(item.name) { out.append("criterion “\(item.id)” has no name") }
        for item in document.framework.dimensions where blank(item.name) { out.append("dimension “\(item.id)” has no name") }
        for item in document.schedule where blank(item.title) { out.append("schedule item “\(item.id)” has no title") }
        for question in document.questions where blank(question.title) {
            out.append("question “\(question.id)” has no title")
        }
        for section in document.panel.sections where blank(section.title) {
            out.append("report section “\(section.id)” has no title")
        }
        return out
    }

    // MARK: - Schedule

    private static func scheduleProblems(_ schedule: [ScheduleItem]) -> [String] {
        var out: [String] = []
        for item in schedule {
            let name = "schedule item “\(item.id)”"
            if let end = item.endDate {
                if let start = item.date {
                    if end < start { out.append("\(name) ends (\(end.iso)) before it starts (\(start.iso))") }
                } else {
                    out.append("\(name) has an end date (\(end.iso)) but no date")
                }
            }
            if let time = item.time, !isTimeOfDay(time) {
                out.append("\(name) has the time “\(time)”, which is not HH:MM (24-hour)")
            }
            for (label, stamp) in [("startedAt", item.startedAt), ("endedAt", item.endedAt)] {
                if let stamp, !isTimestamp(stamp) {
                    out.append("\(name) has \(label) “\(stamp)”, which is not an ISO 8601 time with an offset")
                }
            }
        }
        return out
    }

    // MARK: - References

    private static func cellProblems(_ framework: Framework) -> [String] {
        let criteria = Set(framework.criteria.map(\.id)), dimensions = Set(framework.dimensions.map(\.id))
        return framework.orphanCells
            .sorted { ($0.criterion, $0.dimension) < ($1.criterion, $1.dimension) }
            .map { key in
                let missing = [criteria.contains(key.criterion) ? nil : "criterion “\(key.criterion)”",
                               dimensions.contains(key.dimension) ? nil : "dimension “\(key.dimension)”"]
                    .compactMap { $0 }.joined(separator: " and ")
                return "a cell (\(key.criterion) × \(key.dimension)) refers to the unknown \(missing)"
            }
    }

    private static func noteProblems(_ document: PanelDocument) -> [String] {
        let schedule = Set(document.schedule.map(\.id)), questions = Set(document.questions.map(\.id))
        let criteria = Set(document.framework.criteria.map(\.id))
        let dimensions = Set(document.framework.dimensions.map(\.id))
        var out: [String] = []
        for note in document.notes {
            let name = "note “\(note.id)”"
            if !isTimestamp(note.at) {
                out.append("\(name) has the time “\(note.at)”, which is not an ISO 8601 time with an offset")
            }
            if let source = note.source, !schedule.contains(source) {
                out.append("\(name) was taken in the unknown schedule item “\(source)”")
            }
            switch note.subject {
            case .cell(let key)?:
                if !criteria.contains(key.criterion) { out.append("\(name) is about the unknown criterion “\(key.criterion)”") }
                if !dimensions.contains(key.dimension) { out.append("\(name) is about the unknown dimension “\(key.dimension)”") }
            case .question(let id)?:
                if !questions.contains(id) { out.append("\(name) is about the unknown question “\(id)”") }
            case nil:
                break
            }
        }
        return out
    }

    /// The live session must name a schedule item that exists, and when it started.
    private static func liveProblems(_ document: PanelDocument) -> [String] {
        guard let live = document.live else { return [] }
        var out: [String] = []
        if document.scheduleIndex(live.item) == nil {
            out.append("the live session is in the unknown schedule item “\(live.item)”")
        }
        if !isTimestamp(live.since) {
            out.append("the live session started at “\(live.since)”, which is not an ISO 8601 time with an offset")
        }
        return out
    }

    // MARK: - Fields Scrutiny doesn't know

    /// Keys in a file's JSON that the format doesn't have (another tool's additions, a typo in a
    /// hand edit), as paths like `schedule[3].venue`. Loading ignores them, so the next save
    /// would drop them; `check` says so first. `document` is what the file loaded as.
    public static func unknownFields(in data: Data, loadedAs document: PanelDocument) -> [String] {
        let written = PanelStore.encode(document)
        // A file in exactly the bytes Scrutiny writes has only the keys Scrutiny writes: the
        // usual case, answered without the two trees (≈ 25× the file's size in memory).
        if data == written { return [] }
        guard let original = try? JSONSerialization.jsonObject(with: data),
              let canonical = try? JSONSerialization.jsonObject(with: written) else { return [] }
        var found: [String] = []
        collectUnknown(original, known: canonical, path: "", into: &found)
        return found.map { "unknown field \($0) (Scrutiny ignores it, and would drop it on the next save)" }
    }

    /// Walks the file's tree beside the tree Scrutiny would write for it. Arrays are compared
    /// item by item when they line up; otherwise (cells, which are rewritten in grid order and
    /// without empty ones) each item is compared with the keys any written item has.
    private static func collectUnknown(_ value: Any, known: Any, path: String, into found: inout [String]) {
        switch (value, known) {
        case let (object as [String: Any], knownObject as [String: Any]):
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : path + "." + key
                if let knownValue = knownObject[key] {
                    collectUnknown(object[key]!, known: knownValue, path: child, into: &found)
                } else {
                    found.append(child)
                }
            }
        case let (array as [Any], knownArray as [Any]) where array.count == knownArray.count:
            for (index, (item, knownItem)) in zip(array, knownArray).enumerated() {
                collectUnknown(item, known: knownItem, path: "\(path)[\(index)]", into: &found)
            }
        case let (array as [Any], knownArray as [Any]) where !knownArray.isEmpty:
            var union: [String: Any] = [:]
            for case let item as [String: Any] in knownArray { union.merge(item) { a, _ in a } }
            for (index, item) in array.enumerated() {
                collectUnknown(item, known: union, path: "\(path)[\(index)]", into: &found)
            }
        default:
            break
        }
    }

    // MARK: - Times

    /// "09:30": 24-hour, two digits each.
    public static func isTimeOfDay(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: /([0-9]{2}):([0-9]{2})/),
              let hour = Int(match.1), let minute = Int(match.2) else { return false }
        return hour < 24 && minute < 60
    }

    /// "2024-03-06T10:41:07+00:00" (seconds and fractions optional, "Z" allowed): a moment that
    /// says which offset it was taken at, so notes sort the same anywhere.
    /// Checked by hand over the bytes: a regex literal here was rebuilt on every call and made
    /// `scrutiny check` of a 2 MB store take seconds (one call per note).
    public static func isTimestamp(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from..<(from + count) {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        func byte(_ i: Int, is c: Character) -> Bool { i < b.count && b[i] == c.asciiValue! }
        // YYYY-MM-DDTHH:MM
        guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"),
              let day = number(8, 2), CalendarDate(year: year, month: month, day: day) != nil,
              byte(10, is: "T"), let hour = number(11, 2), byte(13, is: ":"), let minute = number(14, 2),
              hour < 24, minute < 60 else { return false }
        var i = 16
        if byte(i, is: ":") {  // seconds, 60 allowed for a leap second, then optional fractions
            guard let seconds = number(i + 1, 2), seconds <= 60 else { return false }
            i += 3
            if byte(i, is: ".") {
                i += 1
                let digitsStart = i
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > digitsStart else { return false }
            }
        }
        if byte(i, is: "Z") { return i + 1 == b.count }
        guard byte(i, is: "+") || byte(i, is: "-"), let oh = number(i + 1, 2), byte(i + 3, is: ":"),
              let om = number(i + 4, 2), oh <= 23, om <= 59 else { return false }
        return i + 6 == b.count
    }
}
