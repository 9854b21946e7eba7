import Foundation
import PanelModel

/// A whole full-screen session on this process's terminal: takes the terminal, runs the app
/// until it quits (or a signal or hang-up ends it), saves, gives the terminal back, and rescues
/// the changes if the store could not take them. The `open` command calls this.
public enum TerminalSession {
    /// Why a session cannot start, in words the user can act on.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
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
        let terminal: NcursesTerminal
        do { terminal = try startTerminal() } catch {
            printError("scrutiny: \(error)")
            return 1
        }
        return run(app, on: terminal, store: store, session: session, background: background)
    }

    /// What `finish` gives a session still being opened: the app and the store, or what to say
    /// instead (the store's own error: it could not be opened after all).
    public typealias Finished<App> = Result<(app: App, session: StoreSession), StartError>

    /// Like `run(_:store:session:)` for a store still being opened (see `StoreOpening`): the first
    /// frame is drawn from `preview` (the panel without its notes) as soon as the terminal is
    /// ready, then `finish` is waited for and the session runs on the app it gives. No key is read
    /// meanwhile (typed keys wait in the terminal; none is lost), so every key meets the whole
    /// document. When `finish` fails, the terminal is given back and its message printed: exit 1.
    public static func run<App: TerminalApp>(preview: App, store: URL, finish: () -> Finished<App>) -> Int32 {
        let terminal: NcursesTerminal
        do { terminal = try startTerminal() } catch {
            // The store's error first, as when it was read whole before the terminal was taken.
            switch finish() {
            case .success(let finished):
                finished.session.close()
                printError("scrutiny: \(error)")
            case .failure(let storeError):
                printError("scrutiny: \(storeError)")
            }
            return 1
        }
        switch drawFirst(preview, on: terminal, thenFinish: finish) {
        case .success(let finished):
            defer { finished.session.close() }
            return run(finished.app, on: terminal, store: store, session: finished.session, background: nil)
        case .failure(let error):
            terminal.restore()
            printError("scrutiny: \(error)")
            return 1
        }
    }

    /// Draws `preview` once, then waits for `finish` with that frame on the screen.
    static func drawFirst<App: TerminalApp, Outcome>(_ preview: App, on terminal: TerminalDevice,
                                                      thenFinish finish: () -> Outcome) -> Outcome {
        var preview = preview
        let (width, height) = terminal.size
        // Its effects (a cursor to publish) are the finished app's to ask for again.
        _ = preview.handle(.resize(width: width, height: height))
        var frame = ScreenBuffer(width: width, height: height)
        preview.render(into: &frame)
        terminal.draw(frame)
        return finish()
    }

    /// Takes the terminal, with Scrutiny's own handlers for shutdown signals.
    private static func startTerminal() throws -> NcursesTerminal {
        // Before initscr, so ncurses does not put its own quit-at-once handlers in their place.
        ShutdownSignals.install()
        return try NcursesTerminal.start()
    }

    private static func run<App: TerminalApp>(_ app: App, on terminal: NcursesTerminal, store: URL,
                                              session: StoreSession?, background: ((inout App) -> Bool)?) -> Int32 {
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
