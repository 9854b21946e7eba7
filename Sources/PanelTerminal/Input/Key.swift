/// One key press, as the keymap sees it: a base key and its modifiers.
///
/// Letters keep their case in `.character` ("A" is Shift-a); `shift` is only set for keys that
/// have no shifted character (Shift-Tab, Shift-arrows). Ctrl-letters are lower-case letters with
/// `ctrl`. Alt arrives from the terminal as Esc then the key; the adapter folds that into `alt`.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    public enum Base: Hashable, Sendable {
        case character(Character)
        case enter, tab, backspace, delete, escape, insert
        case up, down, left, right, home, end, pageUp, pageDown
        case function(Int)
    }

    public var base: Base
    public var ctrl: Bool
    public var alt: Bool
    public var shift: Bool

    public init(_ base: Base, ctrl: Bool = false, alt: Bool = false, shift: Bool = false) {
        self.base = base
        self.ctrl = ctrl
        self.alt = alt
        self.shift = shift
    }

    public static func char(_ c: Character) -> Key { Key(.character(c)) }
    public static func ctrl(_ c: Character) -> Key { Key(.character(c), ctrl: true) }
    public static func alt(_ c: Character) -> Key { Key(.character(c), alt: true) }

    /// A readable form for messages; the keymap's own names are parsed and printed by `KeyName`.
    public var description: String {
        var s = ""
        if ctrl { s += "C-" }
        if alt { s += "A-" }
        if shift { s += "S-" }
        switch base {
        case .character(" "): s += "space"
        case .character(let c): s += String(c)
        case .enter: s += "enter"
        case .tab: s += "tab"
        case .backspace: s += "backspace"
        case .delete: s += "del"
        case .escape: s += "esc"
        case .insert: s += "ins"
        case .up: s += "up"
        case .down: s += "down"
        case .left: s += "left"
        case .right: s += "right"
        case .home: s += "home"
        case .end: s += "end"
        case .pageUp: s += "pageup"
        case .pageDown: s += "pagedown"
        case .function(let n): s += "F\(n)"
        }
        return s
    }
}

/// What the terminal adapter hands the workspace.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// A bracketed paste, as text: never run as keys.
    case paste(String)
    /// The terminal is now this many columns by rows.
    case resize(width: Int, height: Int)
}
