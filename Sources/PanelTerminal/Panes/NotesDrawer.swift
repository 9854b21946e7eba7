import PanelModel

/// Draws a list of notes in a box: for each, a heading (when, and where the view mixes them,
/// the session and the cell or question) and its text wrapped to the box, at most
/// `maxTextLines` lines with "…". The selected note is highlighted. Only the notes that fit
/// are measured and drawn, however many the view holds.
struct NotesDrawer {
    static let maxTextLines = 3

    let view: NotesView
    let title: String
    /// The heading of one note; called only for the notes drawn.
    let heading: (Note) -> String

    func draw(in box: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(box, style: Style(.overlay))
        PaneFrame.draw(box, title: title, focused: true, into: &buffer)
        let inner = box.inset(1)
        guard inner.width > 4, inner.height > 0 else { return }
        if view.notes.isEmpty {
            buffer.put("No notes here yet.", x: inner.x + 1, y: inner.y, style: Style(.dim), maxWidth: inner.width - 1)
            return
        }
        var y = inner.y
        var index = view.first
        while index < view.notes.count, y < inner.maxY {
            let note = view.notes[index]
            let isSelected = index == view.selected
            let textStyle = isSelected ? Style(.selected, bold: true) : Style(.overlay)
            let lines = Self.textLines(note, width: inner.width - 3)
            let height = min(1 + lines.count, inner.maxY - y)
            if isSelected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: height), style: textStyle) }
            PaneFrame.putPadded(heading(note), x: inner.x + 1, y: y, width: inner.width - 2,
                                style: isSelected ? textStyle : Style(.dim, bold: true), into: &buffer)
            for (i, line) in lines.enumerated() where y + 1 + i < inner.maxY {
                buffer.put(line, x: inner.x + 3, y: y + 1 + i, style: textStyle, maxWidth: inner.width - 3)
            }
            y += height
            index += 1
        }
        if view.first > 0 {
            let above = " ↑ "
            buffer.put(above, x: box.maxX - 1 - DisplayWidth.of(above), y: box.y, style: Style(.mark))
        }
        if index < view.notes.count {
            let below = " ↓ \(view.notes.count - index) more "
            buffer.put(below, x: box.maxX - 1 - DisplayWidth.of(below), y: box.maxY - 1, style: Style(.mark))
        }
    }

    /// A note's text as drawn: wrapped, at most `maxTextLines` lines, the last ending in "…"
    /// when cut.
    static func textLines(_ note: Note, width: Int) -> [String] {
        let wrapped = TextWrap.wrap(PaneFrame.visible(note.text), width: max(1, width)).map(\.text)
        guard wrapped.count > maxTextLines else { return wrapped.isEmpty ? [""] : wrapped }
        var out = Array(wrapped.prefix(maxTextLines - 1))
        out.append(TextWrap.truncate(wrapped[maxTextLines - 1] + "…", width: max(1, width)))
        if !(out.last ?? "").hasSuffix("…") { out[out.count - 1] += "…" }
        return out
    }

    static func height(of note: Note, width: Int) -> Int {
        1 + textLines(note, width: width).count
    }

    /// The first note to show so that the selected one is whole in `box`, moving as little as
    /// possible from where the view was: measures only the notes between the two.
    static func firstToShow(_ view: NotesView, in box: Rect) -> Int {
        let inner = box.inset(1)
        guard view.notes.indices.contains(view.selected) else { return 0 }
        if view.selected <= view.first { return view.selected }
        var used = 0
        var index = view.selected
        while index >= view.first {
            used += height(of: view.notes[index], width: inner.width - 3)
            if used > inner.height { return min(view.selected, index + 1) }
            index -= 1
        }
        return view.first
    }
}
