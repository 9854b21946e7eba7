import Foundation
import PanelModel

/// Runs a `TerminalApp` on a terminal: reads input, feeds it to the app, carries out what the
/// app asks for (journal, autosave, drafts, quit, suspend), and draws the app's frames.
///
/// With a journal (a store opened for writing), each committed change is appended to it and
/// fsync'd on the main loop before the title bar may say "saved" (a fraction of a millisecond
/// usually; see docs/RELIABILITY.md), and so is the open editor's draft, at most once a second.
/// The snapshot (the whole panel, written atomically) runs on the autosaver's thread and cuts
/// the journal. It waits for input at most `idleTimeout` milliseconds at a time, so it also
/// notices finished saves, due drafts and shutdown signals promptly.
public final class TerminalHost<App: TerminalApp> {
    /// Why the loop ended.
    public enum Ending: Equatable, Sendable {
        case quit
        case signal(Int32)
        case hangUp
    }

    public struct Outcome: Sendable {
        public let ending: Ending
        /// The document and the reason, when the store could not be written on the way out.
        public let unsaved: (document: PanelDocument, reason: String)?
    }

    public private(set) var app: App
    private let terminal: TerminalDevice
    private let files: StoreFiles
    private let autosaver: Autosaver
    /// Where changes and drafts go before "saved" is shown; nil for a view that never changes
    /// the panel (read-only), which then keeps no drafts either.
    private let journal: (any ChangeJournal)?
    private var saveState = DurableSaveState()
    private let wallClock: () -> Date
    private let clock: () -> Double
    private let takeSignal: () -> Int32?
    private let runSideFileWrite: Autosaver.Executor
    private let waitForSideFileWrites: () -> Void
    private var decoder: KeyDecoder
    private var drafts = DraftThrottle()
    /// When the app was last told the time (see `tickIfDue`).
    private var lastTick: Double = 0
    /// The clerk's selection for followers: a few writes a second at most, the latest always.
    private var cursors: DraftThrottle = {
        var throttle = DraftThrottle()
        throttle.interval = 0.2
        return throttle
    }()
    private var publishedCursor = false
    /// A shutdown signal that arrived while a sync had the terminal, for the loop to act on.
    private var heldSignal: Int32?
    /// Called on every turn of the loop (at least every `idleTimeout` ms) for news from outside
    /// the terminal, such as the read-only view's `StoreFollower`; true when the app must be redrawn.
    public var background: ((inout App) -> Bool)?
    /// Runs `:sync` (the store opened for writing); nil where there is nothing to sync.
    public var syncRunner: SyncRunner?
    public var idleTimeout = 50
    /// How long to wait for the rest of an escape sequence (Alt+key) after Esc.
    public var escapeTimeout = 25
    /// At most this many inputs are taken before a frame is drawn.
    public var maxBurst = 64

