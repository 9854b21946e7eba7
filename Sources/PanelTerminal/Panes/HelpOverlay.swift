import PanelModel
/// The `?` overlay: every binding of the active keymap, context by context, with each action's
/// summary. Generated from the keymap itself, so it can never list a key that does not work.
struct HelpOverlay {
    let lines: [Line]
    let firstLine: Int

    struct Line: Equatable {
        var text: String
        var isHeading: Bool
    }

    static func lines(for keymap: Keymap) -> [Line] {
        let contexts: [(KeyContext, String)] = [
            (.global, "Anywhere (outside the editor)"), (.grid, "Framework grid"), (.schedule, "Schedule"),
            (.questions, "Questions"), (.notes, "Notes drawer and note views"), (.editor, "Editing text"),
        ]
        var out: [Line] = []
        for (context, title) in contexts {
            let rows = Action.allCases.compactMap { action -> (String, String)? in
                let keys = keymap.keys(for: action, in: context)
                guard !keys.isEmpty else { return nil }
                return (keys.map(KeyName.format).joined(separator: ", "), action.summary)
            }
            guard !rows.isEmpty else { continue }
            if !out.isEmpty { out.append(Line(text: "", isHeading: false)) }
            out.append(Line(text: title, isHeading: true))
            let keyWidth = min(20, rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
            out += rows.map { Line(text: "  " + PaneFrame.pad($0.0, keyWidth) + "  " + $0.1, isHeading: false) }
        }
        out.append(Line(text: "", isHeading: false))
        out.append(Line(text: "Commands", isHeading: true))
        out.append(Line(text: "  :NAME runs any action by its name, e.g. :undo, :add-criterion NAME", isHeading: false))
        out.append(Line(text: "  :add criterion|dimension|question|item NAME, :rename NAME, :date TEXT,", isHeading: false))
        out.append(Line(text: "  :kind KIND, :status STATUS, :help, :q — Tab completes command names", isHeading: false))
        out.append(Line(text: "  :note TEXT takes a note; :live, :end, :session, :today, :unfiled", isHeading: false))
        out.append(Line(text: "  :renumber numbers the questions in list order (5.1, 5.2 …), one change", isHeading: false))
        out.append(Line(text: "", isHeading: false))
        out.append(Line(text: "Schedule marks", isHeading: true))
        // A narrow schedule shows each kind by its initial: the legend, from the kinds themselves.
        let kinds = ScheduleItem.Kind.allCases.map { SchedulePane.kindInitial($0) + " " + $0.rawValue }
        out.append(Line(text: "  " + kinds.joined(separator: ", "), isHeading: false))
        out.append(Line(text: "  ✗ cancelled, ● live session, 6–8 Mar 24 a date range", isHeading: false))
        return out
    }

    /// The box the overlay takes on a screen of this size: the whole body, between the title
    /// bar and the hint line.
    static func box(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 2)
    }

    /// How many lines fit in the box.
    static func pageSize(height: Int) -> Int { max(1, box(width: 80, height: height).height - 2) }

    func draw(in box: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(box, style: Style(.overlay))
        PaneFrame.draw(box, title: "Keys — Esc closes", focused: true, into: &buffer)
        let inner = box.inset(1)
        for (i, line) in lines.dropFirst(firstLine).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x + 1, y: inner.y + i,
                       style: line.isHeading ? Style(.header, bold: true) : Style(.overlay), maxWidth: inner.width - 1)
        }
        if lines.count - firstLine > inner.height {
            buffer.put("▾", x: inner.maxX - 1, y: inner.maxY - 1, style: Style(.mark))
        }
    }
}
