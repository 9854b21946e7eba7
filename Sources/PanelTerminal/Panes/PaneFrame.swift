import Foundation

/// The box around a pane, with its title in the top edge. The focused pane's frame is drawn in
/// `.focusedBorder` (and bold, so monochrome terminals show it too).
enum PaneFrame {
    static func draw(_ rect: Rect, title: String, focused: Bool, into buffer: inout ScreenBuffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = focused ? Style(.focusedBorder, bold: true) : Style(.border)
        buffer.drawBox(rect, style: style)
        buffer.put(" " + title + " ", x: rect.x + 1, y: rect.y, style: style, maxWidth: rect.width - 2)
    }

    /// Draws `text` left-aligned in `width` columns and pads the rest with spaces in the same
    /// style, so a highlighted line is highlighted to its end.
    static func putPadded(_ text: String, x: Int, y: Int, width: Int, style: Style, into buffer: inout ScreenBuffer) {
        guard width > 0 else { return }
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        buffer.put(TextWrap.truncate(visibleLine(text, columns: width), width: width), x: x, y: y, style: style, maxWidth: width)
    }

    /// The text up to its first line break: list lines show one line of a multi-line text.
    static func firstLine(_ text: String) -> String {
        // No line break at all (a byte scan): the text is its own first line.
        if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) { return text }
        return String(text.prefix { $0 != "\n" && $0 != "\r" })
    }

    /// The first line of `text` as drawn, cut to what `columns` columns can show plus one
    /// character, so a truncation still ends in "…" (every character takes a column at least).
    /// A list line shows ~40 columns of a paragraph that may be a megabyte long.
    static func visibleLine(_ text: String, columns: Int) -> String {
        visible(firstLine(String(text.prefix(max(0, columns) + 1))))
    }

    /// Text as it will be drawn (control characters replaced by visible stand-ins) but with its
    /// line breaks kept, so wrapping and padding measure what is really shown.
    static func visible(_ text: String) -> String {
        if !text.utf8.contains(0x0A) { return VisibleText.sanitize(text) }  // one line: nothing to split
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { VisibleText.sanitize(String($0)) }.joined(separator: "\n")
    }

    /// Text padded with spaces (or cut with "…") to exactly `width` columns.
    static func pad(_ text: String, _ width: Int) -> String {
        let cut = TextWrap.truncate(visibleLine(text, columns: width), width: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    /// Re-styles every case-insensitive occurrence of `query` in a line drawn at (x, y), so
    /// search matches stand out wherever the text is shown. `shown` is the text as drawn.
    static func highlight(_ query: String?, in shown: String, x: Int, y: Int, maxWidth: Int,
                          into buffer: inout ScreenBuffer) {
        guard let query, !query.isEmpty else { return }
        var searchStart = shown.startIndex
        while let range = shown.range(of: query, options: .caseInsensitive, range: searchStart..<shown.endIndex) {
            let start = DisplayWidth.of(String(shown[shown.startIndex..<range.lowerBound]))
            let width = DisplayWidth.of(String(shown[range]))
            let clipped = min(width, maxWidth - start)
            if clipped > 0 { buffer.setStyle(Style(.match, bold: true), in: Rect(x: x + start, y: y, width: clipped, height: 1)) }
            searchStart = range.upperBound
        }
    }
}
