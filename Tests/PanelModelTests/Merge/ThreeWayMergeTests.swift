import XCTest
@testable import PanelModel

/// One test per merge rule, on a small panel whose every id is readable.
final class ThreeWayMergeTests: XCTestCase {
    let equity = CellKey(criterion: "crit-equity", dimension: "dim-outcomes")
    let efficiency = CellKey(criterion: "crit-efficiency", dimension: "dim-outcomes")

    /// Two criteria × one dimension, two questions, one meeting and one note.
    var base: PanelDocument {
        var doc = PanelDocument()
        doc.panel.title = "SEND Provision Scrutiny Panel"
        doc.framework = Framework(
            criteria: [AxisItem(id: "crit-equity", name: "Equity"), AxisItem(id: "crit-efficiency", name: "Efficiency")],
            dimensions: [AxisItem(id: "dim-outcomes", name: "Outcomes")],
            cells: [equity: "Lack of data", efficiency: "Slow assessment"])
        doc.questions = [Question(id: "q-1", number: "5.1", title: "ENG and Clusters", text: "How and why"),
                         Question(id: "q-2", number: "5.2", title: "Equity", text: "Across the piece")]
        doc.schedule = [ScheduleItem(id: "s-forum", kind: .forum, title: "Special Parents Forum")]
        doc.notes = [Note(id: "n-1", at: "2024-03-06T10:00:00+00:00", text: "Parents wait a year")]
        return doc
    }

    private func merge(_ ours: PanelDocument, _ theirs: PanelDocument) -> (document: PanelDocument, conflicts: [MergeConflict]) {
        ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
    }

    // MARK: notes

