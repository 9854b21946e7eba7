import Foundation
import XCTest
import PanelModel
@testable import PanelTerminal

/// Notes driven by keys in-process: the note box, the evidence counts, the drawer and what it
/// does to a note (move, promote, edit, delete, all undoable), the views and search.
final class NotesWorkspaceTests: XCTestCase {
    private let equityDiagnosis = TestPanel.key("equity", "diagnosis")
    private let equityFunding = TestPanel.key("equity", "funding")

    /// Live in SENDIASS from 10:00 on 13 March 2024, the grid on Equity × Diagnosis.
    private func liveOnEquity(_ clock: LiveTestClock) -> WorkspaceDriver {
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("1", "j", "L", "2", "G")
        return driver
    }

    private func lines(_ driver: WorkspaceDriver, _ range: ClosedRange<Int>) -> [String] {
        let screen = driver.screen()
        return range.map(screen.line)
    }

    private func newNotes(_ driver: WorkspaceDriver) -> [Note] {
        driver.document.notes.filter { $0.id != "note-1" && $0.id != "note-2" }
    }

    // MARK: Taking notes

    func testNFromTheGridTakesANoteOnTheCellInTheLiveSession() throws {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        clock.advance(30)
        driver.press("n")
        driver.type("Parents pay for private assessments")
        XCTAssertEqual(lines(driver, 20...23), [
            "│                            │┌─ Note 10:00 · Equity × Diagnosis · ● SENDIASS ─┐",
            "│                            ││ Parents pay for private assessments            │",
            "└────────────────────────────┘└────────────────────────────────────────────────┘",
            " enter finish  esc leave  A-enter new line                   Equity × Diagnosis",
        ])
        // Every keystroke is in a draft, as in the cell editor.
        let draft = try XCTUnwrap(driver.drafts.last ?? nil)
        XCTAssertEqual(Draft.decode(draft)?.text, "Parents pay for private assessments")
        clock.advance(20)  // the note keeps the time the box was opened
        driver.press("enter")
        XCTAssertEqual(driver.message, "Note taken at 10:00 on Equity × Diagnosis in “SENDIASS”")
        XCTAssertEqual(driver.drafts.last, .some(nil), "the draft is removed once the note is saved")
        let note = try XCTUnwrap(newNotes(driver).first)
        XCTAssertEqual(note.at, "2024-03-13T10:00:30+00:00")
        XCTAssertEqual(note.text, "Parents pay for private assessments")
        XCTAssertEqual(note.source, "item-sendiass")
        XCTAssertEqual(note.subject, .cell(equityDiagnosis))
        XCTAssertEqual(driver.saves.last?.notes.last, note)
        XCTAssertEqual(driver.workspace.mode, .normal)
    }

