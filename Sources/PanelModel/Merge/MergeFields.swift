import Foundation

/// One field of an item, read and written as the string a conflict records, so the merge can
/// compare it across three versions and a resolution can put any recorded version back.
///
/// `set` is the exact inverse of `get` (dates as YYYY-MM-DD, enums by their stored name, nil
/// for "no value"); it returns false for a string that is not a value of the field.
struct MergeField<Item>: Sendable {
    let name: String
    let get: @Sendable (Item) -> String?
    let set: @Sendable (inout Item, String?) -> Bool
    /// For the few fields where two different changes have one right answer whichever side
    /// made them (a live session started at the earlier of two clerks' starts): that answer.
    /// Must not depend on the order of its arguments.
    var combine: (@Sendable (String, String) -> String)? = nil
}

/// The fields of each kind of item, every stored field except the id. A field missing here
/// would be merged by taking ours silently, so `MergeFieldsTests` checks each table is complete.
enum MergeFields {
    static let section: [MergeField<ReportSection>] = [
        text("title", \.title), text("text", \.text), choice("placement", \.placement),
    ]

    static let axisItem: [MergeField<AxisItem>] = [text("name", \.name)]

    static let scheduleItem: [MergeField<ScheduleItem>] = [
        choice("kind", \.kind), text("title", \.title), optionalText("who", \.who),
        date("date", \.date), date("endDate", \.endDate), optionalText("time", \.time),
        choice("status", \.status), optionalText("details", \.details),
        // Two clerks minuting the same meeting both start and end its live session: it ran
        // from the first start to the last end.
        optionalText("startedAt", \.startedAt, combine: { earlier($0, $1) ? $0 : $1 }),
        optionalText("endedAt", \.endedAt, combine: { earlier($0, $1) ? $1 : $0 }),
    ]

    static let question: [MergeField<Question>] = [
        text("number", \.number), text("title", \.title), text("text", \.text), choice("status", \.status),
    ]

    static let note: [MergeField<Note>] = [
        text("at", \.at), text("text", \.text), optionalText("source", \.source),
        MergeField(name: "subject", get: { $0.subject.map(subjectText) }, set: { note, value in
            guard let value else { note.subject = nil; return true }
            guard let subject = subject(from: value) else { return false }
            note.subject = subject
            return true
        }),
        optionalText("origin", \.origin),
    ]

    /// The panel's header: its text fields by `PanelField` name, and its two dates.
    static let panel: [MergeField<PanelInfo>] =
        PanelField.allCases.map { field in
            MergeField(name: field.rawValue, get: { field.value(in: $0) }, set: { info, value in
                field.set(value ?? "", in: &info)
                return true
            })
        } + [date("reportDate", \.reportDate), date("signedDate", \.signedDate)]

    /// A note's subject as one string: "question:ID" or "cell:CRITERION:DIMENSION".
    static func subjectText(_ subject: NoteSubject) -> String {
        switch subject {
        case let .question(id): "question:\(id)"
        case let .cell(key): "cell:\(key.criterion):\(key.dimension)"
        }
    }

    static func subject(from text: String) -> NoteSubject? {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("question", 2): return .question(parts[1])
        case ("cell", 3): return .cell(CellKey(criterion: parts[1], dimension: parts[2]))
        default: return nil
        }
    }

    private static func text<T>(_ name: String, _ path: WritableKeyPath<T, String> & Sendable) -> MergeField<T> {
        MergeField(name: name, get: { $0[keyPath: path] }, set: { item, value in
            item[keyPath: path] = value ?? ""
            return true
        })
    }

    private static func optionalText<T>(_ name: String, _ path: WritableKeyPath<T, String?> & Sendable,
                                        combine: (@Sendable (String, String) -> String)? = nil) -> MergeField<T> {
        MergeField(name: name, get: { $0[keyPath: path] }, set: { item, value in
            item[keyPath: path] = value
            return true
        }, combine: combine)
    }

    /// Compares two ISO 8601 times by the moment they name (offsets may differ); text order,
    /// then, for what does not parse, so the answer is still the same both ways round.
    static func earlier(_ a: String, _ b: String) -> Bool {
        let format = ISO8601DateFormatter()
        if let x = format.date(from: a), let y = format.date(from: b), x != y { return x < y }
        return a < b
    }

    private static func date<T>(_ name: String, _ path: WritableKeyPath<T, CalendarDate?> & Sendable) -> MergeField<T> {
        MergeField(name: name, get: { $0[keyPath: path]?.iso }, set: { item, value in
            guard let value else { item[keyPath: path] = nil; return true }
            guard let date = CalendarDate(iso: value) else { return false }
            item[keyPath: path] = date
            return true
        })
    }

    private static func choice<T, C: RawRepresentable<String> & Sendable>(
        _ name: String, _ path: WritableKeyPath<T, C> & Sendable
    ) -> MergeField<T> {
        MergeField(name: name, get: { $0[keyPath: path].rawValue }, set: { item, value in
            guard let value, let choice = C(rawValue: value) else { return false }
            item[keyPath: path] = choice
            return true
        })
    }
}