    func testNotesAddedOnBothSidesAreAllKeptInTimeOrder() {
        var ours = base, theirs = base
        ours.notes.append(Note(id: "n-z", at: "2024-03-06T10:05:00+00:00", text: "A"))
        theirs.notes.append(Note(id: "n-a", at: "2024-03-06T10:07:00+00:00", text: "B"))
        theirs.notes.append(Note(id: "n-b", at: "2024-03-06T10:09:00+00:00", text: "C"))
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.notes.map(\.id), ["n-1", "n-z", "n-a", "n-b"])
        XCTAssertEqual(result.conflicts, [])
    }

    func testANoteEditedOnOneSideTakesTheEdit() {
        var ours = base, theirs = base
        ours.notes[0].text = "Parents wait over a year"
        theirs.notes[0].subject = .question("q-2")
        let note = merge(ours, theirs).document.notes[0]
        XCTAssertEqual(note.text, "Parents wait over a year")
        XCTAssertEqual(note.subject, .question("q-2"))
    }

    func testANoteEditedDifferentlyOnBothSidesIsAConflictKeepingOurs() {
        var ours = base, theirs = base
        ours.notes[0].text = "Ours"
        theirs.notes[0].text = "Theirs"
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.notes[0].text, "Ours")
        XCTAssertEqual(result.conflicts, [MergeConflict(kind: .editedOnBothSides, place: .item(.note, id: "n-1", field: "text"),
                                                        base: "Parents wait a year", ours: "Ours", theirs: "Theirs")])
        XCTAssertEqual(result.document.conflicts, result.conflicts)
    }

    // MARK: cells

    func testCellsChangedOnOneSideOrIdenticallyMergeCleanly() {
        var ours = base, theirs = base
        ours.framework[equity] = "Some data now"
        theirs.framework[efficiency] = "Faster"
        ours.framework[efficiency] = "Faster"
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.framework[equity], "Some data now")
        XCTAssertEqual(result.document.framework[efficiency], "Faster")
        XCTAssertEqual(result.conflicts, [])
    }

    func testACellChangedDifferentlyOnBothSidesIsAConflict() {
        var ours = base, theirs = base
        ours.framework[equity] = "Ours"
        theirs.framework[equity] = ""
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.framework[equity], "Ours")
        XCTAssertEqual(result.conflicts, [MergeConflict(kind: .editedOnBothSides, place: .cell(equity),
                                                        base: "Lack of data", ours: "Ours", theirs: "")])
        XCTAssertEqual(result.conflicts[0].describe(in: result.document),
                       "cell Equity × Outcomes: changed differently on both sides (ours “Ours”, theirs “”)")
    }

    // MARK: questions, schedule, panel

    func testQuestionsMergeFieldByField() {
        var ours = base, theirs = base
        ours.questions[0].title = "Clusters"
        theirs.questions[0].status = .pursuing
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.questions[0],
                       Question(id: "q-1", number: "5.1", title: "Clusters", text: "How and why", status: .pursuing))
        XCTAssertEqual(result.conflicts, [])
    }

    func testAScheduleFieldChangedOnBothSidesIsAConflict() {
        var ours = base, theirs = base
        ours.schedule[0].date = CalendarDate(year: 2024, month: 3, day: 6)
        theirs.schedule[0].date = CalendarDate(year: 2024, month: 3, day: 7)
        theirs.schedule[0].status = .held
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.schedule[0].date, CalendarDate(year: 2024, month: 3, day: 6))
        XCTAssertEqual(result.document.schedule[0].status, .held)
        XCTAssertEqual(result.conflicts, [MergeConflict(kind: .editedOnBothSides, place: .item(.schedule, id: "s-forum", field: "date"),
                                                        base: nil, ours: "2024-03-06", theirs: "2024-03-07")])
    }

    func testPanelFieldsMergeByName() {
        var ours = base, theirs = base
        ours.panel.chair = "Councillor Sylvia McNamara"
        theirs.panel.reportDate = CalendarDate(year: 2024, month: 3, day: 25)
        theirs.panel.title = "SEND Panel"
        ours.panel.title = "SEND Scrutiny"
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.panel.chair, "Councillor Sylvia McNamara")
        XCTAssertEqual(result.document.panel.reportDate, CalendarDate(year: 2024, month: 3, day: 25))
        XCTAssertEqual(result.conflicts, [MergeConflict(kind: .editedOnBothSides, place: .panel(field: "title"),
                                                        base: "SEND Provision Scrutiny Panel", ours: "SEND Scrutiny", theirs: "SEND Panel")])
    }

    // MARK: order

    func testBothSidesMovesAndInsertionsAreKeptWhicheverSideIsOurs() throws {
        var ours = base, theirs = base
        ours.questions.append(Question(id: "q-3", number: "5.3", title: "Data", text: ""))
        try ours.moveQuestion(id: "q-3", to: 0)!.apply(to: &ours)
        theirs.questions.insert(Question(id: "q-4", number: "5.4", title: "Funding", text: ""), at: 1)
        for (a, b) in [(ours, theirs), (theirs, ours)] {
            XCTAssertEqual(merge(a, b).document.questions.map(\.id), ["q-3", "q-1", "q-4", "q-2"])
        }
    }

    // MARK: delete on one side, edit on the other

    func testAQuestionDeletedOnOneSideAndEditedOnTheOtherIsKeptAndFlagged() throws {
        var ours = base, theirs = base
        try ours.removeQuestion(id: "q-2")!.apply(to: &ours)
        theirs.questions[1].text = "Across the piece, with data"
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.questions.map(\.text), ["How and why", "Across the piece, with data"])
        XCTAssertEqual(result.conflicts, [MergeConflict(kind: .deletedAndEdited, place: .item(.question, id: "q-2", field: nil),
                                                        base: "5.2 Equity", ours: nil, theirs: "5.2 Equity")])
        XCTAssertEqual(result.conflicts[0].describe(in: result.document),
                       "question 5.2: deleted in ours, changed in theirs (kept as “5.2 Equity”)")
    }

    func testAnUntouchedItemDeletedOnOneSideIsGoneAndItsNotesAreUnfiled() throws {
        var ours = base, theirs = base
        try ours.removeAxisItem(.criteria, id: "crit-equity")!.apply(to: &ours)
        theirs.notes.append(Note(id: "n-2", at: "2024-03-06T11:00:00+00:00", text: "No data", subject: .cell(equity)))
        let result = merge(ours, theirs)
        XCTAssertEqual(result.document.framework.criteria.map(\.id), ["crit-efficiency"])
        XCTAssertEqual(result.document.framework.cells, [efficiency: "Slow assessment"])
        XCTAssertEqual(result.document.notes.map(\.subject), [nil, nil])
        XCTAssertEqual(result.conflicts, [])
    }

    func testACriterionDeletedOnOneSideWhoseCellChangedOnTheOtherIsKeptWithTheChange() throws {
        var ours = base, theirs = base
        try ours.removeAxisItem(.criteria, id: "crit-equity")!.apply(to: &ours)
        theirs.framework[equity] = "Data at last"
        let result = merge(theirs, ours)  // the deletion on "theirs" this time
        XCTAssertEqual(result.document.framework.criteria.map(\.id), ["crit-equity", "crit-efficiency"])
        XCTAssertEqual(result.document.framework[equity], "Data at last")
        XCTAssertEqual(result.conflicts, [MergeConflict(kind: .deletedAndEdited, place: .item(.criterion, id: "crit-equity", field: nil),
                                                        base: "Equity", ours: "Equity", theirs: nil)])
    }

    // MARK: conflicts in the store

    func testConflictsAreStoredAsPlainJSONAndOnlyWhenThereAreAny() throws {
        XCTAssertFalse(String(decoding: PanelStore.encode(base), as: UTF8.self).contains("conflicts"))
        var ours = base, theirs = base
        ours.framework[equity] = "Ours"
        theirs.framework[equity] = "Theirs"
        let merged = merge(ours, theirs).document
        let json = try JSONSerialization.jsonObject(with: PanelStore.encode(merged)) as! [String: Any]
        let stored = json["conflicts"] as! [[String: String]]
        XCTAssertEqual(stored, [["kind": "edited-on-both-sides", "in": "cell", "criterion": "crit-equity",
                                 "dimension": "dim-outcomes", "base": "Lack of data", "ours": "Ours", "theirs": "Theirs"]])
        XCTAssertEqual(try PanelStore.decode(PanelStore.encode(merged), file: "merged.json"), merged)
    }

    func testAConflictResolvedOnOneSideIsGoneAfterTheNextMerge() throws {
        var conflicted = base
        conflicted.framework[equity] = "Ours"
        conflicted.conflicts = [MergeConflict(kind: .editedOnBothSides, place: .cell(equity),
                                              base: "Lack of data", ours: "Ours", theirs: "Theirs")]
        var resolved = conflicted
        try resolved.resolveConflict(at: 0, choosing: .theirs)!.apply(to: &resolved)
        var other = conflicted
        other.notes.append(Note(id: "n-9", at: "2024-03-07T09:00:00+00:00", text: "Later"))
        let result = ThreeWayMerge.merge(base: conflicted, ours: other, theirs: resolved)
        XCTAssertEqual(result.document.conflicts, [])
        XCTAssertEqual(result.document.framework[equity], "Theirs")
        XCTAssertEqual(result.document.notes.count, 2)
    }
}

