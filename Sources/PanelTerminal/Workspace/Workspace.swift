import Foundation
import PanelModel

/// The whole workspace: the panel being edited and everything about the screen, in one value.
///
/// Events come in (`handle`), effects go out (save, save a draft, quit, suspend) and the screen
/// is drawn from the state alone (`render`), so tests drive it by key names and read the model
/// or the screen as text. It never touches the terminal or the disk.
///
/// Selections are kept by id, never by position, so reordering or renaming keeps them.
public struct Workspace: TerminalApp {
    public private(set) var document: PanelDocument {
        didSet { revision = .next() }
    }
    let keymap: Keymap
    let today: CalendarDate
    /// For the clock in "saved 10:41:07" and the time stamps of notes; nil (the default): the
    /// machine's zone, read by glibc rather than ICU (see `WallClock.local`). Tests fix one.
    var timeZone: TimeZone?
    private(set) var width: Int
    private(set) var height: Int

    var history = History()
    var focus: Pane = .framework
    var selection = Selection()
    var scroll = ScrollOffsets()
    var mode: Mode = .normal
    /// Keys typed so far of a longer binding ("g" of "g g").
    var pendingKeys: [Key] = []
    var message: StatusMessage?
    var saveStatus: SaveStatus?
    /// The last search, highlighted until Esc.
    var searchQuery: String?
    /// The merge conflict `next-conflict` last showed, when no pane can select it (a note's,
    /// a panel field's): the one keep-ours and take-theirs then resolve.
    var shownConflict: ShownConflict?
    /// Text typed into a prompt that Esc left, by prompt: it comes back when that prompt opens
    /// again, so no key throws typing away (see Workspace+KeptPrompts).
    var keptPromptText: [Prompt.Slot: String] = [:]
    /// Effects gathered while handling one event.
    var outbox: [AppEffect] = []
    /// Presentation, zoom and the read-only view (Workspace+Presentation, Workspace+Zoom).
    var chair = ChairView()
    /// Where the time comes from for notes and the live session (tests fix it).
    var clock: @Sendable () -> Date = { Date() }
    /// The time of the last event or tick: what the title bar's elapsed time shows.
    var now = Date()
    /// Note counts by cell, question and session, kept up to date edit by edit (see `NoteIndex`).
    var noteIndex: NoteIndex {
        didSet { revision = .next() }
    }
    /// Names this state of `document` and `noteIndex`, whatever changed them: the pane cache's
    /// keys hold it instead of the document (see `Revision`).
    private(set) var revision = Revision.next()
    /// The note the last search landed on, and where that left the selection (see Workspace+Search).
    var noteMatch: NoteMatch?
    /// A view of a store another Scrutiny is writing: every change is refused ("read-only
    /// view"), so nothing is ever recorded or saved.
    public var readOnly = false
    /// Drawn before the store's notes are in (see `StoreOpening`): the title bar says "loading
    /// notes…" and no note count is shown. The host handles no key in that state; it replaces the
    /// workspace by one made from the whole document.
    public var notesLoading = false
    /// The store being edited: `:export` writes beside it. Nil in tests that need no files.
    public var storeURL: URL?
    /// What the last `:import` could not place, for `:warnings` (Workspace+Reports).
    var importWarnings = ImportWarnings()
    /// Wrapped grid cells from earlier frames, so a move re-wraps nothing (see CellLinesCache).
    let cellLines = CellLinesCache()
    /// Zoomed cells' wrapped text, so a key in the zoom re-wraps nothing (see ZoomView.TextCache).
    let zoomTexts = ZoomView.TextCache()
    /// The panes of the last frame, so a key redraws only the panes it changed (see PaneCache).
    let paneCache = PaneCache()
    /// The schedule's rows for the document as it is, so a move does not group and sort them again.
    let scheduleRowsCache = ScheduleRowsCache()

    /// - Parameter draft: bytes of an editor draft left by a session that ended while typing;
    ///   the editor reopens on it so nothing typed is lost.
    public init(document: PanelDocument, keymap: Keymap, draft: Data? = nil, today: CalendarDate = .today(),
                width: Int = 80, height: Int = 24) {
        self.document = document
        self.keymap = keymap
        self.today = today
        self.width = max(0, width)
        self.height = max(0, height)
        noteIndex = NoteIndex(document.notes)
        normalizeSelection()
        if let draft { restoreDraft(draft) }
        reveal()
    }

