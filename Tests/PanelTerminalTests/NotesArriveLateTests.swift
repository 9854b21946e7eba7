import Foundation
@testable import PanelModel
import XCTest
@testable import PanelTerminal

/// A store whose notes are still being decoded when the terminal is ready: the first frame says
/// so and shows no note count, and once they are in, the screen and the document are exactly
/// those of a store decoded whole.
final class NotesArriveLateTests: XCTestCase {
    private var folder: URL!
    private var store: URL { folder.appendingPathComponent("panel.json") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("late-notes-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The test panel with notes on the first cell and the first question, so counts show.
    private static func panelWithNotes() -> PanelDocument {
        var document = TestPanel.make()
        let cell = CellKey(criterion: document.framework.criteria[0].id, dimension: document.framework.dimensions[0].id)
        for k in 1...7 {
            document.notes.append(Note(id: "late-\(k)", at: "2024-03-06T10:41:07+00:00", text: "evidence \(k)",
                                       subject: k <= 4 ? .cell(cell) : .question(document.questions[0].id)))
        }
        return document
    }

    /// As `scrutiny FILE` builds its workspace (see OpenCommand).
    private func workspace(_ document: PanelDocument) -> Workspace {
        var workspace = Workspace(document: document, keymap: TestKeys.defaultKeymap, today: TestPanel.today)
        workspace.timeZone = TimeZone(identifier: "UTC")!
        return workspace
    }

    private func screen(of app: Workspace, width: Int = 100, height: Int = 30) -> String {
        var app = app
        _ = app.handle(.resize(width: width, height: height))
        var frame = ScreenBuffer(width: width, height: height)
        app.render(into: &frame)
        return frame.text
    }

    func testTheFirstFrameSaysTheNotesAreLoadingThenTheScreenIsTheWholeDecodes() throws {
        try PanelStore.create(Self.panelWithNotes(), at: store)
        var held: (@Sendable () -> Void)?
        let opening = try StoreSession.begin(store, program: "t", now: Date(), calls: .live,
                                             startNotes: { held = $0 }, deferFrom: 0)
        XCTAssertTrue(opening.notesPending)
        var preview = workspace(opening.preview)
        preview.notesLoading = true

        let terminal = HostLoopTests.ScriptedTerminal([])
        terminal.size = (100, 30)
        var firstFrame = ""
        let finished = TerminalSession.drawFirst(preview, on: terminal) { () -> (StoreSession, StoreSession.Opened)? in
            // The frame is on the screen before the notes are decoded.
            firstFrame = terminal.frames.last?.text ?? ""
            held.map { Thread.detachNewThread($0) }
            return try? opening.finish()
        }
        let (session, opened) = try XCTUnwrap(finished)
        XCTAssertEqual(terminal.frames.count, 1)
        XCTAssertTrue(firstFrame.split(separator: "\n")[0].hasSuffix("loading notes…"), firstFrame)
        XCTAssertFalse(firstFrame.contains("◆"), "no note count is drawn before the notes are in:\n\(firstFrame)")

        let late = screen(of: workspace(opened.document))
        session.close()
        let whole = try PanelStore.load(from: store)
        XCTAssertEqual(opened.document, whole)
        XCTAssertEqual(late, screen(of: workspace(whole)))
        XCTAssertGreaterThanOrEqual(late.count(where: { $0 == "◆" }), 3, "the counts are drawn once the notes are in:\n\(late)")
        var withoutLoading = preview
        withoutLoading.notesLoading = false
        XCTAssertEqual(firstFrame.split(separator: "\n").dropFirst(), screen(of: withoutLoading).split(separator: "\n").dropFirst(),
                       "apart from the title bar, the first frame is the panel without its notes")
    }
}
