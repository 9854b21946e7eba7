/// Makes text safe to draw: every character that could steer the terminal is replaced by a
/// visible stand-in, so text from a store, an import or a paste can never send escape
/// sequences, ring the bell, retitle the window or reverse the line.
///
/// - C0 controls: ESC as "␛", the rest in caret notation ("^X"), DEL as "^?"; a tab as a space
///   and a line break as "↵" (panes split lines before drawing; this catches any left over).
/// - C1 controls (U+0080–U+009F) as "M-^X", the way `cat -v` shows them.
/// - Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) by name,
///   e.g. "⟨RLO⟩", so reversed text cannot disguise what it says.
/// - Invisible zero-width characters standing alone (U+200B, U+2060, U+FEFF…) as "⟨ZW⟩".
/// - The Unicode line and paragraph separators (U+2028, U+2029) as "⟨LS⟩" and "⟨PS⟩", since
///   some terminals treat them as line breaks.
public enum VisibleText {
    /// The characters to draw for one character of text. Returns the character itself when
    /// it is safe, which is by far the common case.
    public static func display(_ character: Character) -> [Character] {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
            return [character]  // plain ASCII: the fast path ("\r\n" reads as 0x0A, so not here)
        }
        let scalars = character.unicodeScalars
        guard scalars.contains(where: needsStandIn) else {
            if DisplayWidth.of(character) == 0 { return Array("⟨ZW⟩") }
            return [character]
        }
        var out: [Character] = []
        for s in scalars {
            if needsStandIn(s) {
                out.append(contentsOf: standIn(s))
            } else if DisplayWidth.of(s) > 0 || !out.isEmpty {
                out.append(Character(s))
            }
        }
        return out
    }

    /// The columns a character takes once drawn, stand-ins included. Wrapping, truncating and
    /// the editor's cursor all measure with this, so they agree with what `ScreenBuffer.put`
    /// really draws (a tab is one column, ESC is "␛", U+202E is "⟨RLO⟩").
    public static func width(of character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return display(character).reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The columns a whole text takes once drawn on one line.
    public static func width(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// Text with every unsafe character replaced, for places that take a whole string.
    public static func sanitize(_ text: String) -> String {
        // Most text needs no stand-in: return it as it is rather than rebuild it a character
        // at a time (that rebuild was a third of every frame's cost).
        if isSafe(text) { return text }
        var out = ""
        for c in text { out.append(contentsOf: display(c)) }
        return out
    }

    /// True when `display` would return every character of `text` as it is: printable ASCII
    /// only, or no scalar that needs a stand-in and none of zero width (a character made only of
    /// such scalars cannot measure zero, so none would become "⟨ZW⟩").
    static func isSafe(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return true }
        return text.unicodeScalars.allSatisfy { !needsStandIn($0) && DisplayWidth.of($0) > 0 }
    }

    static func needsStandIn(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if DisplayWidth.isPlainNarrow(v) { return false }  // no look-up in `names` for most text
        return v < 0x20 || (0x7F...0x9F).contains(v) || names[v] != nil
    }

    private static func standIn(_ s: Unicode.Scalar) -> String {
        let v = s.value
        switch v {
        case 0x1B: return "␛"
        case 0x09: return " "
        case 0x0A, 0x0D: return "↵"
        case 0x7F: return "^?"
        case 0..<0x20: return "^" + String(Character(Unicode.Scalar(v + 0x40)!))
        case 0x80...0x9F: return "M-^" + String(Character(Unicode.Scalar(v - 0x80 + 0x40)!))
        default: return "⟨" + (names[v] ?? "?") + "⟩"
        }
    }

    /// Format characters that change how text around them is laid out, shown by name.
    private static let names: [UInt32: String] = [
        0x2028: "LS", 0x2029: "PS",
        0x061C: "ALM", 0x200E: "LRM", 0x200F: "RLM",
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
    ]
}
