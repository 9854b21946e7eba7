import CNcurses
import Foundation

/// The one place Scrutiny calls ncurses: set the terminal up, read keys, write the cells that
/// changed, and give the terminal back. Everything above it works on `ScreenBuffer`s and
/// `RawInput`s, so it is tested without a terminal.
public final class NcursesTerminal: TerminalDevice {
    private let window: UnsafeMutablePointer<WINDOW>
    private let theme: Theme
    /// Attributes and colour pair for each style drawn so far.
    private var looks: [Style: (attributes: attr_t, pair: Int16)] = [:]
    private var lastLook: (style: Style, look: (attributes: attr_t, pair: Int16))?
    private var pairNumbers: [Theme.Pair: Int16] = [:]
    private var shown: ScreenBuffer?
    private var ended = false
    /// Consecutive reads that failed at once instead of waiting: a sign the terminal is gone.
    private var instantFailures = 0
    /// Key codes for modified keys (Ctrl-Left…) and the paste markers on this terminal.
    public private(set) var keyDecoder = KeyDecoder()

    /// Why the terminal could not be set up, in words the user can act on.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Codes for the bracketed-paste markers, above anything ncurses assigns itself.
    private static let pasteStartCode: Int32 = 0x6000
    private static let pasteEndCode: Int32 = 0x6001

    /// Takes over the terminal. Install `ShutdownSignals` first.
    public static func start(environment: [String: String] = EnvironmentValues.named("TERM", "NO_COLOR"))
        throws(StartError) -> NcursesTerminal
    {
        // Wide characters need a UTF-8 locale; many servers and containers default to "C".
        setlocale(LC_ALL, "")
        if scrutiny_locale_is_utf8() == 0 {
            for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where scrutiny_locale_is_utf8() == 0 {
                setlocale(LC_ALL, name)
            }
        }
        guard scrutiny_locale_is_utf8() != 0 else {
            throw StartError(description: "no UTF-8 locale is available; install one (e.g. C.UTF-8) and set LANG to it")
        }
        // initscr exits the process when TERM is unknown; ask terminfo first so we can say why.
        var status: Int32 = 0
        guard setupterm(nil, STDOUT_FILENO, &status) == scrutiny_ok() else {
            let term = environment["TERM"] ?? "(not set)"
            throw StartError(description: "the terminal type TERM=\(term) is unknown here; try TERM=xterm-256color")
        }
        guard let window = initscr() else {
            throw StartError(description: "the terminal could not be set up")
        }
        // ncurses 6 writes its output out after every cursor move until the screen has once
        // been left and taken back (lib_mvcur.c flushes while `_endwin == ewInitial`, and only
        // a resume sets it running), so a first frame went out as some 150 writes of 20–300
        // bytes. Leaving and taking it back once, before anything is drawn, makes every frame
        // a few large writes, as after a Ctrl-Z.
        endwin()
        wrefresh(window)
        // Start colour only when it will be used: once started, ncurses paints pair 0 as
        // white on black unless told otherwise, which would override a NO_COLOR terminal's own.
        var theme = Theme.choose(terminalHasColours: has_colors(), environment: environment)
        if theme == .colour && start_color() != scrutiny_ok() { theme = .monochrome }
        let terminal = NcursesTerminal(window: window, theme: theme)
        terminal.setUp()
        return terminal
    }

    private init(window: UnsafeMutablePointer<WINDOW>, theme: Theme) {
        self.window = window
        self.theme = theme
    }

