import Foundation
import PanelModel

/// Text input: the in-place editor, pastes, drafts, and the one-line prompts at the bottom.
extension Workspace {
    // MARK: The in-place editor

    /// Opens the editor on `target` with its text, cursor at the end.
    mutating func startEditing(_ target: EditTarget, text: String? = nil) {
        // Every way into an editor comes here: in a read-only view none opens, so nothing typed
        // into one could be refused at Enter.
        if readOnly { return refuseReadOnly() }
        guard let current = target.text(in: document) else {
            message = StatusMessage(text: "It is gone (deleted or undone); nothing to edit", isError: true)
            return
        }
        focus = target.pane
        switch target {
        case let .cell(c, d):
            selection.criterion = c
            selection.dimension = d
        case .criterionName(let id): selection.criterion = id
        case .dimensionName(let id): selection.dimension = id
        case .questionText(let id), .questionTitle(let id): selection.question = id
        case .scheduleTitle(let id): selection.scheduleItem = id
        case .unfiledNote, .newNote, .note: break
        }
        mode = .editing(EditSession(target: target, editor: TextEditor(text: text ?? current)))
    }

    mutating func pressEditing(_ key: Key) {
        guard case .editing(var session) = mode else { return }
        message = nil
        switch resolveTextKey(key) {
        case .action(.finishEdit), .action(.leaveEdit):
            finishEditing(session)
            return
        case .action(.newline) where session.target.isSingleLine:
            message = StatusMessage(text: "A name is one line: Enter finishes it")
        case .action(let action):
            _ = session.editor.perform(action, width: editorWidth(for: session))
        case .text(let typed):
            session.editor.insert(typed)
        case .waiting:
            break
        case .unbound(let keys):
            message = StatusMessage(text: KeyName.format(keys) + ": not bound in the editor — " + editorKeysReminder,
                                    isError: true)
        }
        mode = .editing(session)
    }

    /// What a key means where text is typed (the editor and the prompts).
    enum TextKey: Equatable {
        case action(Action)
        case text(String)
        /// The first keys of a longer binding ("C-c" of "C-c C-c"): wait for the rest.
        case waiting
        case unbound([Key])
    }

    /// Looks a key up in the editor's bindings, waiting for the rest of a longer one; a plain
    /// character that is not bound types itself.
    mutating func resolveTextKey(_ key: Key) -> TextKey {
        let keys = pendingKeys + [key]
        switch keymap.lookup(keys, in: .editor) {
        case .action(let action):
            pendingKeys = []
            return .action(action)
        case .prefix:
            pendingKeys = keys
            message = StatusMessage(text: KeyName.format(keys) + " …")
            return .waiting
        case .none:
            pendingKeys = []
            if keys.count == 1, let typed = Self.typedText(key) { return .text(typed) }
            return .unbound(keys)
        }
    }

    /// "enter finishes, esc leaves (both keep the text)", with the keys really bound.
    private var editorKeysReminder: String {
        let finish = simplest(keymap.keys(for: .finishEdit, in: .editor)).map(KeyName.format) ?? "finish-edit"
        let leave = simplest(keymap.keys(for: .leaveEdit, in: .editor)).map(KeyName.format) ?? "leave-edit"
        return "\(finish) finishes, \(leave) leaves (both keep the text)"
    }

    /// The text a key types, if it is a plain character (not Ctrl or Alt).
    static func typedText(_ key: Key) -> String? {
        guard case .character(let c) = key.base, !key.ctrl, !key.alt else { return nil }
        return String(c)
    }

