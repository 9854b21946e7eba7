/// Merges an imported document into an existing panel as ONE `Edit.batch`, so the workspace
/// can undo a whole import in one step and the command line can apply it the same way.
///
/// Items are matched by what a person would call them: criteria and dimensions by name,
/// questions by number or title, schedule items and sections by title (all ignoring case,
/// typographic quotes and spacing). A match is updated field by field with what the import
/// says; anything unmatched is added. An import never erases: an empty imported field or cell
/// leaves the panel's text alone, and nothing is removed. Ids of matched items are kept, so
/// notes filed under them stay filed.
public enum ImportMerge {
    /// Counts for the summary a person reads after an import.
    public struct Summary: Equatable, Sendable, CustomStringConvertible {
        public var fieldsChanged = 0
        public var sectionsAdded = 0, sectionsUpdated = 0
        public var scheduleAdded = 0, scheduleUpdated = 0
        public var criteriaAdded = 0, dimensionsAdded = 0, cellsChanged = 0
        public var questionsAdded = 0, questionsUpdated = 0
        public var notesAdded = 0

        public init() {}

        public var description: String {
            var parts: [String] = []
            func add(_ n: Int, _ one: String, _ many: String) { if n > 0 { parts.append("\(n) \(n == 1 ? one : many)") } }
            add(fieldsChanged, "header field set", "header fields set")
            add(sectionsAdded, "section added", "sections added")
            add(sectionsUpdated, "section updated", "sections updated")
            add(scheduleAdded, "schedule item added", "schedule items added")
            add(scheduleUpdated, "schedule item updated", "schedule items updated")
            add(criteriaAdded, "criterion added", "criteria added")
            add(dimensionsAdded, "dimension added", "dimensions added")
            add(cellsChanged, "cell filled or changed", "cells filled or changed")
            add(questionsAdded, "question added", "questions added")
            add(questionsUpdated, "question updated", "questions updated")
            add(notesAdded, "imported note added", "imported notes added")
            return parts.isEmpty ? "nothing changed" : parts.joined(separator: ", ")
        }
    }

    /// The edit that brings `imported` into `document`, with its summary. Applying it to
    /// `document` cannot fail; when nothing differs the batch is empty (`isNoOp`).
    public static func edit(into document: PanelDocument, from imported: PanelDocument,
                            label: String = "import") -> (edit: Edit, summary: Summary) {
        var merger = Merger(document: document)
        merger.panel(imported.panel)
        merger.sections(imported.panel.sections)
        merger.schedule(imported.schedule)
        merger.framework(imported.framework)
        merger.questions(imported.questions)
        merger.notes(imported.notes)
        return (.batch(label, merger.edits), merger.summary)
    }
}

/// Builds the edits one kind at a time, against the document as it will be after the edits so
/// far (so positions of inserts are right and new ids never collide).
private struct Merger {
    var document: PanelDocument
    var edits: [Edit] = []
    var summary = ImportMerge.Summary()

    mutating func record(_ edit: Edit) {
        guard !edit.isNoOp else { return }
        // Built from the current document, so this cannot fail; if it ever did, dropping the
        // edit is safer than a half-merged panel.
        guard (try? edit.apply(to: &document)) != nil else { return }
        edits.append(edit)
    }

    mutating func panel(_ info: PanelInfo) {
        for field in PanelField.allCases {
            let new = field.value(in: info)
            if !new.isEmpty && new != field.value(in: document.panel) {
                record(document.setPanelField(field, to: new))
                summary.fieldsChanged += 1
            }
        }
        for (field, value) in [(Edit.PanelDate.reportDate, info.reportDate), (.signedDate, info.signedDate)] {
            let old = field == .reportDate ? document.panel.reportDate : document.panel.signedDate
            if let value, value != old {
                record(.setPanelDate(field, from: old, to: value))
                summary.fieldsChanged += 1
            }
        }
    }