    public convenience init(app: App, terminal: TerminalDevice, files: StoreFiles, autosaver: Autosaver,
                journal: (any ChangeJournal)? = nil,
                clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime },
                takeSignal: @escaping () -> Int32? = ShutdownSignals.take,
                sideFileQueue: DispatchQueue = DispatchQueue(label: "scrutiny.side-files")) {
        self.init(app: app, terminal: terminal, files: files, autosaver: autosaver, journal: journal, clock: clock,
                  takeSignal: takeSignal, runSideFileWrite: { sideFileQueue.async(execute: $0) },
                  waitForSideFileWrites: { sideFileQueue.sync {} })
    }

    /// For tests: files beside the store (the cursor sidecar) are written off the main loop by
    /// `runSideFileWrite`, in order; `waitForSideFileWrites` waits for them; `wallClock` stamps
    /// "saved HH:MM:SS". (Drafts go to the journal, not through here.)
    init(app: App, terminal: TerminalDevice, files: StoreFiles, autosaver: Autosaver,
         journal: (any ChangeJournal)? = nil,
         clock: @escaping () -> Double, takeSignal: @escaping () -> Int32?,
         runSideFileWrite: @escaping Autosaver.Executor, waitForSideFileWrites: @escaping () -> Void,
         wallClock: @escaping () -> Date = { Date() }) {
        self.app = app
        self.terminal = terminal
        self.files = files
        self.autosaver = autosaver
        self.journal = journal
        self.wallClock = wallClock
        self.clock = clock
        self.takeSignal = takeSignal
        self.runSideFileWrite = runSideFileWrite
        self.waitForSideFileWrites = waitForSideFileWrites
        decoder = terminal.keyDecoder
    }

    /// Runs until the app quits, a shutdown signal arrives or the terminal goes away; then
    /// saves everything, gives the terminal back and says how it ended.
    public func run() -> Outcome {
        let (width, height) = terminal.size
        if let ending = deliver(.resize(width: width, height: height)) { return shutDown(ending) }
        draw()
        lastTick = clock()  // the first frame already shows the time
        while true {
            if let signal = heldSignal ?? takeSignal() { return shutDown(.signal(signal)) }
            var timeout = decoder.wantsFollowUp ? escapeTimeout : idleTimeout
            var changed = false
            // Take everything already typed before drawing, so a burst of keys costs one frame.
            for _ in 0..<maxBurst {
                guard case let .input(raw) = terminal.read(timeoutMilliseconds: timeout) else {
                    return shutDown(.hangUp)
                }
                for event in decoder.feed(raw, at: clock()) {
                    if let ending = deliver(event) { return shutDown(ending) }
                    changed = true
                }
                if raw == .timeout { break }
                timeout = decoder.wantsFollowUp ? escapeTimeout : 0
            }
            autosaver.tick()
            let tick = tickIfDue()
            if let ending = tick.ending { return shutDown(ending) }
            if tick.ticked { changed = true }
            if takeSnapshotStatuses() { changed = true }
            if let change = cursors.due(now: clock()) { publish(change) }
            if let background, background(&app) { changed = true }
            if changed { draw() }
            // The draft after the frame: a typed key's echo does not wait for the draft's fsync.
            // A draft is not a change (the throttle lets it wait up to a second anyway), and it
            // is still on disk before the next input is read.
            if let change = drafts.due(now: clock()), perform(change) { draw() }
        }
    }

    /// Hands one event to the app and carries out its effects; returns an ending if one was asked for.
    private func deliver(_ event: InputEvent) -> Ending? {
        carryOut(app.handle(event))
    }

    /// Tells the app the time about once a second (the live session's elapsed time moves
    /// without a key being pressed); true when it did, so the frame is drawn again.
    private func tickIfDue() -> (ticked: Bool, ending: Ending?) {
        let now = clock()
        guard now - lastTick >= 1 else { return (false, nil) }
        lastTick = now
        return (true, carryOut(app.tick(wallClock())))
    }

    /// Carries out what the app asked for; returns an ending if one was asked for.
    private func carryOut(_ effects: [AppEffect]) -> Ending? {
        for effect in effects {
            switch effect {
            case let .record(edit):
                record(edit)
            case let .save(document):
                // Read with the document, on the thread that records: the snapshot holds
                // exactly the changes up to this number, so the cut keeps every later one.
                autosaver.submit(document, through: journal?.lastSequence ?? 0)
            case let .saveDraft(bytes):
                // Written by the loop once the frame is drawn (see `run`).
                drafts.offer(bytes, now: clock())
            case .quit:
                return .quit
            case .suspend:
                terminal.suspend()
                // The terminal may have changed size while we were stopped.
                terminal.invalidate()
                let (width, height) = terminal.size
                if let ending = deliver(.resize(width: width, height: height)) { return ending }
            case .redraw:
                terminal.invalidate()
            case let .publishCursor(bytes):
                cursors.offer(bytes, now: clock())
                if let change = cursors.due(now: clock()) { publish(change) }
            case let .exportFile(request):
                if let ending = carryOut(app.hostReplied(ReportFiles.write(request))) { return ending }
            case let .readReport(path):
                if let ending = carryOut(app.hostReplied(ReportFiles.read(path))) { return ending }
            case let .sync(document):
                if let ending = carryOut(app.hostReplied(sync(document))) { return ending }
            }
        }
        return nil
    }

    /// Everything on disk first (the autosaver's last version, the draft), then the sync with
    /// the terminal given back; see `SyncRunner`.
    private func sync(_ document: PanelDocument) -> HostReply {
        guard let syncRunner else { return .syncFailed(reason: "this view cannot sync: it does not have the store open") }
        if let change = drafts.flush() { perform(change) }
        if let unsaved = autosaver.flush() {
            return .syncFailed(reason: "the panel could not be saved first, so nothing was synced: \(unsaved.reason)")
        }
        _ = takeSnapshotStatuses()
        var reply = HostReply.syncFailed(reason: "the sync did not run")
        terminal.stepAside { reply = syncRunner.run(document) }
        terminal.invalidate()
        // Ctrl-C (or Ctrl-\) on the plain terminal was for the sync (a stuck push); a hang-up
        // or a SIGTERM still ends the session.
        if let caught = takeSignal(), caught != SIGINT, caught != SIGQUIT { heldSignal = caught }
        return reply
    }

    private func draw() {
        let (width, height) = terminal.size
        var frame = ScreenBuffer(width: width, height: height)
        app.render(into: &frame)
        terminal.draw(frame)
    }

    /// Puts a change in the journal, on disk, and only then lets the title bar say "saved".
    /// A failure shows "NOT SAVED: reason"; the change stays in memory (and in the journal's
    /// memory, written with the next record or snapshot that succeeds).
    private func record(_ edit: Edit) {
        guard let journal else { return }
        do {
            try journal.record(edit)
            saveState.recorded(at: wallClock())
        } catch {
            saveState.recordFailed(error.description)
        }
        showSaveState()
    }

    /// The draft goes into the journal with the changes (fsync'd, replayed on the next open):
    /// one mechanism for everything typed. True when the title bar's save state changed.
    @discardableResult
    private func perform(_ change: DraftThrottle.Change) -> Bool {
        guard let journal else { return false }
        let bytes: Data?
        switch change {
        case let .write(draft): bytes = draft.bytes
        case .remove: bytes = nil
        }
        do {
            try journal.recordDraft(bytes)
            // A draft is not a change: it says "saved" again only if it ended a fault.
            let before = saveState.status
            saveState.draftRecorded(at: wallClock())
            if saveState.status == before { return false }
        } catch {
            saveState.recordFailed(error.description)
            // Tried again a second later (a fresh temp file), unless newer text comes first.
            if let bytes { drafts.offer(DeferredBytes(bytes), now: clock()) }
        }
        return showSaveState()
    }

    /// Passes the autosaver's news to the app; with a journal, a snapshot's news is weighed
    /// with the journal's (a snapshot in progress changes nothing: the change is saved).
    /// True when the app was told something.
    private func takeSnapshotStatuses() -> Bool {
        let statuses = autosaver.takeStatuses()
        guard journal != nil else {
            for status in statuses { app.setSaveStatus(status) }
            return !statuses.isEmpty
        }
        for status in statuses { saveState.snapshot(status) }
        return !statuses.isEmpty && showSaveState()
    }

    @discardableResult
    private func showSaveState() -> Bool {
        guard let status = saveState.status else { return false }
        app.setSaveStatus(status)
        return true
    }

    private func publish(_ change: DraftThrottle.Change) {
        guard case let .write(bytes) = change else { return }
        publishedCursor = true
        let files = self.files
        runSideFileWrite { try? files.writeCursor(bytes.bytes) }
    }

    /// Saves the draft and the document, then gives the terminal back. A second signal meanwhile
    /// only sets the flag again, so it cannot cut this short.
    private func shutDown(_ ending: Ending) -> Outcome {
        // The draft first: it is small, and it holds the typing most at risk.
        if let change = drafts.flush() { perform(change) }
        // Followers keep the last selection they saw; the file goes with the clerk.
        if publishedCursor {
            let files = self.files
            runSideFileWrite { files.removeCursor() }
        }
        waitForSideFileWrites()
        let unsaved = autosaver.flush()
        if unsaved == nil { _ = takeSnapshotStatuses() }
        terminal.restore()
        return Outcome(ending: ending, unsaved: unsaved)
    }
}
