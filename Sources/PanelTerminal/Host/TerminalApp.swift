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
}

extension TerminalApp {
    /// Apps that show no clock need not listen to it.
    public mutating func tick(_ now: Date) -> [AppEffect] { [] }
}

/// Side effects the app asks the host for.
public enum AppEffect: Equatable, Sendable {
    /// A change was applied (a new edit, an undo's inverse, a redo): the host puts it in the
    /// journal, on disk, before the title bar may say "saved". Always comes before its `.save`.
    case record(Edit)
    /// The document changed: save this version (the host coalesces and saves off the main loop).
    case save(PanelDocument)
    /// The open editor's draft changed: keep these bytes beside the store, or remove the draft (nil).
    case saveDraft(Data?)
    /// Save and leave.
    case quit
    /// Ctrl-Z: restore the terminal and stop; redraw when continued.
    case suspend
    /// Ctrl-L: repaint the whole terminal, in case something else wrote over it.
    case redraw
    /// The selection moved: keep these bytes (a `CursorSidecar`) in `FILE.cursor` for
    /// `scrutiny present --follow-cursor`. The host writes at most a few a second, the latest wins.
    case publishCursor(Data)
}

public enum SaveStatus: Equatable, Sendable {
    case saved(at: Date)
    case saving
    case failed(reason: String)
}