    // MARK: Events

    public mutating func handle(_ event: InputEvent) -> [AppEffect] {
        outbox = []
        now = clock()
        let draftBefore = currentDraft
        let promptBefore = openPromptSlot
        switch event {
        case let .resize(w, h):
            width = max(0, w)
            height = max(0, h)
        case .paste(let text):
            paste(text)
        case .key(let key):
            press(key)
        }
        if openPromptSlot != promptBefore { bringBackKeptText() }
        normalizeSelection()
        reveal()
        revealChairView()
        let draftAfter = currentDraft
        if draftAfter?.target != draftBefore?.target || draftAfter?.text != draftBefore?.text {
            outbox.append(.saveDraft(draftAfter.map(DeferredBytes.init(draft:))))
        }
        publishSelectionIfMoved()
        // Belt and braces: a read-only view never asks for anything to be written.
        if readOnly { outbox.removeAll { $0.writesStore } }
        return outbox
    }

    public mutating func setSaveStatus(_ status: SaveStatus) {
        saveStatus = status
    }

    /// A line for the status bar until the next key, e.g. what opening the store recovered.
    /// Said after what the workspace already has to say (that it put a draft back in its editor).
    public mutating func announce(_ text: String) {
        guard let said = message else {
            message = StatusMessage(text: text)
            return
        }
        message = StatusMessage(text: said.text + " · " + text, isError: said.isError)
    }

    private mutating func press(_ key: Key) {
        switch mode {
        case .normal: pressNormal(key)
        case .editing(let session) where session.target.isNote: pressNoteEditor(key)
        case .editing: pressEditing(key)
        case .notes: pressNotes(key)
        case .prompt: pressPrompt(key)
        case .help: pressHelp(key)
        }
    }

    private mutating func pressNormal(_ key: Key) {
        message = nil
        if pendingKeys.isEmpty && key == Key(.escape) && leaveChairViewOnEscape() { return }
        let keys = pendingKeys + [key]
        switch keymap.lookup(keys, in: focus.context) {
        case .action(let action):
            pendingKeys = []
            perform(action)
        case .prefix:
            pendingKeys = keys
            message = StatusMessage(text: KeyName.format(keys) + " …")
        case .none:
            pendingKeys = []
            if keys == [Key(.escape)] {
                searchQuery = nil  // Esc clears search highlights and any half-typed binding
                return
            }
            message = StatusMessage(text: notBound(keys), isError: true)
        }
    }

    private mutating func pressHelp(_ key: Key) {
        guard case .help(let first) = mode else { return }
        // The usual ways out of a pager, whatever the keymap; also its own help and quit keys.
        let closers: [Key] = [Key(.escape), .char("q"), .char("?"), Key(.enter), .ctrl("c"), .ctrl("g")]
        if pendingKeys.isEmpty && closers.contains(key) {
            mode = .normal
            return
        }
        let keys = pendingKeys + [key]
        let last = max(0, HelpOverlay.lines(for: keymap).count - HelpOverlay.pageSize(height: height))
        let page = HelpOverlay.pageSize(height: height)
        switch keymap.lookup(keys, in: .global) {
        case .prefix:
            pendingKeys = keys
            return
        case .action(.moveUp): mode = .help(firstLine: max(0, first - 1))
        case .action(.moveDown): mode = .help(firstLine: min(last, first + 1))
        case .action(.pageUp): mode = .help(firstLine: max(0, first - page))
        case .action(.pageDown): mode = .help(firstLine: min(last, first + page))
        case .action(.goFirst): mode = .help(firstLine: 0)
        case .action(.goLast): mode = .help(firstLine: last)
        case .action(.help), .action(.quit): mode = .normal
        default: break
        }
        pendingKeys = []
    }

    /// "C-c: not bound here — ? for help; q quits, everything is saved", with the keys that are
    /// really bound to help and quit.
    func notBound(_ keys: [Key]) -> String {
        let help = simplest(keymap.keys(for: .help, in: .global)).map { KeyName.format($0) + " for help; " } ?? ""
        let quit = simplest(keymap.keys(for: .quit, in: .global)).map { KeyName.format($0) + " quits, " } ?? ""
        return KeyName.format(keys) + ": not bound here — " + help + quit + "everything is saved"
    }