    func testTheBoxGrowsWithItsText() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("n")
        driver.type("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen")
        XCTAssertEqual(lines(driver, 19...22), [
            "│                            │┌─ Note 10:00 · Equity × Diagnosis · ● SENDIASS ─┐",
            "│                            ││ One two three four five six seven eight nine   │",
            "│                            ││ ten eleven twelve thirteen fourteen fifteen    │",
            "└────────────────────────────┘└────────────────────────────────────────────────┘",
        ])
    }

    func testTheSubjectIsWhatHasFocusQuestionOrNothing() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("3", "n")
        driver.type("Ask about audits")
        driver.press("enter")
        XCTAssertEqual(driver.message, "Note taken at 10:00 on question 5.1 ENG and Clusters")
        driver.press("1", "n")
        driver.type("Room booked")
        driver.press("esc")  // leaving keeps the text, as everywhere
        XCTAssertEqual(driver.message, "Note taken at 10:00 (no cell or question)")
        driver.press("n", "enter")
        XCTAssertEqual(driver.message, "Nothing typed: no note taken")
        driver.press("2", ":")
        driver.type("note Tribunals are up")
        driver.press("enter")
        XCTAssertEqual(newNotes(driver).map(\.text), ["Ask about audits", "Room booked", "Tribunals are up"])
        XCTAssertEqual(newNotes(driver).map(\.subject),
                       [.question("q-eng"), nil, .cell(TestPanel.key("effectiveness", "diagnosis"))])
        XCTAssertEqual(newNotes(driver).map(\.source), [nil, nil, nil], "nothing is live")
        driver.press("u")
        XCTAssertEqual(newNotes(driver).count, 2)
    }

    /// A crash while typing a note: the draft brings the box back with its text, its subject,
    /// its session and its time.
    func testANoteBeingTypedComesBackFromItsDraft() throws {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("n")
        driver.type("Half a thou")
        let draft = try XCTUnwrap(driver.drafts.last ?? nil)
        clock.advance(300)
        var reopened = WorkspaceDriver(driver.document, draft: draft)
        reopened.workspace.clock = { clock.now }
        XCTAssertEqual(reopened.message, "Restored the text you were typing when Scrutiny last stopped")
        reopened.type("ght")
        reopened.press("enter")
        let note = try XCTUnwrap(newNotes(reopened).first)
        XCTAssertEqual(note.text, "Half a thought")
        XCTAssertEqual(note.at, "2024-03-13T10:00:00+00:00")
        XCTAssertEqual(note.source, "item-sendiass")
        XCTAssertEqual(note.subject, .cell(equityDiagnosis))
    }

    // MARK: Evidence counts

    func testCountsShowInTheCornerOfEachCellAndOnEachQuestion() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = WorkspaceDriver.clocked(clock)
        driver.press("n")
        driver.type("One")
        driver.press("enter")  // on Effectiveness × Diagnosis, whose text does not fit
        for _ in 0..<11 {
            driver.press("l", "n")
            driver.type("x")
            driver.press("enter", "h")
        }
        driver.press("3", "n")
        driver.type("q")
        driver.press("enter")
        XCTAssertEqual(lines(driver, 2...7), [
            "│ HELD                       ││               │ Diagnosis      │ Provision/Fu…›│",
            "│  3 Oct 23  I Vikram Hansra…││ Effectiveness │ Depends on   1◆│ Some       11◆│",
            "│ 30 Oct 23  I SENDIASS      ││               │ condition      │ excellent     │",
            "│ UPCOMING                   ││               │ being          │ provision     │",
            "│  1 Mar 24  F ✗ Parents for…││               │ diagnosed.     │ but…        +9│",
            "│ ── today 13 Mar 24 ─────── ││ Efficiency    │                │               │",
        ])
        XCTAssertEqual(lines(driver, 11...11), ["│         —  S SENDCOs survey││ Equity        │ Lack of data 1◆│               │"])
        XCTAssertEqual(lines(driver, 18...18), ["│                            ││ 5.1 ENG and Clu… open      Continue to inve… 2◆│"])
        XCTAssertEqual(driver.screen()[61, 11].style, Style(.mark, bold: true))
    }

    // MARK: The drawer

    func testTheDrawerListsTheCellsNotesNewestFirstWithTimeAndSource() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("n")
        driver.type("Parents pay for private assessments")
        driver.press("enter")
        clock.advance(65)
        driver.press("n")
        driver.type("Waiting lists of 18 months for an assessment, longer for autism, and families are told nothing")
        driver.press("enter", "N")
        // Above the cell, which stays in sight below the drawer.
        XCTAssertEqual(lines(driver, 1...11), [
            "┌ Schedule ──────────────────┐┌ Notes · Equity × Diagnosis · 3 notes ──────────┐",
            "│ HELD                       ││ 13 Mar 24 10:01 · SENDIASS                     │",
            "│  3 Oct 23  I Vikram Hansra…││   Waiting lists of 18 months for an assessment,│",
            "│ 30 Oct 23  I ● SENDIASS    ││   longer for autism, and families are told     │",
            "│ UPCOMING                   ││   nothing                                      │",
            "│  1 Mar 24  F ✗ Parents for…││ 13 Mar 24 10:00 · SENDIASS                     │",
            "│ ── today 13 Mar 24 ─────── ││   Parents pay for private assessments          │",
            "│ 25 Mar 24  W 10 special sc…││ 6 Mar 24 10:41 · no session                    │",
            "│ 10 Apr 24  M Autism Partne…││   Parents pay for assessments                  │",
            "│ TO BE SCHEDULED            │└────────────────────────────────────────────────┘",
            "│         —  S SENDCOs survey││ Equity        │ Lack of data 3◆│               │",
        ])
        XCTAssertEqual(lines(driver, 23...23), [" e edit  m move  p add to text  d d delete  n new note       Equity × Diagnosis"])
        XCTAssertEqual(driver.screen()[32, 2].style, Style(.selected, bold: true))
        driver.press("j")
        XCTAssertEqual(driver.screen()[32, 6].style, Style(.selected, bold: true))
        driver.press("N")
        XCTAssertEqual(driver.workspace.mode, .normal)
        driver.press("1", "N")
        XCTAssertEqual(lines(driver, 10...11), [
            "│ TO BE SCHEDULED            │┌ 3 notes taken in SENDIASS ─────────────────────┐",
            "│         —  S SENDCOs survey││ 13 Mar 24 10:01 · Equity × Diagnosis           │",
        ])
        driver.press("N", "k", "N")
        XCTAssertEqual(lines(driver, 10...10), ["│ TO BE SCHEDULED            │┌ 0 notes taken in Vikram Hansrani ──────────────┐"])
        XCTAssertEqual(lines(driver, 11...11), ["│         —  S SENDCOs survey││ No notes here yet.                             │"])
        driver.press("q")
        XCTAssertEqual(driver.workspace.mode, .normal, "q closes the drawer, it does not quit")
        XCTAssertFalse(driver.effects.contains(.quit))
    }

    func testMovingANotePicksTheCellWithTheKeyboardAndUndoPutsItBack() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("N", "m")
        XCTAssertEqual(lines(driver, 1...1), ["┌ Schedule ──────────────────┐┌ Framework ─────────────────────────────────────┐"],
                       "the drawer steps aside while the clerk picks the place")
        XCTAssertEqual(lines(driver, 23...23), [" enter file the note here  esc cancel  tab panes             Equity × Diagnosis"])
        driver.press("l", "enter")
        XCTAssertEqual(driver.message, "Moved the note to Equity × Provision/Funding — u undoes")
        XCTAssertEqual(driver.document.notes[0].subject, .cell(equityFunding))
        XCTAssertEqual(lines(driver, 1...2), [
            "┌ Schedule ──────────────────┐┌ Notes · Equity × Diagnosis · 0 notes ──────────┐",
            "│ HELD                       ││ No notes here yet.                             │",
        ])
        XCTAssertEqual(lines(driver, 11...11), ["│         —  S SENDCOs survey││ Equity        │ Lack of data   │             1◆│"])
        driver.press("u")
        XCTAssertEqual(driver.document.notes[0].subject, .cell(equityDiagnosis))
        XCTAssertEqual(lines(driver, 2...2), ["│ HELD                       ││ 6 Mar 24 10:41 · no session                    │"])

        // To a question, from the grid, with Tab and the questions' own Enter.
        driver.press("m", "tab")
        XCTAssertEqual(driver.workspace.focus, .questions)
        driver.press("j", "enter")
        XCTAssertEqual(driver.document.notes[0].subject, .question("q-equity"))
        XCTAssertEqual(driver.workspace.mode, .notes(NotesView(.subject(.cell(equityDiagnosis)), in: driver.document)),
                       "back in the drawer the note was moved from")
        // Esc puts the note down where it was.
        driver.press("esc", "3", "N", "m", "esc")
        XCTAssertEqual(driver.message, "Not moved")
        XCTAssertEqual(driver.document.notes[0].subject, .question("q-equity"))
    }

    func testPromotingAppendsTheNoteToTheCellAndKeepsTheLink() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("N", "p")
        XCTAssertEqual(driver.cell("equity", "diagnosis"), "Lack of data\nParents pay for assessments")
        XCTAssertEqual(driver.document.notes[0].subject, .cell(equityDiagnosis))
        XCTAssertEqual(driver.message, "Added the note to the text of Equity × Diagnosis, still linked — u undoes")
        if case .notes = driver.workspace.mode {} else { XCTFail("the drawer stays open") }
        driver.press("u")
        XCTAssertEqual(driver.cell("equity", "diagnosis"), "Lack of data")
        driver.press("esc", "1", "n")
        driver.type("Loose")
        driver.press("enter", "U", "p")
        XCTAssertEqual(driver.message, "The note has no cell or question: m files it first")
    }

    func testEditingAndDeletingNotesAreUndoable() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("N", "enter")
        XCTAssertEqual(lines(driver, 20...21), [
            "│                            │┌─ Edit note of 6 Mar 24 10:41 ──────────────────┐",
            "│                            ││ Parents pay for assessments                    │",
        ])
        driver.type(", often £2,000")
        driver.press("enter")
        XCTAssertEqual(driver.document.notes[0].text, "Parents pay for assessments, often £2,000")
        XCTAssertEqual(lines(driver, 3...3), ["│  3 Oct 23  I Vikram Hansra…││   Parents pay for assessments, often £2,000    │"],
                       "back in the drawer, showing the new text")
        driver.press("d d")
        XCTAssertEqual(driver.message, "Deleted the note — u undoes")
        XCTAssertEqual(driver.document.notes.map(\.id), ["note-2"])
        XCTAssertEqual(lines(driver, 11...11), ["│         —  S SENDCOs survey││ Equity        │ Lack of data   │               │"])
        driver.press("u")
        XCTAssertEqual(driver.document.notes.map(\.id), ["note-1", "note-2"])
        driver.press("u")
        XCTAssertEqual(driver.document, { var d = TestPanel.make(); d.live = driver.document.live; return d }())
        driver.press("enter", "C-u", "enter")
        XCTAssertEqual(driver.message, "A note cannot be empty: the old text is kept (delete-note deletes it)")
        XCTAssertEqual(driver.document.notes[0].text, "Parents pay for assessments")
    }

    // MARK: Views

    func testTheSessionViewAndTheTodayTimelineReadInTimeOrder() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("n")
        driver.type("Parents pay")
        driver.press("enter")
        clock.advance(3600)
        driver.press("1", "j", "j", "L")  // the workshop goes live; SENDIASS ends
        driver.press("3", "n")
        driver.type("Clusters work in the north")
        driver.press("enter", "1", "k", "k", "v")
        XCTAssertEqual(lines(driver, 10...16), [
            "│ TO BE SCHEDULED            │┌ Session · 2 notes · 10:00–11:00 · SENDIASS ────┐",
            "│         —  S SENDCOs survey││ 6 Mar 24 10:42 · question 5.1 ENG and Clusters │",
            "│         —  V Other boroughs││   Clusters vary                                │",
            "│                            ││ 13 Mar 24 10:00 · Equity × Diagnosis           │",
            "│                            ││   Parents pay                                  │",
            "│                            ││                                                │",
            "│                            ││                                                │",
        ])
        driver.press("t")
        XCTAssertEqual(lines(driver, 10...14), [
            "│ TO BE SCHEDULED            │┌ Today · 13 March 2024 · 2 notes across sessions┐",
            "│         —  S SENDCOs survey││ 10:00 · SENDIASS · Equity × Diagnosis          │",
            "│         —  V Other boroughs││   Parents pay                                  │",
            "│                            ││ 11:00 · 10 special schools · question 5.1 ENG… │",
            "│                            ││   Clusters work in the north                   │",
        ])
    }

    func testDeletingACriterionAsksWithTheCountAndItsNotesAreFoundAsUnfiled() {
        let clock = LiveTestClock("2024-03-13T10:00:00Z")
        var driver = liveOnEquity(clock)
        driver.press("n")
        driver.type("Second")
        driver.press("enter", "d r")
        XCTAssertEqual(driver.screen().line(23),
                       "Delete criterion “Equity” and its 1 filled cell? 2 notes become unfiled. (y/n)")
        driver.press("y", "U")
        XCTAssertEqual(lines(driver, 10...14), [
            "│ TO BE SCHEDULED            │┌ Unfiled notes · 2 notes ───────────────────────┐",
            "│         —  S SENDCOs survey││ 13 Mar 24 10:00 · SENDIASS · unfiled           │",
            "│         —  V Other boroughs││   Second                                       │",
            "│                            ││ 6 Mar 24 10:41 · no session · unfiled          │",
            "│                            ││   Parents pay for assessments                  │",
        ])
        // File one again from the unfiled list.
        driver.press("m", "2", "enter")
        XCTAssertEqual(driver.document.notes.first { $0.text == "Second" }?.subject,
                       .cell(TestPanel.key("efficiency", "diagnosis")), "Efficiency took the deleted row's place")
        XCTAssertEqual(lines(driver, 10...10), ["│ TO BE SCHEDULED            │┌ Unfiled notes · 1 note ────────────────────────┐"])
    }

    // MARK: Search

    func testSearchFindsNotesAndSaysWhatTheyAreAboutAndWhereTheyWereTaken() {
        var driver = WorkspaceDriver()
        driver.press("/")
        driver.type("vary")
        driver.press("enter")
        XCTAssertEqual(driver.message,
                       "Match 1 of 1 for “vary” in a note on question 5.1 ENG and Clusters, in SENDIASS (6 Mar 24 10:42): Clusters vary")
        XCTAssertEqual(driver.workspace.position, "Question 5.1 · open")

        driver = WorkspaceDriver()
        driver.press("/")
        driver.type("clusters")
        driver.press("enter")
        XCTAssertEqual(driver.message, "Match 1 of 2 for “clusters”")
        driver.press("C-n")
        XCTAssertEqual(driver.message,
                       "Match 2 of 2 for “clusters” in a note on question 5.1 ENG and Clusters, in SENDIASS (6 Mar 24 10:42): Clusters vary")
        XCTAssertEqual(driver.workspace.position, "Question 5.1 · open")
        driver.press("C-n")
        XCTAssertEqual(driver.message, "Match 1 of 2 for “clusters”",
                       "the next step goes on past the note, round to the first match")
    }
}

