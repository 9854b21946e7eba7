import Foundation
import PanelModel

/// A whole full-screen session on this process's terminal: takes the terminal, runs the app
/// until it quits (or a signal or hang-up ends it), saves, gives the terminal back, and rescues
/// the changes if the store could not take them. The `open` command calls this.
public enum TerminalSession {
    /// Why a session cannot start, in words the user can act on.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Scrutiny is full-screen and keyboard-driven: both ends must be a terminal.
    public static func checkTerminal() throws(StartError) {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw StartError(description: "it needs a terminal: run it directly in a terminal window, "
                + "not with its input or output redirected (for scripts, see `scrutiny --help`)")
        }
    }

    /// Runs `app` over the store at `store`; returns the exit status. With `session` (the store
    /// opened for writing: locked, journal replayed), every change and draft goes to its
    /// journal before "saved" is shown, snapshots go through it, and on the way out a last
    /// snapshot is written and the session closed (lock released). Without one (a read-only
    /// view) nothing is journalled.
    /// `background` is called on every turn of the loop with the app (see `TerminalHost.background`).
    public static func run<App: TerminalApp>(_ app: App, store: URL, session: StoreSession? = nil,
                                             background: ((inout App) -> Bool)? = nil) -> Int32 {
        // Closed on every way out, even a failed start: the journal keeps what the snapshot
        // does not, and the next open replays it.
        defer { session?.close() }
        // Before initscr, so ncurses does not put its own quit-at-once handlers in their place.
        ShutdownSignals.install()
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.start()
        } catch {
            printError("scrutiny: \(error)")
            return 1
        }
        let autosaver: Autosaver
        if let session {
            autosaver = Autosaver(snapshot: { document, sequence in try session.snapshot(document, through: sequence) })
        } else {
            autosaver = Autosaver(write: { document in try PanelStore.save(document, to: store) })
        }
        let files = StoreFiles(store: store)
        var app = app
        // What is on disk is saved: say so from the first frame, not only after the first change.
        if session != nil, let opened = openedSaveStatus(of: store) { app.setSaveStatus(opened) }
        let host = TerminalHost(app: app, terminal: terminal, files: files, autosaver: autosaver, journal: session)
        host.background = background
        if let session { host.syncRunner = SyncRunner(session: session) }
        let outcome = host.run()

        // The terminal is ours again only as a plain line-by-line one from here on.
        if let unsaved = outcome.unsaved {
            // Ask only when someone is there: not after a hang-up or a signal.
            let someoneToAsk = outcome.ending == .quit && isatty(STDIN_FILENO) != 0
            let rescue = RescueSave(
                document: unsaved.document, reason: unsaved.reason, files: files,
                ask: someoneToAsk ? { askOnPlainTerminal($0) } : nil,
                say: { printError($0) })
            return rescue.run() == nil ? 1 : 0
        }
        if case let .signal(number) = outcome.ending {
            // A read-only view saved nothing, so it only says why it closed.
            let saved = session == nil ? "" : "saved \(store.path) and "
            printError("scrutiny: \(saved)closed on \(signalName(number))")
        }
        return 0
    }

    /// The title bar's state on opening: the store as found is saved, as of its last write
    /// (the file's modification time), which tells the clerk more than the time of opening.
    /// Nil when the file cannot be read (the first save will then say how it went).
    static func openedSaveStatus(of store: URL) -> SaveStatus? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: store.path),
              let modified = attributes[.modificationDate] as? Date else { return nil }
        return .saved(at: modified)
    }

    /// Asks one question on the terminal as a plain line-by-line one (before the screen is
    /// taken or after it is given back); nil at end of input.
    public static func askOnPlainTerminal(_ prompt: String) -> String? {
        print(prompt, terminator: "")
        fflush(nil)
        return readLine()
    }

    static func signalName(_ number: Int32) -> String {
        switch number {
        case SIGHUP: "SIGHUP"
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGQUIT: "SIGQUIT"
        default: "signal \(number)"
        }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
