import PanelModel

/// Draws the schedule list: one line per item with its date, kind (when the pane is wide
/// enough) and title; cancelled items struck through with "✗" and dimmed.
struct SchedulePane {
    let schedule: [ScheduleItem]
    let rows: [ScheduleList.Row]
    let interior: Rect
    let firstRow: Int
    let selectedID: String?
    let focused: Bool
    let query: String?
    /// Ids that carry a merge-conflict mark ("≠" before the line).
    var conflicts: Set<String> = []
    /// The item of the live session, marked "●" before its title.
    var liveID: String? = nil

    /// Columns for the date ("30 Oct 23"), then the kind when there is room for it.
    static let dateWidth = 9
    static let kindWidth = 9
    func showsKind() -> Bool { interior.width >= 40 }

    /// Where an item's title starts on its line: the editor's anchor.
    var titleX: Int { interior.x + 1 + Self.dateWidth + 2 + (showsKind() ? Self.kindWidth + 1 : 0) }

    func draw(into buffer: inout ScreenBuffer) {
        guard !interior.isEmpty else { return }
        if schedule.isEmpty {
            buffer.put("Empty: :add item TITLE", x: interior.x + 1, y: interior.y, style: Style(.dim),
                       maxWidth: interior.width - 1)
            return
        }
        let byID = Dictionary(schedule.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, row) in rows.dropFirst(firstRow).prefix(interior.height).enumerated() {
            let y = interior.y + i
            switch row {
            case .heading(let title):
                buffer.put(title, x: interior.x + 1, y: y, style: Style(.header, bold: true), maxWidth: interior.width - 1)
            case .today(let date):
                let line = "── today " + date.shortForm + " " + String(repeating: "─", count: interior.width)
                buffer.put(line, x: interior.x + 1, y: y, style: Style(.mark), maxWidth: interior.width - 2)
            case .item(let id):
                guard let item = byID[id] else { continue }
                drawItem(item, y: y, into: &buffer)
            }
        }
        if firstRow > 0 { buffer.put("▴", x: interior.maxX - 1, y: interior.y, style: Style(.mark)) }
        if rows.count - firstRow > interior.height {
            buffer.put("▾", x: interior.maxX - 1, y: interior.maxY - 1, style: Style(.mark))
        }
    }

    private func drawItem(_ item: ScheduleItem, y: Int, into buffer: inout ScreenBuffer) {
        let isSelected = item.id == selectedID
        let cancelled = item.status == .cancelled
        let style: Style = isSelected
            ? (focused ? Style(.selected, bold: true) : Style(.normal, bold: true, underline: true))
            : (cancelled ? Style(.dim) : .normal)
        let date = item.date.map(\.shortForm) ?? "—"
        var line = " " + String(repeating: " ", count: max(0, Self.dateWidth - DisplayWidth.of(date))) + date + "  "
        if showsKind() { line += PaneFrame.pad(item.kind.rawValue, Self.kindWidth) + " " }
        let isLive = item.id == liveID
        let title = (cancelled ? "✗ " : "") + (isLive ? "● " : "") + PaneFrame.visible(PaneFrame.firstLine(item.title))
        line += title
        PaneFrame.putPadded(line, x: interior.x, y: y, width: interior.width, style: style, into: &buffer)
        let titleStart = titleX - interior.x
        PaneFrame.highlight(query, in: title, x: titleX, y: y, maxWidth: interior.width - titleStart, into: &buffer)
        if conflicts.contains(item.id) { buffer.put("≠", x: interior.x, y: y, style: GridPane.conflictMark) }
        if isLive && !(isSelected && focused) && titleX < interior.maxX {
            buffer.setStyle(Style(.live, bold: true), in: Rect(x: titleX + (cancelled ? 2 : 0), y: y, width: 1, height: 1))
        }
    }
}
