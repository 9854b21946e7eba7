import PanelModel

/// How notes are shown: the words for a note's subject and source, the heading above each
/// note, where the drawer and the note box go, their titles, and the hint line meanwhile.
extension Workspace {
    // MARK: Words

    /// "Equity × Diagnosis", "question 5.1 ENG and Clusters".
    func describe(_ subject: NoteSubject) -> String {
        switch subject {
        case .cell(let key):
            let f = document.framework
            let c = f.criteria.first { $0.id == key.criterion }?.name ?? "a deleted criterion"
            let d = f.dimensions.first { $0.id == key.dimension }?.name ?? "a deleted dimension"
            return PaneFrame.firstLine(c) + " × " + PaneFrame.firstLine(d)
        case .question(let id):
            guard let q = document.questionIndex(id).map({ document.questions[$0] }) else { return "a deleted question" }
            return "question \(q.number) " + PaneFrame.firstLine(q.title)
        }
    }

    func describeSource(_ id: String?) -> String {
        guard let id else { return "no session" }
        return document.scheduleIndex(id).map { PaneFrame.firstLine(document.schedule[$0].title) } ?? "a deleted session"
    }

    /// The line above a note's text in a view: when, and (where the view mixes them) its source
    /// and its subject.
    func noteHeading(_ note: Note, in view: NotesView) -> String {
        var parts: [String] = []
        if case .day = view.kind {
            parts.append(Timestamp.clock(note.at))
        } else {
            parts.append((Timestamp.day(note.at).map(\.shortForm) ?? note.at) + " " + Timestamp.clock(note.at))
        }
        if view.showsSource { parts.append(note.source == nil ? "no session" : describeSource(note.source)) }
        if view.showsSubject { parts.append(note.subject.map(describe) ?? "unfiled") }
        return parts.joined(separator: " · ")
    }

    // MARK: Drawing

    /// Where a view goes: the right of the screen, below the grid's top rows, or above when
    /// the selected cell is low down, so the cell stays in sight.
    func notesBox(for view: NotesView) -> Rect {
        let layout = ScreenLayout(width: width, height: height)
        let body = layout.body
        let right = Rect(x: layout.framework.x, y: body.y, width: layout.framework.width, height: body.height)
        var boxHeight = max(6, body.height * 3 / 5)
        var low = true
        if case .subject(let subject) = view.kind {
            switch subject {
            case .question: low = false
            case .cell(let key):
                // Rows can be tall: the box goes where it clears the cell, shorter if it must
                // (down to six lines), and only covers the cell when there is no room either side.
                let cell = anchor(for: .cell(criterion: key.criterion, dimension: key.dimension), in: layout)
                let below = right.maxY - cell.maxY, above = cell.y - right.y
                if below >= boxHeight {
                    low = true
                } else if above >= boxHeight {
                    low = false
                } else if max(below, above) >= 6 {
                    low = below >= above
                    boxHeight = max(below, above)
                } else {
                    low = cell.y < body.y + body.height / 2
                }
            }
        }
        return Rect(x: right.x, y: low ? right.maxY - boxHeight : right.y, width: right.width, height: boxHeight)
    }

    func viewTitle(_ view: NotesView) -> String {
        let count = "\(view.notes.count) note\(view.notes.count == 1 ? "" : "s")"
        switch view.kind {
        case .subject(let subject): return "Notes · \(describe(subject)) · \(count)"
        // Figures before titles, which may be long and are cut at the end.
        case .source(let id): return "\(count) taken in \(describeSource(id))"
        case .session(let id):
            guard let item = document.scheduleIndex(id).map({ document.schedule[$0] }) else { return "Session · \(count)" }
            var when = ""
            if let start = item.startedAt { when += " · " + Timestamp.clock(start) }
            if let end = item.endedAt { when += "–" + Timestamp.clock(end) }
            if document.live?.item == id { when += " · ● live" }
            return "Session · \(count)\(when) · \(PaneFrame.firstLine(item.title))"
        case .day(let day): return "Today · \(day.longForm) · \(count) across sessions"
        case .unfiled: return "Unfiled notes · \(count)"
        }
    }

    func drawNotes(_ view: NotesView, layout: ScreenLayout, into buffer: inout ScreenBuffer) {
        guard view.moving == nil else { return }
        NotesDrawer(view: view, title: viewTitle(view), heading: { noteHeading($0, in: view) })
            .draw(in: notesBox(for: view), into: &buffer)
    }

    /// Where the note box opens: along the bottom of the grid and questions, growing upwards.
    func noteBoxAnchor(_ layout: ScreenLayout) -> Rect {
        Rect(x: layout.framework.x, y: layout.body.maxY, width: layout.framework.width, height: 0)
    }

    /// "Note · Equity × Diagnosis · ● SENDIASS" on the top edge of the note box.
    func drawNoteBoxTitle(_ session: EditSession, frame: Rect, into buffer: inout ScreenBuffer) {
        let title: String
        switch session.target {
        case let .newNote(subject, source, at):
            var parts = ["Note \(Timestamp.clock(at))", subject.map(describe) ?? "no cell or question"]
            if let source { parts.append("● " + describeSource(source)) }
            title = parts.joined(separator: " · ")
        case .note(let id):
            // From the drawer's list, not the store: no look-up among 50,000 notes per frame.
            let note = session.returnTo?.selectedNote.flatMap { $0.id == id ? $0 : nil }
            title = "Edit note" + (note.map { " of " + (Timestamp.day($0.at)?.shortForm ?? "") + " " + Timestamp.clock($0.at) } ?? "")
        default:
            return
        }
        guard frame.width > 6 else { return }
        buffer.put(" " + title + " ", x: frame.x + 2, y: frame.y, style: Style(.editing, bold: true), maxWidth: frame.width - 4)
    }

    /// The hint line while a view is open, or while a note is being moved.
    func notesHints(_ view: NotesView) -> [HintLine.Hint] {
        if view.moving != nil {
            return HintLine.hints([(.edit, "file the note here")], context: focus.context, keymap: keymap)
                + [HintLine.Hint(keys: "esc", label: "cancel")]
                + HintLine.hints([(.nextPane, "panes")], context: focus.context, keymap: keymap)
        }
        return HintLine.hints([(.editNote, "edit"), (.moveNote, "move"), (.promoteNote, "add to text"),
                               (.deleteNote, "delete"), (.newNote, "new note"), (.undo, "undo"), (.closeNotes, "close")],
                              context: .notes, keymap: keymap)
    }
}
