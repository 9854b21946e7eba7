import Foundation
import PanelModel

/// Runs a `TerminalApp` on a terminal: reads input, feeds it to the app, carries out what the
/// app asks for (autosave, drafts, quit, suspend), and draws the app's frames.
///
/// The loop never blocks on the disk: saves run on the autosaver's thread and drafts on their
/// own queue. It waits for input at most `idleTimeout` milliseconds at a time, so it also
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
    private let clock: () -> Double
    private let takeSignal: () -> Int32?
    private let runDraftWrite: Autosaver.Executor
    private let waitForDraftWrites: () -> Void
    private var decoder: KeyDecoder
    private var drafts = DraftThrottle()
    public var idleTimeout = 50
    /// How long to wait for the rest of an escape sequence (Alt+key) after Esc.
    public var escapeTimeout = 25
    /// At most this many inputs are taken before a frame is drawn.
    public var maxBurst = 64

    public convenience init(app: App, terminal: TerminalDevice, files: StoreFiles, autosaver: Autosaver,
                clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime },
                takeSignal: @escaping () -> Int32? = ShutdownSignals.take,
                draftQueue: DispatchQueue = DispatchQueue(label: "scrutiny.draft")) {
        self.init(app: app, terminal: terminal, files: files, autosaver: autosaver, clock: clock,
                  takeSignal: takeSignal, runDraftWrite: { draftQueue.async(execute: $0) },
                  waitForDraftWrites: { draftQueue.sync {} })
    }

    /// For tests: draft writes run by `runDraftWrite` (in order), `waitForDraftWrites` waits for them.
    init(app: App, terminal: TerminalDevice, files: StoreFiles, autosaver: Autosaver,
         clock: @escaping () -> Double, takeSignal: @escaping () -> Int32?,
         runDraftWrite: @escaping Autosaver.Executor, waitForDraftWrites: @escaping () -> Void) {
        self.app = app
        self.terminal = terminal
        self.files = files
        self.autosaver = autosaver
        self.clock = clock
        self.takeSignal = takeSignal
        self.runDraftWrite = runDraftWrite
        self.waitForDraftWrites = waitForDraftWrites
        decoder = terminal.keyDecoder
    }

    /// Runs until the app quits, a shutdown signal arrives or the terminal goes away; then
    /// saves everything, gives the terminal back and says how it ended.
    public func run() -> Outcome {
        let (width, height) = terminal.size
        if let ending = deliver(.resize(width: width, height: height)) { return shutDown(ending) }
        draw()
        while true {
            if let signal = takeSignal() { return shutDown(.signal(signal)) }
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
            for status in autosaver.takeStatuses() {
                app.setSaveStatus(status)
                changed = true
            }
            if let change = drafts.due(now: clock()) { perform(change) }
            if changed { draw() }
        }
    }

    /// Hands one event to the app and carries out its effects; returns an ending if one was asked for.
    private func deliver(_ event: InputEvent) -> Ending? {
        for effect in app.handle(event) {
            switch effect {
            case let .save(document):
                autosaver.submit(document)
            case let .saveDraft(bytes):
                drafts.offer(bytes, now: clock())
                if let change = drafts.due(now: clock()) { perform(change) }
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
            }
        }
        return nil
    }

    private func draw() {
        let (width, height) = terminal.size
        var frame = ScreenBuffer(width: width, height: height)
        app.render(into: &frame)
        terminal.draw(frame)
    }

    private func perform(_ change: DraftThrottle.Change) {
        let files = self.files
        runDraftWrite {
            switch change {
            case let .write(bytes): try? files.writeDraft(bytes)
            case .remove: files.removeDraft()
            }
        }
    }

    /// Saves the draft and the document, then gives the terminal back. A second signal meanwhile
    /// only sets the flag again, so it cannot cut this short.
    private func shutDown(_ ending: Ending) -> Outcome {
        // The draft first: it is small, and it holds the typing most at risk.
        if let change = drafts.flush() { perform(change) }
        waitForDraftWrites()
        let unsaved = autosaver.flush()
        if unsaved == nil {
            for status in autosaver.takeStatuses() { app.setSaveStatus(status) }
        }
        terminal.restore()
        return Outcome(ending: ending, unsaved: unsaved)
    }
}
