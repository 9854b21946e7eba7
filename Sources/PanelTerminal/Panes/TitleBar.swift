import Foundation
import PanelModel

/// The top line: the panel's title on the left, how saving is going on the right
/// ("saved 10:41:07", "saving…", or "NOT SAVED: reason" in the alarm style), or "loading notes…"
/// while a big store's notes are still being read (the first frame, drawn before they are).
struct TitleBar: Equatable {
    let panelTitle: String
    let saveStatus: SaveStatus?
    /// The zone "saved HH:MM:SS" is told in; nil: the machine's.
    let timeZone: TimeZone?
    /// "● LIVE Special Parents Forum 2 · 00:42:13" while a live session runs: the session's
    /// title, cut when the line is short, and the elapsed time, never cut.
    var live: Live? = nil
    /// The notes are not in yet: say so where the save state goes (nothing can be saved meanwhile).
    var loadingNotes = false

    struct Live: Equatable {
        var title: String
        var elapsed: String
    }

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: Style(.titleBar))
        let status = statusText
        let statusWidth = DisplayWidth.of(status)
        let title = " Scrutiny · " + PaneFrame.firstLine(panelTitle.isEmpty ? "untitled panel" : panelTitle)
        var titleRoom = max(0, rect.width - statusWidth - 3)
        if let live {
            // The live mark goes right of the title, before the save state; it is what the
            // clerk must see, so the panel title gives way first (to a third of the line).
            let head = "● LIVE ", tail = " · " + live.elapsed
            let full = head + live.title + tail
            let liveWidth = min(DisplayWidth.of(full), max(0, titleRoom - min(DisplayWidth.of(title), rect.width / 3) - 2))
            let titleWidth = liveWidth - DisplayWidth.of(head) - DisplayWidth.of(tail)
            let shown = titleWidth >= 1 ? head + TextWrap.truncate(live.title, width: titleWidth) + tail
                : TextWrap.truncate(full, width: liveWidth)
            let x = rect.x + titleRoom - DisplayWidth.of(shown)
            buffer.put(shown, x: x, y: rect.y, style: Style(.live, bold: true), maxWidth: liveWidth)
            titleRoom = max(0, x - rect.x - 2)
        }
        let shownTitle = live == nil ? title : TextWrap.truncate(title, width: titleRoom)
        buffer.put(shownTitle, x: rect.x, y: rect.y, style: Style(.titleBar, bold: true), maxWidth: titleRoom)
        guard statusWidth > 0 else { return }
        let style: Style
        if case .failed = saveStatus { style = Style(.alarm, bold: true) } else { style = Style(.titleBar) }
        let x = max(rect.x, rect.maxX - statusWidth - 1)
        buffer.put(status, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
    }

    var statusText: String {
        if loadingNotes { return "loading notes…" }
        return switch saveStatus {
        case nil: ""
        case .saving: "saving…"
        case .saved(let date): "saved " + Self.clock(date, in: timeZone)
        case .failed(let reason): "NOT SAVED: " + PaneFrame.firstLine(reason)
        }
    }

    /// "10:41:07" in the given time zone (nil: the machine's).
    static func clock(_ date: Date, in timeZone: TimeZone?) -> String {
        WallClock.of(date, in: timeZone).clock
    }
}
