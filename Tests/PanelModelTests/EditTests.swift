import Foundation
import XCTest
@testable import PanelModel

/// Every `Edit` applied then inverted gives back the same document; an edit that doesn't fit the
/// document is refused and changes nothing.
final class EditTests: XCTestCase {
    private let base = Fixture.everyField

    /// One edit of every case, each one that changes `base`.
    private var everyCase: [Edit] {
        let doc = base
        let section = doc.panel.sections[0], item = doc.schedule[2], question = doc.questions[4], note = doc.notes[0]
        var changedSection = section
        changedSection.text += " Amended."
        var changedItem = item
        changedItem.status = .cancelled
        changedItem.details = "Postponed by the service."
        var changedQuestion = question
        changedQuestion.status = .answered
        var changedNote = note
        changedNote.subject = .question("q-5-2")
        let dimension = doc.framework.dimensions[1]
        let cellKey = CellKey(criterion: "crit-equity", dimension: "dim-institutions")
        return [
            .setPanelField(.contactPhone, from: doc.panel.contact.phone, to: "020 7974 0000"),
            .setPanelDate(.reportDate, from: doc.panel.reportDate, to: CalendarDate(year: 2024, month: 4, day: 17)),
            .insertSection(ReportSection(id: "sec-new", title: "Background", text: "…", placement: .opening), at: 1),
            .removeSection(section, at: 0),
            .updateSection(from: section, to: changedSection),
            .insertScheduleItem(ScheduleItem(id: "sched-new", kind: .survey, title: "Parent survey"), at: 3),
            .removeScheduleItem(item, at: 2),
            .updateScheduleItem(from: item, to: changedItem),
            .moveScheduleItem(id: doc.schedule[0].id, from: 0, to: 5),
            .insertAxisItem(.criteria, AxisItem(id: "crit-value", name: "Value for money"), at: 2,
                            cells: ["dim-diagnosis": "Costly private assessments."]),
            .removeAxisItem(.dimensions, dimension, at: 1, cells: doc.framework.cells(along: .dimensions, id: dimension.id)),
            .renameAxisItem(.dimensions, id: "dim-outcomes", from: "Outcomes", to: "Outcomes for children"),
            .moveAxisItem(.criteria, id: "crit-equity", from: 2, to: 0),
            .setCell(cellKey, from: "", to: "Uneven across schools."),
            .insertQuestion(Question(id: "q-new", number: "5.9", title: "Transport", text: "Who pays?"), at: 8),
            .removeQuestion(question, at: 4),
            .updateQuestion(from: question, to: changedQuestion),
            .moveQuestion(id: "q-5-8", from: 7, to: 0),
            .insertNote(Note(id: "note-new", at: "2024-03-07T09:00:00+00:00", text: "New evidence"), at: 1),
            .removeNote(note, at: 0),
            .updateNote(from: note, to: changedNote),
            .setLive(from: doc.live, to: LiveSession(item: doc.schedule[0].id, since: "2024-03-07T09:00:00+00:00")),
            .setConflicts(from: [], to: [MergeConflict(kind: .editedOnBothSides, place: .cell(cellKey),
                                                       base: "", ours: "Uneven", theirs: "Even")]),
            .batch("retitle and refile", [
                .setPanelField(.title, from: doc.panel.title, to: "SEND Panel"),
                .setCell(cellKey, from: "", to: "First"),
                .setCell(cellKey, from: "First", to: "Second"),
            ]),
        ]
    }

    /// The case's name, by an exhaustive switch: a new case of `Edit` won't compile until it is
    /// named here, and the test below then fails until `everyCase` has one.
    private func caseName(_ edit: Edit) -> String {
        switch edit {
        case .setPanelField: "setPanelField"
        case .setPanelDate: "setPanelDate"
        case .insertSection: "insertSection"
        case .removeSection: "removeSection"
        case .updateSection: "updateSection"
        case .insertScheduleItem: "insertScheduleItem"
        case .removeScheduleItem: "removeScheduleItem"
        case .updateScheduleItem: "updateScheduleItem"
        case .moveScheduleItem: "moveScheduleItem"
        case .insertAxisItem: "insertAxisItem"
        case .removeAxisItem: "removeAxisItem"
        case .renameAxisItem: "renameAxisItem"
        case .moveAxisItem: "moveAxisItem"
        case .setCell: "setCell"
        case .insertQuestion: "insertQuestion"
        case .removeQuestion: "removeQuestion"
        case .updateQuestion: "updateQuestion"
        case .moveQuestion: "moveQuestion"
        case .insertNote: "insertNote"
        case .removeNote: "removeNote"
        case .updateNote: "updateNote"
        case .setLive: "setLive"
        case .setConflicts: "setConflicts"
        case .batch: "batch"
        }
    }

