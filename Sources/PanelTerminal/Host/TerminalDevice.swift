/// What the host needs from a terminal: read, draw, step aside. `NcursesTerminal` is the real
/// one; tests use a scripted one, so the host's loop is tested without a terminal.
public protocol TerminalDevice: AnyObject {
    /// The terminal's size now, in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// A decoder that knows this terminal's codes for modified keys and paste markers.
    var keyDecoder: KeyDecoder { get }
    /// Waits up to `timeoutMilliseconds` for one input.
    func read(timeoutMilliseconds: Int) -> TerminalRead
    /// Shows a frame, writing only what changed since the last one.
    func draw(_ frame: ScreenBuffer)
    /// Forgets what is on the screen, so the next `draw` repaints everything (Ctrl-L, after a stop).
    func invalidate()
    /// Gives the terminal back, stops the process (Ctrl-Z), and takes the terminal again when continued.
    func suspend()
    /// Gives the terminal back as a plain one while `body` runs (`:sync` shows git's output),
    /// then takes it again; the next `draw` repaints everything.
    func stepAside(_ body: () -> Void)
    /// Gives the terminal back for good: normal modes, cursor shown, paste mode off. Idempotent.
    func restore()
}

extension TerminalDevice {
    /// A terminal with nothing to give back (a scripted one) just runs `body`.
    public func stepAside(_ body: () -> Void) { body() }
}

public enum TerminalRead: Equatable, Sendable {
    case input(RawInput)
    /// The terminal is gone (closed window, dropped SSH): reads fail at once, forever.
    case hangUp
}