    private func setUp() {
        raw()      // Ctrl-C, Ctrl-Z, Ctrl-S, Ctrl-Q arrive as keys; flow control off
        noecho()
        nonl()     // Enter arrives as 13 and output newlines are not translated
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        if theme == .colour {
            // Keep the terminal's own foreground and background where the theme says "default",
            // so the workspace reads well on dark and light terminals alike.
            let defaults = use_default_colors() == scrutiny_ok()
            for (index, pair) in theme.pairs.enumerated() {
                let number = Int16(index + 1)
                let foreground = pair.foreground?.rawValue ?? (defaults ? -1 : Theme.Colour.white.rawValue)
                let background = pair.background?.rawValue ?? (defaults ? -1 : Theme.Colour.black.rawValue)
                init_pair(number, foreground, background)
                pairNumbers[pair] = number
            }
        }
        var extended: [Int32: Key] = [:]
        for (name, key) in KeyDecoder.extendedKeyNames {
            let code = scrutiny_key_for_capability(name)
            if code > 0 { extended[code] = key }
        }
        define_key("\u{1B}[200~", Self.pasteStartCode)
        define_key("\u{1B}[201~", Self.pasteEndCode)
        keyDecoder = KeyDecoder(extendedKeys: extended, pasteStartCode: Self.pasteStartCode,
                             pasteEndCode: Self.pasteEndCode)
        setBracketedPaste(true)
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    // MARK: - Reading

    public func read(timeoutMilliseconds: Int) -> TerminalRead {
        wtimeout(window, Int32(timeoutMilliseconds))
        let started = ProcessInfo.processInfo.systemUptime
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == scrutiny_ok() {
            instantFailures = 0
            return .input(.character(UInt32(character)))
        }
        if result == scrutiny_key_code_yes() {
            instantFailures = 0
            if Int32(character) == KEY_RESIZE {
                let (width, height) = size
                return .input(.resized(width: width, height: height))
            }
            return .input(.keyCode(Int32(character)))
        }
        // ERR: a timeout, a signal, or a terminal that has gone away.
        if terminalIsGone() { return .hangUp }
        let waited = ProcessInfo.processInfo.systemUptime - started
        if timeoutMilliseconds > 0 && waited * 1000 < Double(timeoutMilliseconds) / 2 {
            // Reads that fail without waiting, over and over, mean end of file: never spin.
            instantFailures += 1
            if instantFailures >= 20 { return .hangUp }
        } else {
            instantFailures = 0
        }
        return .input(.timeout)
    }

    private func terminalIsGone() -> Bool {
        if isatty(STDIN_FILENO) == 0 { return true }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    // MARK: - Writing

    public func draw(_ frame: ScreenBuffer) {
        guard !ended else { return }
        for change in frame.changes(since: shown) {
            // "" is the second column of a wide character, already covered by the first.
            guard !change.cell.glyph.isEmpty else { continue }
            put(change.cell, x: change.x, y: change.y)
        }
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
            wmove(window, Int32(max(0, frame.height - 1)), Int32(max(0, frame.width - 1)))
        }
        wrefresh(window)
        shown = frame
    }

    private func put(_ cell: ScreenBuffer.Cell, x: Int, y: Int) {
        let look = attributes(for: cell.style)
        // A character is one spacing code point and up to four combining ones (CCHARW_MAX 5),
        // handed over NUL-terminated in a buffer on the stack (this runs for every changed cell).
        var styled = cchar_t()
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 6) { wide in
            var count = 0
            if let scalar = cell.glyph.plainNarrowScalar {
                // One scalar that is no control: no string to build or check.
                wide[0] = wchar_t(bitPattern: scalar)
                count = 1
            } else {
                for scalar in Self.safeForTerminal(cell.character).unicodeScalars.prefix(5) {
                    wide[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
            }
            wide[count] = 0
            setcchar(&styled, wide.baseAddress, look.attributes, look.pair, nil)
        }
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but draws it.
        mvwadd_wch(window, Int32(y), Int32(x), &styled)
    }

    /// The last line of defence: panes draw through `VisibleText`, but a cell set directly must
    /// not carry a control or bidi-override character to the terminal either. Such a cell is
    /// shown as "?" (its width is one column, like any control's stand-in start).
    static func safeForTerminal(_ character: String) -> String {
        let unsafe = character.unicodeScalars.contains { scalar in
            let v = scalar.value
            return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
        }
        return unsafe ? "?" : character
    }

    private func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        // Neighbouring cells mostly share a style: skip the look-up (and its hashing) for them.
        if let last = lastLook, last.style == style { return last.look }
        let look = lookUp(style)
        lastLook = (style, look)
        return look
    }

    private func lookUp(_ style: Style) -> (attributes: attr_t, pair: Int16) {
        if let known = looks[style] { return known }
        let look = theme.look(for: style)
        var attributes = scrutiny_a_normal()
        if look.bold { attributes |= scrutiny_a_bold() }
        if look.reverse { attributes |= scrutiny_a_reverse() }
        if look.underline { attributes |= scrutiny_a_underline() }
        if look.dim { attributes |= scrutiny_a_dim() }
        let pair = look.pair.flatMap { pairNumbers[$0] } ?? 0
        looks[style] = (attributes, pair)
        return (attributes, pair)
    }

    public func invalidate() {
        shown = nil
        clearok(window, true)
    }

    // MARK: - Giving the terminal back

    public func suspend() {
        guard !ended else { return }
        setBracketedPaste(false)
        endwin()
        raise(SIGSTOP)
        // Continued: take the terminal again and repaint everything.
        setBracketedPaste(true)
        invalidate()
        wrefresh(window)
    }

    public func stepAside(_ body: () -> Void) {
        guard !ended else { return body() }
        setBracketedPaste(false)
        endwin()
        body()
        setBracketedPaste(true)
        invalidate()
        wrefresh(window)
    }

    public func restore() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        setBracketedPaste(false)
        endwin()
    }

    /// Bracketed paste makes the terminal mark pasted text, so a paste is never run as keys.
    private func setBracketedPaste(_ on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        fflush(nil)  // ncurses' own buffered output first
        _ = sequence.withCString { Foundation.write(STDOUT_FILENO, $0, strlen($0)) }
    }
}