    func testEveryCaseIsCovered() {
        XCTAssertEqual(Set(everyCase.map(caseName)).count, 24)
        XCTAssertEqual(everyCase.count, 24)
    }

    func testEveryEditThenItsInverseGivesBackTheSameDocument() throws {
        for edit in everyCase {
            var doc = base
            try edit.apply(to: &doc)
            XCTAssertNotEqual(doc, base, "\(caseName(edit)) changed nothing")
            XCTAssertFalse(edit.isNoOp, caseName(edit))
            try edit.inverse.apply(to: &doc)
            XCTAssertEqual(doc, base, "\(caseName(edit)) then its inverse")
            XCTAssertEqual(edit.inverse.inverse, edit, caseName(edit))
            // And the saved bytes too, so undo leaves no trace in `git diff`.
            XCTAssertEqual(PanelStore.encode(doc), PanelStore.encode(base), caseName(edit))
        }
    }

    func testAnEditThatNoLongerFitsIsRefusedAndChangesNothing() throws {
        // Applied a second time, every edit finds the document not as it expects.
        for edit in everyCase {
            var doc = base
            try edit.apply(to: &doc)
            let after = doc
            XCTAssertThrowsError(try edit.apply(to: &doc), "\(caseName(edit)) applied twice") { error in
                XCTAssertTrue(error is EditError)
            }
            XCTAssertEqual(doc, after, "\(caseName(edit)) left the document as it was")
        }
    }

    func testRefusalsSayWhatDidNotFit() {
        var doc = base
        XCTAssertThrowsError(try Edit.setCell(CellKey(criterion: "crit-gone", dimension: "dim-diagnosis"), from: "", to: "x")
            .apply(to: &doc)) { XCTAssertEqual(($0 as? EditError)?.description, "no criterion crit-gone") }
        XCTAssertThrowsError(try Edit.insertQuestion(doc.questions[0], at: 0).apply(to: &doc)) {
            XCTAssertEqual(($0 as? EditError)?.description, "q-5-1 is already there")
        }
        XCTAssertThrowsError(try Edit.moveQuestion(id: "q-5-1", from: 0, to: 99).apply(to: &doc)) {
            XCTAssertEqual(($0 as? EditError)?.description, "position 99 is outside the list")
        }
        XCTAssertEqual(doc, base)
    }

    func testABatchThatFailsHalfWayChangesNothing() {
        var doc = base
        let batch = Edit.batch("half", [
            .setPanelField(.title, from: base.panel.title, to: "Changed"),
            .removeQuestion(base.questions[0], at: 3),  // wrong position
        ])
        XCTAssertThrowsError(try batch.apply(to: &doc))
        XCTAssertEqual(doc, base)
    }

    func testRemovingACriterionUnfilesItsNotesAndUndoRefilesThem() throws {
        let edit = try XCTUnwrap(base.removeAxisItem(.criteria, id: "crit-sufficiency"))
        let after = try edit.applied(to: base)
        XCTAssertFalse(after.framework.criteria.contains { $0.id == "crit-sufficiency" })
        XCTAssertNil(after.notes[0].subject)
        XCTAssertEqual(after.framework.cells.count, base.framework.cells.count - 2)
        XCTAssertEqual(after.framework.orphanCells, [])
        XCTAssertEqual(try edit.inverse.applied(to: after), base)
    }

    func testRemovingAScheduleItemKeepsItsNotesWithoutASource() throws {
        let edit = try XCTUnwrap(base.removeScheduleItem(id: "sched-special-parents-forum-2"))
        let after = try edit.applied(to: base)
        XCTAssertNil(after.notes[0].source)
        XCTAssertEqual(after.notes[0].text, base.notes[0].text)
        XCTAssertEqual(try edit.inverse.applied(to: after), base)
    }

    func testEditsSurviveTheJournalAsJSON() throws {
        for edit in everyCase {
            let data = try JSONEncoder().encode(edit)
            XCTAssertEqual(try JSONDecoder().decode(Edit.self, from: data), edit, caseName(edit))
        }
    }
}
