import Foundation
import PanelModel

/// What the terminal host runs: something that takes input events, draws itself into a screen
/// buffer, and asks the host for side effects (saving, quitting) instead of doing them.
///
/// Keeping the app free of I/O is what lets tests drive the whole workspace in-process by key
/// names and compare its screen as text; only the host talks to ncurses and the disk.
public protocol TerminalApp {
    mutating func handle(_ event: InputEvent) -> [AppEffect]
    /// The host reports how saving is going, for the title bar.
    mutating func setSaveStatus(_ status: SaveStatus)
    /// Draws the whole frame. The host diffs frames, so drawing everything is cheap to write.
    func render(into buffer: inout ScreenBuffer)
    /// The clock moved on (the host calls this about once a second, then redraws): for what
    /// shows the time, such as the live session's elapsed time in the title bar.
    mutating func tick(_ now: Date) -> [AppEffect]
    /// What came of a file or sync the app asked for (`.exportFile`, `.readReport`, `.sync`).
    mutating func hostReplied(_ reply: HostReply) -> [AppEffect]
}

extension TerminalApp {
    /// Apps that show no clock need not listen to it.
    public mutating func tick(_ now: Date) -> [AppEffect] { [] }
    /// Apps that ask for no files need no replies.
    public mutating func hostReplied(_ reply: HostReply) -> [AppEffect] { [] }
}

/// Side effects the app asks the host for.
public enum AppEffect: Equatable, Sendable {
    /// A change was applied (a new edit, an undo's inverse, a redo): the host puts it in the
    /// journal, on disk, before the title bar may say "saved". Always comes before its `.save`.
    case record(Edit)
    /// The document changed: save this version (the host coalesces and saves off the main loop).
    case save(PanelDocument)
    /// The open editor's draft changed: keep these bytes beside the store, or remove the draft (nil).
    case saveDraft(DeferredBytes?)
    /// Save and leave.
    case quit
    /// Ctrl-Z: restore the terminal and stop; redraw when continued.
    case suspend
    /// Ctrl-L: repaint the whole terminal, in case something else wrote over it.
    case redraw
    /// The selection moved: keep these bytes (a `CursorSidecar`) in `FILE.cursor` for
    /// `scrutiny present --follow-cursor`. The host writes at most a few a second, the latest wins.
    case publishCursor(DeferredBytes)
    /// Write an export (atomically); when `replacing` is false and the file exists, the host
    /// writes nothing and replies `.exportExists` so the app can ask first.
    case exportFile(ExportRequest)
    /// Read the report file at this path and reply `.reportRead` (or `.readFailed`).
    case readReport(path: String)
    /// Save this document, run `scrutiny sync` on the store with the terminal given back, then
    /// reply `.synced` with the store as the sync left it.
    case sync(PanelDocument)
}

/// An export the app computed and the host writes: files are I/O, so the host does the writing.
public struct ExportRequest: Equatable, Sendable {
    /// Absolute path, `~` already expanded.
    public var path: String
    public var bytes: Data
    /// "Markdown", "HTML", "CSV", "JSON": for the status message.
    public var formatName: String
    public var replacing: Bool

    public init(path: String, bytes: Data, formatName: String, replacing: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.formatName = formatName
        self.replacing = replacing
    }
}

/// What the host did with a file or sync the app asked for.
public enum HostReply: Equatable, Sendable {
    case exported(ExportRequest)
    /// Nothing written: the file is there and the request did not say to replace it.
    case exportExists(ExportRequest)
    case exportFailed(ExportRequest, reason: String)
    case reportRead(path: String, data: Data)
    case readFailed(path: String, reason: String)
    /// The sync ran (`succeeded` false when it exited with a failure, its output said why) and
    /// the store was read again: `document` is what it holds now.
    case synced(PanelDocument, succeeded: Bool)
    /// The sync could not start or the store could not be read back; the workspace keeps its document.
    case syncFailed(reason: String)
}

public enum SaveStatus: Equatable, Sendable {
    case saved(at: Date)
    case saving
    case failed(reason: String)
}
