import Foundation
import PanelModel

/// Notes: the quick note box (`n`, `:note TEXT`), the notes drawer (`N`) and the note views
/// (session, today, unfiled), and what can be done to a note there: edit, move to another cell
/// or question (picked with the keyboard), delete, append to its cell's text. All undoable.
extension Workspace {
    mutating func performNotes(_ action: Action) {
        switch action {
        case .startLive: startLive()
        case .endLive: endLive()
        case .newNote: openNoteBox()
        case .notesDrawer: openDrawer()
        case .sessionNotes:
            guard let item = selectedScheduleItem(for: "show the notes of") else { return }
            openView(.session(item.id))
        case .todayNotes: openView(.day(todayByClock))
        case .unfiledNotes: openView(.unfiled)
        case .editNote, .moveNote, .deleteNote, .promoteNote, .closeNotes:
            message = StatusMessage(text: "\(action.rawValue) works in the notes drawer: "
                + keyHint(.notesDrawer, "opens it"), isError: true)
        default:
            break
        }
    }

    /// The day of the workspace's clock: what "today" means for the timeline.
    var todayByClock: CalendarDate {
        Timestamp.day(nowStamp) ?? today
    }

    /// What a note taken now is about: the selected cell or question (nothing from the schedule).
    var focusedSubject: NoteSubject? {
        switch focus {
        case .framework:
            guard let c = selection.criterion, let d = selection.dimension else { return nil }
            return .cell(CellKey(criterion: c, dimension: d))
        case .questions: return selection.question.map(NoteSubject.question)
        case .schedule: return nil
        }
    }

    // MARK: Taking a note

    static let readOnlyNoteRefusal = "read-only view: notes are taken in the clerk's own Scrutiny"

    /// Opens the note box, stamped now, in the live session, about `subject` (else the focused
    /// cell or question). It has the editor's keys and its draft autosave.
    mutating func openNoteBox(about subject: NoteSubject?? = nil, returnTo: NotesView? = nil) {
        // A note typed where it cannot be kept would be lost: say so before any typing.
        if readOnly {
            message = StatusMessage(text: Self.readOnlyNoteRefusal, isError: true)
            return
        }
        let target = EditTarget.newNote(subject: subject ?? focusedSubject, source: document.live?.item, at: nowStamp)
        mode = .editing(EditSession(target: target, editor: TextEditor(text: ""), returnTo: returnTo))
    }

    /// `:note TEXT`: the same note the box would take, at once.
    mutating func takeNote(_ text: String) {
        let target = EditTarget.newNote(subject: focusedSubject, source: document.live?.item, at: nowStamp)
        guard let edit = target.edit(setting: text, in: document, now: nowStamp), apply(edit) else { return }
        message = StatusMessage(text: noteTakenMessage(target))
    }

    /// The note box and note edits: the editor's keys; when it closes, back to the drawer it was
    /// opened from, and a word on where the note went.
    mutating func pressNoteEditor(_ key: Key) {
        guard case .editing(let session) = mode else { return }
        let before = noteIndex.total
        pressEditing(key)
        if case .editing = mode { return }
        if case .newNote = session.target {
            message = noteIndex.total > before ? StatusMessage(text: noteTakenMessage(session.target))
                : StatusMessage(text: "Nothing typed: no note taken")
        }
        if var back = session.returnTo {
            back.refresh(from: document)
            mode = .notes(back)
        }
    }

    private func noteTakenMessage(_ target: EditTarget) -> String {
        guard case let .newNote(subject, source, at) = target else { return "" }
        let place = subject.map { "on " + describe($0) } ?? "(no cell or question)"
        let session = source.flatMap(document.scheduleIndex).map { " in “\(PaneFrame.firstLine(document.schedule[$0].title))”" } ?? ""
        return "Note taken at \(Timestamp.clock(at)) \(place)\(session)"
    }

    // MARK: Opening and closing views