    // MARK: Changing the document

    /// Applies an edit, records it for undo, asks the host to save, and moves the selection to
    /// what changed. Returns false (with a message) when the edit does not fit the document.
    @discardableResult
    mutating func apply(_ edit: Edit) -> Bool {
        guard !edit.isNoOp else { return true }
        guard !refusedAsReadOnly() else { return false }
        do {
            try edit.apply(to: &document)
        } catch {
            message = StatusMessage(text: "Could not change it: \(error)", isError: true)
            return false
        }
        history.record(edit)
        committed(edit)
        follow(edit)
        return true
    }

    /// A newer version from outside (the read-only view following the clerk's saves): shown as
    /// it is, not an edit of ours, so there is nothing to undo or save.
    mutating func replaceDocument(_ newer: PanelDocument) {
        document = newer
    }

    /// True (with the message) when this is a read-only view: checked where every change is
    /// applied, so no path can change a store another instance is writing.
    private mutating func refusedAsReadOnly() -> Bool {
        if readOnly { message = StatusMessage(text: "read-only view: nothing can be changed here", isError: true) }
        return readOnly
    }

    /// The one place every change to the document is announced: the edit itself for the
    /// journal (a new edit, an undo's inverse, a redo), then the new version for the snapshot.
    private mutating func committed(_ applied: Edit) {
        noteIndex.apply(applied)
        outbox.append(.record(applied))
        outbox.append(.save(document))
    }

    /// Applies the edit when there is one (the builders return nil when their target is gone).
    mutating func applyIfAny(_ edit: Edit?) {
        if let edit { apply(edit) }
    }

    mutating func undo() {
        guard !refusedAsReadOnly() else { return }
        do {
            guard let applied = try stepHistory({ history, document throws(EditError) in try history.undo(&document) }) else {
                message = StatusMessage(text: "Nothing to undo")
                return
            }
            committed(applied)
            follow(applied)
            message = StatusMessage(text: "Undid " + EditDescription.describe(applied.inverse, in: document))
        } catch {
            message = StatusMessage(text: "Could not undo: \(error)", isError: true)
        }
    }

    mutating func redo() {
        guard !refusedAsReadOnly() else { return }
        do {
            guard let applied = try stepHistory({ history, document throws(EditError) in try history.redo(&document) }) else {
                message = StatusMessage(text: "Nothing to redo")
                return
            }
            committed(applied)
            follow(applied)
            message = StatusMessage(text: "Redid " + EditDescription.describe(applied, in: document))
        } catch {
            message = StatusMessage(text: "Could not redo: \(error)", isError: true)
        }
    }

    /// Undo or redo: `step` changes the document through the history. The history is taken out
    /// of `self` meanwhile, because changing the observed document (see `revision`) borrows all
    /// of `self`; taking it out, not copying it, keeps its stacks from being copied.
    private mutating func stepHistory(
        _ step: (inout History, inout PanelDocument) throws(EditError) -> Edit?
    ) throws(EditError) -> Edit? {
        var taken = history
        history = History()
        defer { history = taken }
        return try step(&taken, &document)
    }

    /// Focuses and selects what an edit changed, so undo shows what it undid; after a removal,
    /// the item that took its place.
    mutating func follow(_ edit: Edit) {
        switch edit {
        case .setCell(let key, _, _):
            focus = .framework
            selection.criterion = key.criterion
            selection.dimension = key.dimension
        case let .insertAxisItem(axis, item, _, _):
            selectAxisItem(axis, id: item.id)
        case let .removeAxisItem(axis, _, index, _):
            let items = document.framework.items(axis)
            if !items.isEmpty { selectAxisItem(axis, id: items[min(index, items.count - 1)].id) }
        case let .renameAxisItem(axis, id, _, _), let .moveAxisItem(axis, id, _, _):
            selectAxisItem(axis, id: id)
        case .insertQuestion(let q, _), .updateQuestion(_, let q):
            focus = .questions
            selection.question = q.id
        case .moveQuestion(let id, _, _):
            focus = .questions
            selection.question = id
        case .removeQuestion(_, let index):
            focus = .questions
            if !document.questions.isEmpty {
                selection.question = document.questions[min(index, document.questions.count - 1)].id
            }
        case .insertScheduleItem(let item, _), .updateScheduleItem(_, let item):
            focus = .schedule
            selection.scheduleItem = item.id
        case .moveScheduleItem(let id, _, _):
            focus = .schedule
            selection.scheduleItem = id
        case .removeScheduleItem(_, let index):
            focus = .schedule
            if !document.schedule.isEmpty {
                selection.scheduleItem = document.schedule[min(index, document.schedule.count - 1)].id
            }
        case .batch(_, let edits):
            if let main = edits.last(where: { !$0.isNoteEdit }) { follow(main) }
        default:
            break
        }
    }

