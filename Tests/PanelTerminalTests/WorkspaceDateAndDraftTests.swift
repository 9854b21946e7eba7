import XCTest
import PanelModel
@testable import PanelTerminal

/// The date prompt (the forms clerks write) and drafts of an open editor (nothing typed is lost).
final class WorkspaceDateAndDraftTests: XCTestCase {
    // MARK: Dates

    func testDatePromptAcceptsTheFormsClerksWrite() {
        let cases: [(String, String?, String?)] = [
            ("6 March 2024", "2024-03-06", nil),
            ("6/3/2024", "2024-03-06", nil),
            ("2024-03-06", "2024-03-06", nil),
            ("6 Mar", "2024-03-06", nil),  // the current year (today is in 2024)
            ("6–8 March 2024", "2024-03-06", "2024-03-08"),
            ("6-8 March", "2024-03-06", "2024-03-08"),
            ("30 April to 2 May 2024", "2024-04-30", "2024-05-02"),
            ("", nil, nil),
        ]
        for (typed, start, end) in cases {
            var driver = WorkspaceDriver()
            driver.press("1", "G", "D")
            driver.type(typed)
            driver.press("enter")
            let item = driver.document.schedule[6]
            XCTAssertEqual(item.date?.iso, start, typed)
            XCTAssertEqual(item.endDate?.iso, end, typed)
            XCTAssertEqual(driver.workspace.selection.scheduleItem, "item-visit", "the selection follows the item")
        }
    }

    func testDatePromptStartsWithTheCurrentDateAndEmptyUnschedules() {
        var driver = WorkspaceDriver()
        driver.press("1", "D")
        XCTAssertTrue(driver.screen().line(23).hasSuffix(": 3 October 2023"))
        driver.press("C-u", "enter")
        XCTAssertNil(driver.document.schedule[0].date)
        XCTAssertEqual(driver.message, "“Vikram Hansrani”: to be scheduled")
        driver.press("u")
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testUnreadableDateChangesNothingAndSaysWhatWorks() {
        var driver = WorkspaceDriver()
        driver.press("1", "G", "D")
        driver.type("next Tuesday")
        driver.press("enter")
        XCTAssertEqual(driver.message, "“next Tuesday” is not a date I can read: try 6 March 2024, 6/3/2024 or 2024-03-06")
        XCTAssertEqual(driver.document, TestPanel.make())
    }

    func testDateInputRanges() {
        XCTAssertEqual(DateInput.parse("8–6 March 2024", defaultYear: 2024), nil, "a range must run forwards")
        XCTAssertEqual(DateInput.parse("6-3-2024", defaultYear: 2000)?.start?.iso, "2024-03-06")
        XCTAssertEqual(DateInput.format(CalendarDate(iso: "2024-03-06")!, end: CalendarDate(iso: "2024-03-08")),
                       "6 March 2024 – 8 March 2024")
        let roundTrip = DateInput.parse("6 March 2024 – 8 March 2024", defaultYear: 1999)
        XCTAssertEqual(roundTrip?.start?.iso, "2024-03-06")
        XCTAssertEqual(roundTrip?.end?.iso, "2024-03-08")
    }

    // MARK: Drafts

    func testDraftIsSavedWheneverTheTextChangesAndRemovedWhenTheEditorCloses() throws {
        var driver = WorkspaceDriver()
        driver.press("j", "enter")
        driver.type("ab")
        driver.press("left")  // moves the cursor only: no new draft
        XCTAssertEqual(driver.drafts.count, 3, "opening, then one per typed character")
        let last = try XCTUnwrap(Draft.decode(try XCTUnwrap(driver.drafts.last ?? nil)))
        XCTAssertEqual(last, Draft(target: .cell(criterion: "crit-efficiency", dimension: "dim-diagnosis"),
                                   text: "ab", cursor: 2))
        driver.press("enter")
        XCTAssertEqual(driver.effects.suffix(2), [.save(driver.document), .saveDraft(nil)])
    }

    func testDraftBytesAreReadableJSON() throws {
        let draft = Draft(target: .questionText("q-eng"), text: "é\n日本", cursor: 3)
        let object = try JSONSerialization.jsonObject(with: draft.encoded()) as? [String: Any]
        XCTAssertEqual(object?["text"] as? String, "é\n日本")
        XCTAssertEqual(object?["cursor"] as? Int, 3)
        XCTAssertEqual(Draft.decode(draft.encoded()), draft)
    }

    func testReopeningWithADraftRestoresTheEditorTextAndCursor() {
        let draft = Draft(target: .cell(criterion: "crit-equity", dimension: "dim-outcomes"), text: "half typed", cursor: 4)
        var driver = WorkspaceDriver(draft: draft.encoded())
        XCTAssertEqual(driver.workspace.position, "Equity × Outcomes")
        XCTAssertEqual(driver.message, "Restored the text you were typing when Scrutiny last stopped")
        driver.type("-")
        driver.press("enter")
        XCTAssertEqual(driver.cell("equity", "outcomes"), "half- typed")
        XCTAssertEqual(driver.effects.last, .saveDraft(nil))
    }

    func testDraftWhosePlaceIsGoneIsKeptAsAnUnfiledNote() {
        let draft = Draft(target: .cell(criterion: "crit-gone", dimension: "dim-outcomes"), text: "precious", cursor: 8)
        var driver = WorkspaceDriver(draft: draft.encoded())
        XCTAssertEqual(driver.message, "Restored unsaved text whose place is gone — Enter keeps it as an unfiled note")
        XCTAssertTrue(driver.screen().text.contains("precious"))
        driver.press("enter")
        XCTAssertEqual(driver.document.notes.last?.text, "precious")
        XCTAssertNil(driver.document.notes.last?.subject)
    }

    func testUnreadableDraftIsShownRatherThanDropped() {
        var driver = WorkspaceDriver(draft: Data("not json".utf8))
        XCTAssertEqual(driver.message, "A draft could not be read; its bytes are in the editor — Enter keeps them as a note")
        driver.press("enter")
        XCTAssertEqual(driver.document.notes.last?.text, "not json")
    }

    func testCellDeletedWhileTypingKeepsTheTextAsANote() {
        var driver = WorkspaceDriver()
        driver.press("enter")
        driver.type(" kept")
        // The cell's row disappears under the editor (an undo of its creation, a merge…).
        driver.workspace.apply(driver.document.removeAxisItem(.criteria, id: "crit-effectiveness")!)
        driver.press("enter")
        XCTAssertEqual(driver.document.notes.last?.text, "Depends on condition being diagnosed. kept")
        XCTAssertEqual(driver.message, "Its place is gone, so the text is kept as an unfiled note")
    }
}
