import Foundation

/// The top line: the panel's title on the left, how saving is going on the right
/// ("saved 10:41:07", "saving…", or "NOT SAVED: reason" in the alarm style).
struct TitleBar {
    let panelTitle: String
    let saveStatus: SaveStatus?
    let timeZone: TimeZone

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: Style(.titleBar))
        let status = statusText
        let statusWidth = DisplayWidth.of(status)
        let title = " Scrutiny · " + PaneFrame.firstLine(panelTitle.isEmpty ? "untitled panel" : panelTitle)
        buffer.put(title, x: rect.x, y: rect.y, style: Style(.titleBar, bold: true),
                   maxWidth: max(0, rect.width - statusWidth - 3))
        guard statusWidth > 0 else { return }
        let style: Style
        if case .failed = saveStatus { style = Style(.alarm, bold: true) } else { style = Style(.titleBar) }
        let x = max(rect.x, rect.maxX - statusWidth - 1)
        buffer.put(status, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
    }

    var statusText: String {
        switch saveStatus {
        case nil: ""
        case .saving: "saving…"
        case .saved(let date): "saved " + Self.clock(date, in: timeZone)
        case .failed(let reason): "NOT SAVED: " + PaneFrame.firstLine(reason)
        }
    }

    /// "10:41:07" in the given time zone.
    static func clock(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