    /// The drawer of the focused cell, question or schedule item; again, closes it.
    mutating func openDrawer() {
        switch focus {
        case .schedule:
            guard let item = selectedScheduleItem(for: "show the notes of") else { return }
            openView(.source(item.id))
        case .framework, .questions:
            guard let subject = focusedSubject else {
                message = StatusMessage(text: "Nothing selected: the notes belong to a cell, a question or a schedule item",
                                        isError: true)
                return
            }
            openView(.subject(subject))
        }
    }

    mutating func openView(_ kind: NotesView.Kind) {
        mode = .notes(NotesView(kind, in: document))
    }

    // MARK: Keys in a view

    mutating func pressNotes(_ key: Key) {
        guard case .notes(var view) = mode else { return }
        if view.moving != nil { return pressMoving(key, view) }
        message = nil
        let keys = pendingKeys + [key]
        switch keymap.lookup(keys, in: .notes) {
        case .prefix:
            pendingKeys = keys
            message = StatusMessage(text: KeyName.format(keys) + " …")
        case .none:
            pendingKeys = []
            if keys == [Key(.escape)] { return close() }
            message = StatusMessage(text: KeyName.format(keys) + ": not bound in the notes — "
                + keyHint(.closeNotes, "closes them", in: .notes), isError: true)
        case .action(let action):
            pendingKeys = []
            act(action, on: &view)
        }
    }

    private mutating func close() {
        mode = .normal
    }

    private mutating func act(_ action: Action, on view: inout NotesView) {
        let page = max(1, notesBox(for: view).height / 3)
        // Moving in the list must not walk the store: only a change takes the notes again.
        let notesBefore = noteIndex
        switch action {
        case .moveUp, .moveLeft: view.move(by: -1)
        case .moveDown, .moveRight: view.move(by: 1)
        case .pageUp: view.move(by: -page)
        case .pageDown: view.move(by: page)
        case .goFirst, .lineStart: view.move(by: -view.notes.count)
        case .goLast, .lineEnd: view.move(by: view.notes.count)
        case .closeNotes, .notesDrawer: return close()
        case .editNote, .edit:
            if readOnly { return refuseReadOnly() }  // before the editor opens, not at Enter
            guard let note = view.selectedNote else { return nothingSelected() }
            mode = .editing(EditSession(target: .note(note.id), editor: TextEditor(text: note.text), returnTo: view))
            return
        case .moveNote:
            guard let note = view.selectedNote else { return nothingSelected() }
            view.moving = note.id
            mode = .notes(view)
            message = nil  // the hint line says what to do
            return
        case .deleteNote, .delete:
            guard let note = view.selectedNote, let edit = document.removeNote(id: note.id) else { return nothingSelected() }
            if apply(edit) { message = StatusMessage(text: "Deleted the note — " + keyHint(.undo, "undoes")) }
        case .promoteNote:
            guard let note = view.selectedNote else { return nothingSelected() }
            guard let subject = note.subject, let edit = document.promoteNote(id: note.id) else {
                message = StatusMessage(text: "The note has no cell or question: "
                    + keyHint(.moveNote, "files it first", in: .notes), isError: true)
                return
            }
            if apply(edit) {
                message = StatusMessage(text: "Added the note to the text of \(describe(subject)), still linked — "
                    + keyHint(.undo, "undoes"))
            }
        case .newNote:
            if case .subject(let subject) = view.kind { return openNoteBox(about: .some(subject), returnTo: view) }
            return openNoteBox(returnTo: view)
        case .undo, .redo:
            perform(action)
        case .startLive, .endLive, .todayNotes, .unfiledNotes, .sessionNotes, .help, .commandLine, .quit, .suspend,
             .redraw:
            // These leave the view (or open another one).
            mode = .normal
            perform(action)
            return
        default:
            message = StatusMessage(text: "\(action.rawValue) does not work in the notes — "
                + keyHint(.closeNotes, "closes them", in: .notes), isError: true)
        }
        if noteIndex != notesBefore || action == .undo || action == .redo { view.refresh(from: document) }
        revealNote(&view)
        mode = .notes(view)
    }

