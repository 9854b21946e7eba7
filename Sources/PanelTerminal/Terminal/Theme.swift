/// What each `Style.Role` looks like on the terminal at hand.
///
/// Pure data, so the mapping is tested without a terminal. Two themes: `colour` uses only the
/// eight basic colours (so it works on xterm, linux and 256-colour terminals alike) and keeps
/// text in the terminal's own foreground and background, with colour only on bars and marks,
/// so it reads well on dark and light terminals; `monochrome` uses attributes only, for
/// terminals without colour and whenever NO_COLOR is set.
public struct Theme: Equatable, Sendable {
    /// The eight basic terminal colours, numbered as curses numbers them.
    public enum Colour: Int16, Sendable {
        case black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    /// A foreground/background pair; nil means the terminal's own default.
    public struct Pair: Hashable, Sendable {
        public var foreground: Colour?
        public var background: Colour?
        public init(_ foreground: Colour?, on background: Colour?) {
            self.foreground = foreground
            self.background = background
        }
    }

    /// How one role is drawn.
    public struct Look: Equatable, Sendable {
        public var pair: Pair?
        public var bold = false
        public var reverse = false
        public var underline = false
        public var dim = false
    }

    public let name: String
    public let looks: [Style.Role: Look]

    /// The look of a style: its role's look plus the style's own bold and underline.
    public func look(for style: Style) -> Look {
        var look = looks[style.role] ?? Look()
        if style.bold { look.bold = true }
        if style.underline { look.underline = true }
        return look
    }

    /// Every colour pair the theme uses, in a stable order, numbered from 1 by the adapter.
    public var pairs: [Pair] {
        var seen: [Pair] = []
        for role in Style.Role.allCases {
            if let pair = looks[role]?.pair, !seen.contains(pair) { seen.append(pair) }
        }
        return seen
    }

    /// Colour when the terminal has it and the user has not asked for none (NO_COLOR, any value).
    public static func choose(terminalHasColours: Bool, environment: [String: String]) -> Theme {
        terminalHasColours && environment["NO_COLOR"] == nil ? .colour : .monochrome
    }

    public static let colour = Theme(name: "colour", looks: [
        .normal: Look(),
        .titleBar: Look(pair: Pair(.white, on: .blue), bold: true),
        .border: Look(),
        .focusedBorder: Look(pair: Pair(.cyan, on: nil), bold: true),
        .header: Look(bold: true),
        .selected: Look(pair: Pair(.black, on: .cyan)),
        .editing: Look(pair: Pair(.black, on: .white)),
        .dim: Look(dim: true),
        .hint: Look(reverse: true),
        .alarm: Look(pair: Pair(.white, on: .red), bold: true),
        .match: Look(pair: Pair(.black, on: .yellow)),
        .live: Look(pair: Pair(.black, on: .green), bold: true),
        .mark: Look(pair: Pair(.magenta, on: nil), bold: true),
        .overlay: Look(pair: Pair(.black, on: .white)),
        // Presentation and zoom, for a projector: dark text on a light ground, no dim text.
        .stage: Look(pair: Pair(.black, on: .white)),
        .stageHeader: Look(pair: Pair(.blue, on: .white), bold: true),
        .stageSelected: Look(pair: Pair(.white, on: .blue), bold: true),
        .stageRule: Look(pair: Pair(.blue, on: .white)),
        .stageQuiet: Look(pair: Pair(.black, on: .white)),
    ])

    public static let monochrome = Theme(name: "monochrome", looks: [
        .normal: Look(),
        .titleBar: Look(bold: true, reverse: true),
        .border: Look(),
        .focusedBorder: Look(bold: true),
        .header: Look(bold: true),
        .selected: Look(reverse: true),
        .editing: Look(reverse: true, underline: true),
        .dim: Look(dim: true),
        .hint: Look(reverse: true),
        .alarm: Look(bold: true, reverse: true),
        .match: Look(underline: true),
        .live: Look(bold: true, reverse: true),
        .mark: Look(bold: true),
        .overlay: Look(),
        .stage: Look(),
        .stageHeader: Look(bold: true),
        .stageSelected: Look(bold: true, reverse: true),
        .stageRule: Look(),
        .stageQuiet: Look(),
    ])
}
