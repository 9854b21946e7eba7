/// Key names as written in keymap files, help and hints, in the style of helix:
/// "a", "A", "?", "C-s", "A-enter", "S-tab", "C-left", "F5", "space", "minus", and sequences
/// separated by spaces ("g g", "C-x C-c").
///
/// Parsing normalises, so that two spellings of one key give one `Key`: aliases ("ret" is
/// "enter", "M-x" is "A-x"), letter case ("S-a" is "A", "C-S" is "C-s", because a terminal
/// sends the same byte for both), and keys a terminal cannot tell apart ("C-m" is "enter",
/// "C-i" is "tab", "C-h" is "backspace", "C-/" is "C-_"). `format` always writes the one canonical spelling, so
/// `parse(format(keys)) == keys`.
public enum KeyName {
    /// The keys named by `text`, or nil when any part of it is not a key name.
    public static func parse(_ text: String) -> [Key]? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        var keys: [Key] = []
        for part in parts {
            guard let key = parseOne(String(part)) else { return nil }
            keys.append(key)
        }
        return keys
    }

    /// The canonical name of a key sequence: "g g", "C-x C-c", "A-enter".
    public static func format(_ keys: [Key]) -> String {
        keys.map(format).joined(separator: " ")
    }

    /// The canonical name of one key.
    public static func format(_ key: Key) -> String {
        var name = ""
        if key.ctrl { name += "C-" }
        if key.alt { name += "A-" }
        if key.shift { name += "S-" }
        switch key.base {
        case .character(let c):
            name += characterNames.first(where: { $0.value == c })?.key ?? String(c)
        case .function(let n):
            name += "F\(n)"
        default:
            name += namedKeys.first(where: { $0.base == key.base })?.names[0] ?? "?"
        }
        return name
    }

    // MARK: - The names

    /// Keys with a name, canonical name first, then its aliases.
    private static let namedKeys: [(base: Key.Base, names: [String])] = [
        (.enter, ["enter", "ret", "return"]),
        (.escape, ["esc", "escape"]),
        (.tab, ["tab"]),
        (.backspace, ["backspace", "bs"]),
        (.delete, ["del", "delete"]),
        (.insert, ["ins", "insert"]),
        (.up, ["up"]),
        (.down, ["down"]),
        (.left, ["left"]),
        (.right, ["right"]),
        (.home, ["home"]),
        (.end, ["end"]),
        (.pageUp, ["pageup", "pgup"]),
        (.pageDown, ["pagedown", "pgdn"]),
    ]

    /// Characters that cannot be written as themselves in a key name: a space separates keys,
    /// and "-" reads badly after a modifier ("C--"). A bare "-" is still accepted.
    private static let characterNames: [String: Character] = ["space": " ", "minus": "-"]

    /// Function keys F1…F24: what terminals and ncurses commonly deliver.
    private static let functionKeys = 1...24

    // MARK: - Parsing one key

    private static func parseOne(_ token: String) -> Key? {
        var ctrl = false, alt = false, shift = false
        var rest = Substring(token)
        // Modifiers come first, upper-case, in any order, each once; "C--" is Ctrl and "-".
        while rest.count > 2, let dash = rest.dropFirst().first, dash == "-" {
            switch rest.first {
            case "C": guard !ctrl else { return nil }; ctrl = true
            case "A", "M": guard !alt else { return nil }; alt = true
            case "S": guard !shift else { return nil }; shift = true
            default: return nil
            }
            rest = rest.dropFirst(2)
        }
        guard let base = parseBase(String(rest)) else { return nil }
        return normalised(Key(base, ctrl: ctrl, alt: alt, shift: shift))
    }

    private static func parseBase(_ name: String) -> Key.Base? {
        if name.count == 1, let c = name.first {
            // One printable character names itself; spaces and controls have names instead.
            guard !c.isWhitespace, !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                return nil
            }
            return .character(c)
        }
        let lower = name.lowercased()
        if let c = characterNames[lower] { return .character(c) }
        if let named = namedKeys.first(where: { $0.names.contains(lower) }) { return named.base }
        if lower.first == "f", let n = Int(lower.dropFirst()), functionKeys.contains(n),
           String(n) == String(lower.dropFirst()) {
            return .function(n)
        }
        return nil
    }

    /// Folds spellings of one key into one value, or nil for keys no terminal can send.
    private static func normalised(_ key: Key) -> Key? {
        var key = key
        if case .character(let c) = key.base {
            let isLetter = c.isLetter && c.isCased
            if key.shift {
                // "S-a" is "A"; Shift on anything else ("S-1", "S-?") has no single meaning.
                guard isLetter else { return nil }
                key.base = .character(Character(c.uppercased()))
                key.shift = false
            }
            if key.ctrl {
                // Terminals send one byte for Ctrl-a and Ctrl-A; Ctrl-M and Ctrl-J, Ctrl-I,
                // Ctrl-[ and Ctrl-H are the very bytes of Enter, Tab, Esc and Backspace; Ctrl-/
                // sends Ctrl-_ and Ctrl-@ sends Ctrl-space. (The host's KeyDecoder reads them so.)
                let lower = isLetter ? Character(c.lowercased()) : c
                switch lower {
                case "m", "j": return Key(.enter, alt: key.alt)
                case "i": return Key(.tab, alt: key.alt)
                case "[": return Key(.escape, alt: key.alt)
                case "h": return Key(.backspace, alt: key.alt)
                case "/": key.base = .character("_")
                case "@": key.base = .character(" ")
                default: key.base = .character(lower)
                }
            }
        }
        return key
    }
}
