/// How a piece of the screen looks, by meaning rather than colour. Panes say "this is the
/// selected cell" or "this is an alarm"; the theme (dark, light, 8-colour, monochrome,
/// presentation, NO_COLOR) decides what that looks like on the terminal at hand.
public struct Style: Hashable, Sendable {
    public enum Role: String, CaseIterable, Hashable, Sendable {
        case normal
        case titleBar        // the top line
        case border          // pane frames
        case focusedBorder   // the frame of the pane with focus
        case header          // row and column headers of the grid, pane group headings
        case selected        // the selected cell, row or item
        case editing         // the text being edited
        case dim             // secondary text: dates, statuses, "+3 lines"
        case hint            // the key-hint line
        case alarm           // "NOT SAVED", errors
        case match           // search matches
        case live            // the live-session mark
        case mark            // small marks: evidence counts, conflict marks, "today"
        case overlay         // help, prompts, zoom boxes
        // Presentation and zoom, for a projector: the theme gives these a high-contrast look of
        // their own (dark text on a light ground where there is colour), so the chair's view is
        // a style variant and the host needs no switch of theme to show it.
        case stage           // the ground and the text of cells
        case stageHeader     // headings, criterion and dimension names, scroll marks
        case stageSelected   // the selected cell
        case stageRule       // rules and column separators
        case stageQuiet      // "—" for an empty cell, the follower's status, the position
    }

    public var role: Role
    public var bold: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
    }

    public static let normal = Style()
}