    private mutating func nothingSelected() {
        message = StatusMessage(text: "No note here: " + keyHint(.newNote, "takes one"), isError: true)
    }

    /// Scrolls the view just enough to show the selected note whole.
    private func revealNote(_ view: inout NotesView) {
        let box = notesBox(for: view)
        view.first = NotesDrawer.firstToShow(view, in: box)
    }

    // MARK: Moving a note

    /// While a note is being moved the view is hidden: the clerk moves about the grid and the
    /// questions with the usual keys, and the edit key (Enter) files the note there.
    private mutating func pressMoving(_ key: Key, _ view: NotesView) {
        var view = view
        if pendingKeys.isEmpty && [Key(.escape), .ctrl("g"), .ctrl("c")].contains(key) {
            view.moving = nil
            mode = .notes(view)
            message = StatusMessage(text: "Not moved")
            return
        }
        let keys = pendingKeys + [key]
        switch keymap.lookup(keys, in: focus.context) {
        case .prefix:
            pendingKeys = keys
        case .none:
            pendingKeys = []
            message = StatusMessage(text: KeyName.format(keys) + ": moving a note — go to a cell or question, "
                + keyHint(.edit, "files it there") + ", esc cancels", isError: true)
        case .action(let action):
            pendingKeys = []
            switch action {
            case .moveUp, .moveDown, .moveLeft, .moveRight, .pageUp, .pageDown, .lineStart, .lineEnd,
                 .goFirst, .goLast, .nextPane, .previousPane, .focusSchedule, .focusFramework, .focusQuestions,
                 .searchNext, .searchPrevious, .redraw:
                perform(action)
            case .edit, .moveNote:
                drop(view)
            default:
                message = StatusMessage(text: "Moving a note: " + keyHint(.edit, "files it here") + ", esc cancels",
                                        isError: true)
            }
        }
    }

    private mutating func drop(_ view: NotesView) {
        var view = view
        guard let id = view.moving else { return }
        guard let subject = focusedSubject else {
            message = StatusMessage(text: "A note is filed under a cell or a question: 2 or 3 to get there", isError: true)
            return
        }
        view.moving = nil
        if let edit = document.fileNote(id: id, under: subject) {
            if apply(edit) {
                message = StatusMessage(text: "Moved the note to \(describe(subject)) — " + keyHint(.undo, "undoes"))
            }
        } else {
            message = StatusMessage(text: "The note is already on \(describe(subject))")
        }
        view.refresh(from: document)
        revealNote(&view)
        mode = .notes(view)
    }
}

extension EditTarget {
    /// The note box and note edits, which return to the drawer they came from.
    var isNote: Bool {
        switch self {
        case .newNote, .note: true
        default: false
        }
    }
}

extension Workspace {
    /// A search landed on a note: selects its cell or question, remembers the note for the next
    /// step, and says " in a note on Equity × Diagnosis, in SENDIASS (6 Mar 24 10:41)".
    mutating func landOnNote(_ id: String) -> String {
        guard let i = document.noteIndex(id) else { return "" }
        let found = document.notes[i]
        switch found.subject {
        case .cell(let key)?:
            if document.framework.criteria.contains(where: { $0.id == key.criterion }),
               document.framework.dimensions.contains(where: { $0.id == key.dimension }) {
                focus = .framework
                selection.criterion = key.criterion
                selection.dimension = key.dimension
            }
        case .question(let q)?:
            if document.questionIndex(q) != nil {
                focus = .questions
                selection.question = q
            }
        case nil:
            break
        }
        noteMatch = NoteMatch(id: id, focus: focus, selection: selection)
        let when = (Timestamp.day(found.at).map(\.shortForm) ?? "") + " " + Timestamp.clock(found.at)
        return " in a note on " + (found.subject.map(describe) ?? "nothing (unfiled)") + ", in "
            + describeSource(found.source) + " (\(when))"
    }
}
