import Synchronization

/// The bottom line when no prompt is open: the most useful keys of the focused pane (read from
/// the keymap, so they are the keys really bound) or the latest message, and the position
/// ("Equity × Outcomes") on the right.
///
/// Hints are shown in their given order, but when they do not all fit, the least important
/// (highest `rank`) give way first, so at 80 columns "? help" is not lost behind "tab panes".
struct HintLine: Equatable {
    /// One hint: what it does, and the keys that do it.
    struct Hint: Hashable {
        var keys: String
        var label: String
        /// Lower is more important; hints of equal rank give way from the end.
        var rank: Int = 0
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
            buffer.put(Self.fitted(hints, width: room), x: rect.x, y: rect.y, style: Style(.hint), maxWidth: room)
        }
        let shown = TextWrap.truncate(position, width: positionWidth)
        buffer.put(shown, x: rect.maxX - DisplayWidth.of(shown) - 1, y: rect.y, style: Style(.hint, bold: true))
    }

    /// The hints that fit in `width`, chosen by rank, in their given order. Remembered: every
    /// move redraws the hint line (the position on its right changes), but the hints and the
    /// room left for them seldom do, and choosing them was a tenth of a move.
    static func fitted(_ hints: [Hint], width: Int) -> String {
        let slot = FittedSlot(hints: hints, width: width)
        if let known = fittedMemory.withLock({ $0[slot] }) { return known }
        let line = fit(hints, width: width)
        fittedMemory.withLock { memory in
            // A handful of contexts and widths are in use at a time; a resize makes new ones.
            if memory.count >= 64 { memory.removeAll(keepingCapacity: true) }
            memory[slot] = line
        }
        return line
    }

    private struct FittedSlot: Hashable {
        var hints: [Hint]
        var width: Int
    }

    private static let fittedMemory = Mutex<[FittedSlot: String]>([:])

    private static func fit(_ hints: [Hint], width: Int) -> String {
        func piece(_ hint: Hint) -> String { " " + hint.keys + " " + hint.label + " " }
        let byImportance = hints.indices.sorted { (hints[$0].rank, $0) < (hints[$1].rank, $1) }
        var chosen = Set<Int>(), used = 0
        for index in byImportance {
            let pieceWidth = DisplayWidth.of(piece(hints[index]))
            if used + pieceWidth > width { break }
            chosen.insert(index)
            used += pieceWidth
        }
        return hints.indices.filter(chosen.contains).map { piece(hints[$0]) }.joined()
    }

    /// The hints for a context: the first key bound to each action, in the pane's context or
    /// else in global; actions with no key are left out rather than shown wrong.
    /// Each hint's rank is its place in `wanted` unless `ranks` gives one.
    static func hints(_ wanted: [(Action, String)], context: KeyContext, keymap: Keymap,
                      ranks: [Action: Int] = [:]) -> [Hint] {
        wanted.enumerated().compactMap { index, entry in
            let (action, label) = entry
            let keys = simplest(keymap.keys(for: action, in: context)) ?? simplest(keymap.keys(for: action, in: .global))
            return keys.map { Hint(keys: KeyName.format($0), label: label, rank: ranks[action] ?? index) }
        }
    }

    /// "←↑↓→ move" when the four arrows move in this context, as they do in every built-in map.
    static func arrowsHint(context: KeyContext, keymap: Keymap, rank: Int) -> Hint? {
        let arrows: [(Action, Key.Base)] = [(.moveLeft, .left), (.moveUp, .up), (.moveDown, .down), (.moveRight, .right)]
        let bound = arrows.allSatisfy { action, base in
            keymap.lookup([Key(base)], in: context) == .action(action)
        }
        return bound ? Hint(keys: "←↑↓→", label: "move", rank: rank) : nil
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