extension ThreeWayMergeTests {
    /// Two clerks minuting the same meeting both start (and end) its live session: no
    /// conflict, the session ran from the first start to the last end.
    func testALiveSessionBothClerksRanSpansBothWithoutAConflict() {
        var ours = base, theirs = base
        ours.schedule[0].startedAt = "2024-03-06T10:00:05+00:00"
        ours.schedule[0].endedAt = "2024-03-06T11:30:00+00:00"
        theirs.schedule[0].startedAt = "2024-03-06T09:59:00+00:00"
        theirs.schedule[0].endedAt = "2024-03-06T12:40:00+01:00"  // 11:40 UTC, written with an offset
        ours.notes.append(Note(id: "n-ours", at: "2024-03-06T10:01:00+00:00", text: "A", source: "s-forum"))
        theirs.notes.append(Note(id: "n-theirs", at: "2024-03-06T10:02:00+00:00", text: "B", source: "s-forum"))
        for (a, b) in [(ours, theirs), (theirs, ours)] {
            let result = merge(a, b)
            XCTAssertEqual(result.conflicts, [])
            XCTAssertEqual(result.document.schedule[0].startedAt, "2024-03-06T09:59:00+00:00")
            XCTAssertEqual(result.document.schedule[0].endedAt, "2024-03-06T12:40:00+01:00")
            XCTAssertEqual(result.document.notes.map(\.id), ["n-1", "n-ours", "n-theirs"])
        }
    }
}
