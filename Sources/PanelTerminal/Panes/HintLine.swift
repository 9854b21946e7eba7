/// The bottom line when no prompt is open: the most useful keys of the focused pane (read from
/// the keymap, so they are the keys really bound) or the latest message, and the position
/// ("Equity × Outcomes") on the right.
struct HintLine {
    /// One hint: what it does, and the keys that do it.
    struct Hint: Equatable {
        var keys: String
        var label: String
    }

    let hints: [Hint]
    let message: StatusMessage?
    let position: String

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: Style(.hint))
        let position = PaneFrame.visible(PaneFrame.firstLine(self.position))
        let positionWidth = min(DisplayWidth.of(position), rect.width / 2)
        let room = rect.width - positionWidth - 3
        if let message {
            buffer.put(" " + PaneFrame.firstLine(message.text), x: rect.x, y: rect.y,
                       style: message.isError ? Style(.alarm, bold: true) : Style(.hint, bold: true), maxWidth: room)
        } else {
            var line = ""
            for hint in hints {
                let piece = " " + hint.keys + " " + hint.label + " "
                if DisplayWidth.of(line + piece) > room { break }
                line += piece
            }
            buffer.put(line, x: rect.x, y: rect.y, style: Style(.hint), maxWidth: room)
        }
        let shown = TextWrap.truncate(position, width: positionWidth)
        buffer.put(shown, x: rect.maxX - DisplayWidth.of(shown) - 1, y: rect.y, style: Style(.hint, bold: true))
    }

    /// The hints for a context: the first key bound to each action, in the pane's context or
    /// else in global; actions with no key are left out rather than shown wrong.
    static func hints(_ wanted: [(Action, String)], context: KeyContext, keymap: Keymap) -> [Hint] {
        wanted.compactMap { action, label in
            let keys = simplest(keymap.keys(for: action, in: context)) ?? simplest(keymap.keys(for: action, in: .global))
            return keys.map { Hint(keys: KeyName.format($0), label: label) }
        }
    }
}

/// The easiest of several bindings to show: fewest modifiers, then shortest.
func simplest(_ bindings: [[Key]]) -> [Key]? {
    func cost(_ keys: [Key]) -> (Int, Int, String) {
        let modifiers = keys.reduce(0) { $0 + ($1.ctrl ? 1 : 0) + ($1.alt ? 1 : 0) + ($1.shift ? 1 : 0) }
        let name = KeyName.format(keys)
        return (modifiers, name.count, name)
    }
    return bindings.min { cost($0) < cost($1) }
}

/// A line of feedback: what was undone, "no match", an error from the command line.
struct StatusMessage: Equatable {
    var text: String
    var isError: Bool = false
}
