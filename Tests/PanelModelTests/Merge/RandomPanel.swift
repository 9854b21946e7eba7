import PanelModel
import ScrutinyTestSupport

/// Random panels and random clerks' work on them, made only through the model's own edit
/// builders, so every generated change is one the workspace could make.
///
/// Texts come from a small vocabulary on purpose: two clerks then sometimes make the same
/// change (which must merge cleanly) and sometimes different ones to the same field (which
/// must become a conflict).
struct RandomPanel {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    private static let words = ["data", "funding", "EHCP", "delays", "parents", "schools", "outcomes", "equity"]

    mutating func text() -> String {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.words.randomElement(using: &rng)! }.joined(separator: " ")
    }

    mutating func id(_ prefix: String) -> String { Identifier.make(prefix, using: &rng) }

    mutating func time() -> String {
        "2024-03-\(Int.random(in: 10...12, using: &rng))T10:\(Int.random(in: 10...59, using: &rng)):00+00:00"
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    mutating func document() -> PanelDocument {
        var doc = PanelDocument()
        doc.panel.title = text()
        doc.panel.chair = text()
        doc.panel.sections = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            ReportSection(id: id("sec"), title: text(), text: text(), placement: .closing)
        }
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            try! doc.insertAxisItem(.criteria, name: text(), id: id("crit")).apply(to: &doc)
        }
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            try! doc.insertAxisItem(.dimensions, name: text(), id: id("dim")).apply(to: &doc)
        }
        for c in doc.framework.criteria {
            for d in doc.framework.dimensions where chance(60) {
                try! doc.setCell(CellKey(criterion: c.id, dimension: d.id), to: text()).apply(to: &doc)
            }
        }
        for _ in 0..<Int.random(in: 0...3, using: &rng) { try! doc.insertQuestion(question()).apply(to: &doc) }
        for _ in 0..<Int.random(in: 0...3, using: &rng) { try! doc.insertScheduleItem(scheduleItem()).apply(to: &doc) }
        for _ in 0..<Int.random(in: 0...6, using: &rng) { try! doc.insertNote(note(in: doc)).apply(to: &doc) }
        return doc
    }

    mutating func question() -> Question {
        Question(id: id("q"), number: "5.\(Int.random(in: 1...9, using: &rng))", title: text(), text: text(),
                 status: Question.Status.allCases.randomElement(using: &rng)!)
    }

    mutating func scheduleItem() -> ScheduleItem {
        ScheduleItem(id: id("sched"), kind: ScheduleItem.Kind.allCases.randomElement(using: &rng)!, title: text(),
                     date: chance(50) ? CalendarDate(year: 2024, month: 3, day: Int.random(in: 1...28, using: &rng)) : nil)
    }

    mutating func note(in doc: PanelDocument) -> Note {
        var subject: NoteSubject? = nil
        if chance(40), let c = doc.framework.criteria.randomElement(using: &rng),
           let d = doc.framework.dimensions.randomElement(using: &rng) {
            subject = .cell(CellKey(criterion: c.id, dimension: d.id))
        } else if chance(30), let q = doc.questions.randomElement(using: &rng) {
            subject = .question(q.id)
        }
        return Note(id: id("note"), at: time(), text: text(),
                    source: chance(30) ? doc.schedule.randomElement(using: &rng)?.id : nil, subject: subject)
    }

    /// One random change a clerk could make, built from the document as it is.
    mutating func edit(of doc: PanelDocument) -> Edit? {
        let axis: Axis = chance(50) ? .criteria : .dimensions
        let axisItems = doc.framework.items(axis)
        switch Int.random(in: 0..<17, using: &rng) {
        case 0, 1, 2:
            guard let c = doc.framework.criteria.randomElement(using: &rng),
                  let d = doc.framework.dimensions.randomElement(using: &rng) else { return nil }
            return doc.setCell(CellKey(criterion: c.id, dimension: d.id), to: chance(15) ? "" : text())
        case 3: return doc.setPanelField(chance(50) ? .title : .summary, to: text())
        case 4: return doc.insertAxisItem(axis, name: text(), at: Int.random(in: 0...axisItems.count, using: &rng), id: id("ax"))
        case 5: return axisItems.randomElement(using: &rng).flatMap { doc.renameAxisItem(axis, id: $0.id, to: text()) }
        case 6:
            guard let item = axisItems.randomElement(using: &rng) else { return nil }
            return doc.moveAxisItem(axis, id: item.id, to: Int.random(in: 0..<axisItems.count, using: &rng))
        case 7:
            guard axisItems.count > 1, let item = axisItems.randomElement(using: &rng) else { return nil }
            return doc.removeAxisItem(axis, id: item.id)
        case 8: return doc.insertQuestion(question(), at: Int.random(in: 0...doc.questions.count, using: &rng))
        case 9:
            guard var q = doc.questions.randomElement(using: &rng) else { return nil }
            if chance(50) { q.title = text() } else { q.status = Question.Status.allCases.randomElement(using: &rng)! }
            return doc.updateQuestion(q)
        case 10:
            guard let q = doc.questions.randomElement(using: &rng) else { return nil }
            return chance(50) ? doc.removeQuestion(id: q.id)
                : doc.moveQuestion(id: q.id, to: Int.random(in: 0..<doc.questions.count, using: &rng))
        case 11: return doc.insertScheduleItem(scheduleItem(), at: Int.random(in: 0...doc.schedule.count, using: &rng))
        case 12:
            guard var s = doc.schedule.randomElement(using: &rng) else { return nil }
            if chance(50) { s.status = .held } else { s.title = text() }
            return doc.updateScheduleItem(s)
        case 13:
            guard let s = doc.schedule.randomElement(using: &rng) else { return nil }
            return chance(50) ? doc.removeScheduleItem(id: s.id)
                : doc.moveScheduleItem(id: s.id, to: Int.random(in: 0..<doc.schedule.count, using: &rng))
        case 14, 15: return doc.insertNote(note(in: doc))
        default:
            guard var n = doc.notes.randomElement(using: &rng) else { return nil }
            if chance(25) { return doc.removeNote(id: n.id) }
            n.text = text()
            return doc.updateNote(n)
        }
    }

    /// A clerk's session: a few random edits applied in turn.
    mutating func work(on start: PanelDocument, edits count: Int) -> PanelDocument {
        var doc = start
        for _ in 0..<count {
            if let edit = edit(of: doc) { try! edit.apply(to: &doc) }
        }
        return doc
    }
}