    /// Closes the editor and keeps its text as one undoable edit. If the place was deleted
    /// meanwhile, the text is kept as an unfiled note rather than dropped.
    mutating func finishEditing(_ session: EditSession) {
        mode = .normal
        var text = session.editor.text
        if session.target.isSingleLine { text = text.replacingOccurrences(of: "\n", with: " ") }
        let now = Self.timestamp(Date(), timeZone: timeZone)
        guard session.target.text(in: document) != nil else {
            if let edit = EditTarget.unfiledNote.edit(setting: text, in: document, now: now), apply(edit) {
                message = StatusMessage(text: "Its place is gone, so the text is kept as an unfiled note")
            }
            return
        }
        switch session.target {
        case .criterionName, .dimensionName:
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                message = StatusMessage(text: "A name cannot be empty: the old name is kept", isError: true)
                return
            }
        case .unfiledNote, .newNote:
            if text.isEmpty { return }
        case .note:
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                message = StatusMessage(text: "A note cannot be empty: the old text is kept (delete-note deletes it)", isError: true)
                return
            }
        default: break
        }
        if let edit = session.target.edit(setting: text, in: document, now: now), apply(edit),
           session.target == .unfiledNote {
            message = StatusMessage(text: "Kept as an unfiled note")
        }
    }

    /// The wrap width the editor is shown at, so up and down move by the rows on screen.
    func editorWidth(for session: EditSession) -> Int {
        let layout = ScreenLayout(width: width, height: height)
        return EditorBox.placement(for: session.editor, anchor: anchor(for: session.target, in: layout),
                                   bounds: layout.body).wrapWidth
    }

    /// "2024-03-06T10:41:07+01:00", or "…Z" in UTC: when a text was last changed, as
    /// `ISO8601DateFormatter` wrote it (without the formatter, which loads ICU's data).
    static func timestamp(_ date: Date, timeZone: TimeZone?) -> String {
        WallClock.of(date, in: timeZone).internetStamp
    }

    // MARK: Paste

    /// A paste is text, never keys: into the open editor or prompt, or else into a new editor on
    /// the selection, appended to its text.
    mutating func paste(_ raw: String) {
        // A paste that itself contains the end-of-paste marker must not end the paste early.
        let text = raw.replacingOccurrences(of: "\u{1B}[201~", with: "").replacingOccurrences(of: "\u{1B}[200~", with: "")
        switch mode {
        case .editing(var session):
            session.editor.insert(session.target.isSingleLine ? Self.oneLine(text) : text)
            mode = .editing(session)
        case .prompt(var prompt):
            if prompt.isYesNo { return }
            prompt.input.insert(Self.oneLine(text))
            mode = .prompt(prompt)
        case .notes where readOnly, .help where readOnly, .normal where readOnly:
            // Refused before any editor or note box opens, so the paste is not taken in and then dropped.
            refuseReadOnly()
        case .notes(let view):
            // Pasted into the notes: a new note, with the pasted text.
            if case .subject(let subject) = view.kind { openNoteBox(about: .some(subject), returnTo: view) } else {
                openNoteBox(returnTo: view)
            }
            paste(text)
        case .help, .normal:
            mode = .normal
            // A table from Word or a spreadsheet fills cells from the selected one.
            if focus == .framework, GridPasteText.isTable(text) { return pasteIntoGrid(text) }
            guard let target = selectedTarget else {
                message = StatusMessage(text: "Nothing selected to paste into", isError: true)
                return
            }
            startEditing(target)
            paste(text)
        }
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    // MARK: Drafts

    /// Reopens the editor a crashed session left open, with its text and cursor.
    mutating func restoreDraft(_ data: Data) {
        guard let draft = Draft.decode(data) else {
            let raw = String(decoding: data, as: UTF8.self)
            mode = .editing(EditSession(target: .unfiledNote, editor: TextEditor(text: raw)))
            message = StatusMessage(text: "A draft could not be read; its bytes are in the editor — Enter keeps them as a note", isError: true)
            return
        }
        if draft.target.text(in: document) != nil {
            startEditing(draft.target, text: draft.text)
            message = StatusMessage(text: "Restored the text you were typing when Scrutiny last stopped")
        } else {
            mode = .editing(EditSession(target: .unfiledNote, editor: TextEditor(text: draft.text)))
            message = StatusMessage(text: "Restored unsaved text whose place is gone — Enter keeps it as an unfiled note", isError: true)
        }
        if case .editing(var session) = mode {
            session.editor.cursor = draft.cursor  // clamped by the editor
            mode = .editing(session)
        }
    }

    // MARK: Prompts

    mutating func pressPrompt(_ key: Key) {
        guard case .prompt(var prompt) = mode else { return }
        message = nil
        if case .ask(_, let answer) = prompt.kind { return answerPending(answer, key: key) }
        if case .confirm(_, let edit) = prompt.kind {
            switch key {
            case .char("y"), .char("Y"):
                mode = .normal
                if apply(edit) { message = StatusMessage(text: "Deleted — u undoes") }
            case .char("n"), .char("N"), Key(.escape), .ctrl("c"), .ctrl("g"):
                mode = .normal
                message = StatusMessage(text: "Nothing deleted")
            default:
                message = StatusMessage(text: "y deletes, n keeps it", isError: true)
            }
            return
        }
        switch resolveTextKey(key) {
        case .action(.finishEdit):
            mode = .normal
            submit(prompt)
            return
        case .action(.leaveEdit):
            mode = .normal
            keepTyped(prompt)
            return
        case .action(.newline), .waiting:
            break
        case .action(let action):
            _ = prompt.input.perform(action, width: 10_000)
        case .text(let typed):
            prompt.input.insert(typed)
        case .unbound:
            if key == Key(.tab) && prompt.kind == .command { complete(&prompt) }
        }
        mode = .prompt(prompt)
    }

    private mutating func submit(_ prompt: Prompt) {
        let text = prompt.input.text
        switch prompt.kind {
        case .command: runCommand(text)
        case .search: search(text)
        case .date(let id): setDate(itemID: id, text: text)
        case .newCriterion(let at): addAxisItem(.criteria, name: text, at: at)
        case .newDimension(let at): addAxisItem(.dimensions, name: text, at: at)
        case .newQuestion(let at): addQuestion(title: text, at: at)
        case .newScheduleItem: addScheduleItem(title: text)
        case .confirm, .ask: break
        }
    }
}
