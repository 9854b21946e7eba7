import PanelModel

/// Draws the questions: one line each with number, title, status and the first line of text.
struct QuestionsPane {
    let questions: [Question]
    let interior: Rect
    let firstRow: Int
    let selectedID: String?
    let focused: Bool
    let query: String?
    /// How many notes back each question: "2◆" at the right end of its line.
    var notes: NoteIndex = NoteIndex()
    /// Ids that carry a merge-conflict mark ("≠" before the line).
    var conflicts: Set<String> = []

    static let statusWidth = 9

    /// Measures every question's number, so `draw` reads it (and the offsets built on it) once.
    var numberWidth: Int { min(6, max(3, questions.map { DisplayWidth.of(PaneFrame.visible($0.number)) }.max() ?? 0)) }
    var titleWidth: Int { min(32, max(12, interior.width / 4)) }
    var titleX: Int { Self.titleX(interior, numberWidth: numberWidth) }
    var statusX: Int { Self.statusX(titleX: titleX, titleWidth: titleWidth) }
    var textX: Int { Self.textX(statusX: statusX) }
    private static func titleX(_ interior: Rect, numberWidth: Int) -> Int { interior.x + 1 + numberWidth + 1 }
    private static func statusX(titleX: Int, titleWidth: Int) -> Int { titleX + titleWidth + 1 }
    private static func textX(statusX: Int) -> Int { statusX + statusWidth + 1 }

    /// Where a question's title or text is drawn on its line: the editor's anchors.
    func titleRect(y: Int) -> Rect { Rect(x: titleX, y: y, width: titleWidth, height: 1) }
    func textRect(y: Int) -> Rect { Rect(x: textX, y: y, width: max(1, interior.maxX - textX), height: 1) }

    func draw(into buffer: inout ScreenBuffer) {
        guard !interior.isEmpty else { return }
        if questions.isEmpty {
            buffer.put("Empty: :add question TITLE", x: interior.x + 1, y: interior.y, style: Style(.dim),
                       maxWidth: interior.width - 1)
            return
        }
        // Once per draw: each reads numberWidth, which walks every question.
        let numberWidth = self.numberWidth
        let titleX = Self.titleX(interior, numberWidth: numberWidth)
        let statusX = Self.statusX(titleX: titleX, titleWidth: titleWidth)
        let textX = Self.textX(statusX: statusX)
        let queryLength = query?.count ?? 0
        for (i, question) in questions.dropFirst(firstRow).prefix(interior.height).enumerated() {
            let y = interior.y + i
            let isSelected = question.id == selectedID
            let style: Style = isSelected
                ? (focused ? Style(.selected, bold: true) : Style(.normal, bold: true, underline: true))
                : .normal
            // Cut to the pane (and a search match that starts in view) before sanitizing.
            let title = PaneFrame.visibleLine(question.title, columns: titleWidth + queryLength)
            let text = PaneFrame.visibleLine(question.text, columns: interior.width + queryLength)
            let line = " " + PaneFrame.pad(question.number, numberWidth) + " " + PaneFrame.pad(title, titleWidth) + " "
                + PaneFrame.pad(question.status.rawValue, Self.statusWidth) + " " + text
            let evidence = EvidenceMark.text(notes.count(.question(question.id)))
            let markWidth = evidence.map { min(DisplayWidth.of($0), 8) } ?? 0
            let lineWidth = evidence == nil ? interior.width : interior.width - markWidth - 1
            PaneFrame.putPadded(line, x: interior.x, y: y, width: lineWidth, style: style, into: &buffer)
            if let evidence {
                PaneFrame.putPadded(" " + evidence, x: interior.x + lineWidth, y: y, width: interior.width - lineWidth,
                                    style: isSelected ? style : Style(.mark, bold: true), into: &buffer)
            }
            if !isSelected {
                buffer.setStyle(Style(.dim), in: Rect(x: statusX, y: y, width: Self.statusWidth, height: 1))
            }
            PaneFrame.highlight(query, in: title, x: titleX, y: y, maxWidth: titleWidth, into: &buffer)
            PaneFrame.highlight(query, in: text, x: textX, y: y, maxWidth: interior.x + lineWidth - textX, into: &buffer)
            if conflicts.contains(question.id) { buffer.put("≠", x: interior.x, y: y, style: GridPane.conflictMark) }
        }
        if firstRow > 0 { buffer.put("▴", x: interior.maxX - 1, y: interior.y, style: Style(.mark)) }
        if questions.count - firstRow > interior.height {
            buffer.put("▾", x: interior.maxX - 1, y: interior.maxY - 1, style: Style(.mark))
        }
    }
}