    private mutating func selectAxisItem(_ axis: Axis, id: String) {
        focus = .framework
        if axis == .criteria { selection.criterion = id } else { selection.dimension = id }
    }

    // MARK: Selection and scrolling

    /// Keeps every pane's selection on something that exists (the first item when it is gone).
    mutating func normalizeSelection() {
        let f = document.framework
        if !f.criteria.contains(where: { $0.id == selection.criterion }) { selection.criterion = f.criteria.first?.id }
        if !f.dimensions.contains(where: { $0.id == selection.dimension }) { selection.dimension = f.dimensions.first?.id }
        if document.scheduleIndex(selection.scheduleItem ?? "") == nil {
            selection.scheduleItem = scheduleOrder.first
        }
        if document.questionIndex(selection.question ?? "") == nil { selection.question = document.questions.first?.id }
    }

    /// Scrolls each pane just enough to show its selection (and, in the schedule, its heading).
    mutating func reveal() {
        let layout = ScreenLayout(width: width, height: height)
        if let (row, column) = gridPosition {
            let s = GridGeometry.reveal(row: row, column: column, framework: document.framework,
                                        interior: layout.framework.inset(1), scroll: (scroll.gridRow, scroll.gridColumn))
            scroll.gridRow = s.row
            scroll.gridColumn = s.column
        }
        let rows = scheduleRows
        let scheduleHeight = layout.schedule.inset(1).height
        if let id = selection.scheduleItem, let index = rows.firstIndex(of: .item(id)) {
            scroll.schedule = Self.reveal(index - 1, from: scroll.schedule, height: scheduleHeight)
            scroll.schedule = Self.reveal(index, from: scroll.schedule, height: scheduleHeight)
        }
        scroll.schedule = max(0, min(scroll.schedule, rows.count - scheduleHeight))
        let questionsHeight = layout.questions.inset(1).height
        if let id = selection.question, let index = document.questionIndex(id) {
            scroll.questions = Self.reveal(index, from: scroll.questions, height: questionsHeight)
        }
        scroll.questions = max(0, min(scroll.questions, document.questions.count - questionsHeight))
    }

    /// The first line to show so that line `index` is visible in `height` lines.
    static func reveal(_ index: Int, from first: Int, height: Int) -> Int {
        guard height > 0, index >= 0 else { return max(0, first) }
        if index < first { return index }
        if index >= first + height { return index - height + 1 }
        return first
    }

    /// (criterion index, dimension index) of the selected cell.
    var gridPosition: (row: Int, column: Int)? {
        let f = document.framework
        guard let r = f.criteria.firstIndex(where: { $0.id == selection.criterion }),
              let c = f.dimensions.firstIndex(where: { $0.id == selection.dimension }) else { return nil }
        return (r, c)
    }

    var scheduleRows: [ScheduleList.Row] {
        scheduleRowsCache.rows(for: revision) { ScheduleList.rows(document.schedule, today: today) }
    }
    var scheduleOrder: [String] { ScheduleList.itemIDs(document.schedule, today: today) }

    /// What the open editor would write to a draft.
    var currentDraft: Draft? {
        guard case .editing(let session) = mode else { return nil }
        return Draft(target: session.target, text: session.editor.text, cursor: session.editor.cursor)
    }
}

extension Edit {
    /// Notes ride along in batches (unfiled when their cell goes); selection follows the rest.
    var isNoteEdit: Bool {
        switch self {
        case .insertNote, .removeNote, .updateNote: true
        default: false
        }
    }
}