    mutating func sections(_ sections: [ReportSection]) {
        for section in sections {
            if let old = document.panel.sections.first(where: { same($0.title, section.title) }) {
                var new = old
                if !section.text.isEmpty { new.text = section.text }
                new.placement = section.placement
                if new != old {
                    record(.updateSection(from: old, to: new))
                    summary.sectionsUpdated += 1
                }
            } else {
                var new = section
                new.id = freshID(section.id, taken: document.panel.sections.map(\.id), prefix: "sec")
                record(.insertSection(new, at: document.panel.sections.count))
                summary.sectionsAdded += 1
            }
        }
    }

    mutating func schedule(_ items: [ScheduleItem]) {
        for item in items {
            if let old = document.schedule.first(where: { same($0.title, item.title) }) {
                var new = old
                new.kind = item.kind == .other ? old.kind : item.kind
                if let date = item.date {
                    new.date = date
                    new.endDate = item.endDate
                }
                // A report never makes a held item planned again.
                if old.status == .planned { new.status = item.status }
                new.who = item.who ?? old.who
                new.time = item.time ?? old.time
                new.details = item.details ?? old.details
                if new != old {
                    record(.updateScheduleItem(from: old, to: new))
                    summary.scheduleUpdated += 1
                }
            } else {
                var new = item
                new.id = freshID(item.id, taken: document.schedule.map(\.id), prefix: "item")
                record(.insertScheduleItem(new, at: document.schedule.count))
                summary.scheduleAdded += 1
            }
        }
    }

    mutating func framework(_ imported: Framework) {
        // Each imported row and column maps to the panel's own by name, added when missing.
        var ids: [String: String] = [:]
        for axis in Axis.allCases {
            for item in imported.items(axis) {
                let existing = document.framework.items(axis)
                if let match = existing.first(where: { same($0.name, item.name) && !ids.values.contains($0.id) }) {
                    ids[item.id] = match.id
                } else {
                    let all = document.framework.criteria.map(\.id) + document.framework.dimensions.map(\.id)
                    let new = AxisItem(id: freshID(item.id, taken: all, prefix: axis == .criteria ? "crit" : "dim"),
                                       name: item.name)
                    record(.insertAxisItem(axis, new, at: existing.count, cells: [:]))
                    ids[item.id] = new.id
                    if axis == .criteria { summary.criteriaAdded += 1 } else { summary.dimensionsAdded += 1 }
                }
            }
        }
        for criterion in imported.criteria {
            for dimension in imported.dimensions {
                let text = imported[criterion.id, dimension.id]
                guard !text.isEmpty, let c = ids[criterion.id], let d = ids[dimension.id] else { continue }
                let key = CellKey(criterion: c, dimension: d)
                if document.framework[key] != text {
                    record(document.setCell(key, to: text))
                    summary.cellsChanged += 1
                }
            }
        }
    }

    mutating func questions(_ questions: [Question]) {
        for question in questions {
            let match = document.questions.first { !question.number.isEmpty && $0.number == question.number }
                ?? document.questions.first { same($0.title, question.title) }
            if let old = match {
                var new = old
                if !question.number.isEmpty { new.number = question.number }
                if !question.title.isEmpty { new.title = question.title }
                if !question.text.isEmpty { new.text = question.text }
                if new != old {
                    record(.updateQuestion(from: old, to: new))
                    summary.questionsUpdated += 1
                }
            } else {
                var new = question
                new.id = freshID(question.id, taken: document.questions.map(\.id), prefix: "q")
                record(document.insertQuestion(new))
                summary.questionsAdded += 1
            }
        }
    }

    /// Imported notes (text the importer could not place) are added once: the same text
    /// imported again is not repeated.
    mutating func notes(_ notes: [Note]) {
        for note in notes where !document.notes.contains(where: { $0.text == note.text }) {
            var new = note
            new.id = freshID(note.id, taken: document.notes.map(\.id), prefix: "note")
            record(document.insertNote(new))
            summary.notesAdded += 1
        }
    }

    private func same(_ a: String, _ b: String) -> Bool {
        ReportText.fold(a) == ReportText.fold(b)
    }

    /// The imported id unless the panel already uses it for something else.
    private func freshID(_ id: String, taken: [String], prefix: String) -> String {
        taken.contains(id) ? Identifier.make(prefix) : id
    }
}