extension NotesWorkspaceTests {
    /// A long list scrolls to keep the selected note whole, with marks for what is above and below.
    func testTheDrawerScrollsToTheSelectedNote() {
        var document = TestPanel.make()
        for i in 1...30 {
            let minute = String(format: "%02d", i)
            document.notes.append(Note(id: "n\(i)", at: "2024-03-07T10:\(minute):00+00:00", text: "Note \(i)",
                                       subject: .cell(equityDiagnosis)))
        }
        var driver = WorkspaceDriver(document)
        driver.press("G", "N")
        XCTAssertEqual(lines(driver, 1...3), [
            "┌ Schedule ──────────────────┐┌ Notes · Equity × Diagnosis · 31 notes ─────────┐",
            "│ HELD                       ││ 7 Mar 24 10:30 · no session                    │",
            "│  3 Oct 23  I Vikram Hansra…││   Note 30                                      │",
        ])
        XCTAssertEqual(lines(driver, 10...10), ["│ TO BE SCHEDULED            │└───────────────────────────────────── ↓ 27 more ┘"])
        driver.press("G")
        XCTAssertEqual(lines(driver, 1...1), ["┌ Schedule ──────────────────┐┌ Notes · Equity × Diagnosis · 31 notes ────── ↑ ┐"])
        XCTAssertEqual(lines(driver, 8...9), [
            "│ 25 Mar 24  W 10 special sc…││ 6 Mar 24 10:41 · no session                    │",
            "│ 10 Apr 24  M Autism Partne…││   Parents pay for assessments                  │",
        ])
        XCTAssertEqual(driver.screen()[32, 9].style, Style(.selected, bold: true))
        driver.press("g g")
        XCTAssertEqual(lines(driver, 3...3), ["│  3 Oct 23  I Vikram Hansra…││   Note 30                                      │"])
    }

