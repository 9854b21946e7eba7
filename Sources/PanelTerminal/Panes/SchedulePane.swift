import PanelModel

/// Draws the schedule list: one line per item with its date (a range as "6–8 Mar 24"), kind
/// and title; cancelled items marked "✗" and dimmed. The kind is a word when the pane is wide
/// enough and its initial otherwise ("I" interview, "V" visit …; the help has the legend).
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

    /// Columns for the date: "30 Oct 23", wider when a range needs it, never a third of the pane.
    /// It formats every item's date, so `draw` reads it once, not once per row.
    var dateWidth: Int {
        let longest = schedule.map { DisplayWidth.of(Self.dateText($0)) }.max() ?? 0
        return max(9, min(longest, interior.width / 3))
    }
    static let kindWidth = 9
    /// The kind as a word on a wide pane, as its initial on a narrow one.
    func showsKindWord() -> Bool { interior.width >= 40 }
    var kindColumns: Int { showsKindWord() ? Self.kindWidth + 1 : 2 }

    /// Where an item's title starts on its line: the editor's anchor.
    var titleX: Int { titleX(dateWidth: dateWidth) }
    private func titleX(dateWidth: Int) -> Int { interior.x + 1 + dateWidth + 2 + kindColumns }

    /// "6 Mar 24", a range as "6–8 Mar 24", "28 Feb–1 Mar 24" or "30 Dec 23–2 Jan 24", or "—".
    static func dateText(_ item: ScheduleItem) -> String { dateForms(item)[0] }

    /// The date in the fullest form that fits `width`: a long range drops its year, then shows
    /// only where it starts ("28 Feb 24–"), rather than being cut in the middle of a month.
    static func dateText(_ item: ScheduleItem, width: Int) -> String {
        let forms = dateForms(item)
        return forms.first { DisplayWidth.of($0) <= width } ?? TextWrap.truncate(forms[forms.count - 1], width: width)
    }

    private static func dateForms(_ item: ScheduleItem) -> [String] {
        guard let start = item.date else { return ["—"] }
        guard let end = item.endDate, end != start else { return [start.shortForm] }
        let month = CalendarDate.monthNames[start.month - 1].prefix(3)
        let endMonth = CalendarDate.monthNames[end.month - 1].prefix(3)
        if start.year == end.year && start.month == end.month {
            return ["\(start.day)–" + end.shortForm, start.shortForm + "–"]
        }
        let full = start.year == end.year ? "\(start.day) \(month)–" + end.shortForm : start.shortForm + "–" + end.shortForm
        return [full, "\(start.day) \(month)–\(end.day) \(endMonth)", start.shortForm + "–"]
    }

    /// "I" interview, "M" meeting, "V" visit, "F" forum, "W" workshop, "S" survey, "O" other.
    static func kindInitial(_ kind: ScheduleItem.Kind) -> String { kind.rawValue.prefix(1).uppercased() }

    func draw(into buffer: inout ScreenBuffer) {
        guard !interior.isEmpty else { return }
        if schedule.isEmpty {
            buffer.put("Empty: :add item TITLE", x: interior.x + 1, y: interior.y, style: Style(.dim),
                       maxWidth: interior.width - 1)
            return
        }
        let byID = Dictionary(schedule.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dateWidth = self.dateWidth
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
                drawItem(item, y: y, dateWidth: dateWidth, into: &buffer)
            }
        }
        if firstRow > 0 { buffer.put("▴", x: interior.maxX - 1, y: interior.y, style: Style(.mark)) }
        if rows.count - firstRow > interior.height {
            buffer.put("▾", x: interior.maxX - 1, y: interior.maxY - 1, style: Style(.mark))
        }
    }

    private func drawItem(_ item: ScheduleItem, y: Int, dateWidth: Int, into buffer: inout ScreenBuffer) {
        let titleX = titleX(dateWidth: dateWidth)
        let isSelected = item.id == selectedID
        let cancelled = item.status == .cancelled
        let style: Style = isSelected
            ? (focused ? Style(.selected, bold: true) : Style(.normal, bold: true, underline: true))
            : (cancelled ? Style(.dim) : .normal)
        let date = Self.dateText(item, width: dateWidth)
        var line = " " + String(repeating: " ", count: max(0, dateWidth - DisplayWidth.of(date))) + date + "  "
        line += showsKindWord() ? PaneFrame.pad(item.kind.rawValue, Self.kindWidth) + " " : Self.kindInitial(item.kind) + " " 
        let isLive = item.id == liveID
        let title = (cancelled ? "✗ " : "") + (isLive ? "● " : "") + PaneFrame.visibleLine(item.title, columns: interior.width + (query?.count ?? 0))
        line += title
        PaneFrame.putPadded(line, x: interior.x, y: y, width: interior.width, style: style, into: &buffer)
        if !showsKindWord() && !isSelected {
            buffer.setStyle(Style(.dim), in: Rect(x: titleX - 2, y: y, width: 1, height: 1))
        }
        let titleStart = titleX - interior.x
        PaneFrame.highlight(query, in: title, x: titleX, y: y, maxWidth: interior.width - titleStart, into: &buffer)
        if conflicts.contains(item.id) { buffer.put("≠", x: interior.x, y: y, style: GridPane.conflictMark) }
        if isLive && !(isSelected && focused) && titleX < interior.maxX {
            buffer.setStyle(Style(.live, bold: true), in: Rect(x: titleX + (cancelled ? 2 : 0), y: y, width: 1, height: 1))
        }
    }
}