    /// The same notes under the vim and emacs keymaps.
    func testNotesUnderTheVimAndEmacsKeymaps() throws {
        for (name, note, drawer, close) in [("vim", "m", "M", "esc"), ("emacs", "C-c n", "C-c N", "C-g")] {
            var driver = WorkspaceDriver()
            driver.workspace = Workspace(document: TestPanel.make(), keymap: try KeymapLoader.load(name, userFile: nil),
                                         today: TestPanel.today)
            driver.press(note)
            driver.type("From \(name)")
            driver.press("enter", drawer)
            if case .notes(let view) = driver.workspace.mode {
                XCTAssertEqual(view.notes.map(\.text), ["From \(name)"], name)
            } else {
                XCTFail("\(name): \(drawer) opens the drawer")
            }
            driver.press(close)
            XCTAssertEqual(driver.workspace.mode, .normal, name)
        }
    }
}

extension NotesWorkspaceTests {
    /// A read-only view never opens a box whose text it could not keep.
    func testAReadOnlyViewTakesNoNotes() {
        var driver = WorkspaceDriver()
        driver.workspace.readOnly = true
        driver.press("n")
        XCTAssertEqual(driver.workspace.mode, .normal)
        XCTAssertEqual(driver.message, "read-only view: notes are taken in the clerk's own Scrutiny")
        driver.press("N")
        if case .notes = driver.workspace.mode {} else { XCTFail("the drawer still shows the notes") }
        driver.press("d d")
        XCTAssertEqual(driver.document, TestPanel.make())
    }
}
