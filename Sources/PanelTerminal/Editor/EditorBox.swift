/// Draws an open editor "in place": over the cell being edited while its text fits there,
/// otherwise in a bordered box anchored at the cell that grows as the text does.
///
/// The box keeps the cell's left edge and width when it can, grows downwards (upwards when
/// there is no room below), and is widened to `minimumWidth` (to the right, then the left)
/// when the cell is narrow. When the text is taller than the room there is, the box scrolls
/// so that the cursor's line is always in view, with "↑" / "↓" on the border saying there is
/// more. All text goes through `ScreenBuffer.put`, so control characters show as stand-ins.
///
/// Pure layout: call `placement` to know the wrap width the editor is shown at (the workspace
/// passes it to `TextEditor.perform` so that up and down move by the rows on screen).
public enum EditorBox {
    /// The narrowest box, border included, so a narrow cell still gets a usable editor.
    public static let minimumWidth = 24

    /// Where the editor goes on screen.
    public struct Placement: Equatable, Sendable {
        /// Everything the editor covers: the cell itself, or the box with its border.
        public var frame: Rect
        /// Where the text rows are drawn; its width is the wrap width.
        public var textArea: Rect
        /// True for a box (border and one column of padding each side), false in place.
        public var bordered: Bool
        public var wrapWidth: Int { textArea.width }
    }

    public static func placement(for editor: TextEditor, anchor: Rect, bounds: Rect) -> Placement {
        arrange(editor, anchor: anchor, bounds: bounds).placement
    }

    /// The placement and the editor's layout at its wrap width, worked out together so that
    /// drawing wraps the text no more often than it must. Whether the text fits in the cell is
    /// told from its first rows, so a megabyte is wrapped only at the box's width (and that
    /// wrap is kept by the editor from key to key).
    private static func arrange(_ editor: TextEditor, anchor: Rect, bounds: Rect)
        -> (placement: Placement, layout: EditorLayout) {
        let cell = anchor.intersection(bounds)
        if !cell.isEmpty, editor.fits(rows: cell.height, width: cell.width) {
            let layout = editor.layout(width: cell.width)
            // A cursor just past a full row shows one column right of the cell (over the
            // grid's separator), so that column must be on screen too.
            if layout.cursorColumn < cell.width || cell.maxX < bounds.maxX {
                return (Placement(frame: cell, textArea: cell, bordered: false), layout)
            }
        }
        let origin = cell.isEmpty ? anchor : cell
        let width = min(bounds.width, max(origin.width, minimumWidth))
        let x = max(bounds.x, min(origin.x, bounds.maxX - width))
        let layout = editor.layout(width: max(1, width - 4))
        let needed = layout.lineCount + 2
        let y = max(bounds.y, min(origin.y, bounds.maxY - needed))
        let height = min(needed, bounds.maxY - y)
        guard width >= 5, height >= 3 else {
            // No room even for a one-line box: edit in the cell itself, scrolling.
            return (Placement(frame: origin, textArea: origin, bordered: false),
                    editor.layout(width: origin.width))
        }
        let frame = Rect(x: x, y: y, width: width, height: height)
        let textArea = Rect(x: x + 2, y: y + 1, width: width - 4, height: height - 2)
        return (Placement(frame: frame, textArea: textArea, bordered: true), layout)
    }

    /// Draws the editor and sets `buffer.cursor`. Returns the rectangle it covers.
    @discardableResult
    public static func draw(_ editor: TextEditor, anchor: Rect, bounds: Rect,
                            into buffer: inout ScreenBuffer, style: Style) -> Rect {
        let (place, layout) = arrange(editor, anchor: anchor, bounds: bounds)
        let area = place.textArea
        let visible = max(1, area.height)
        // Scroll only as far as needed to show the cursor's row: the cursor at the end shows
        // the last rows, the cursor at the start the first ones.
        let top = max(0, layout.cursorRow - visible + 1)

        buffer.fill(place.frame, style: style)
        if place.bordered {
            drawBorder(place.frame, into: &buffer, style: style,
                       moreAbove: top > 0, moreBelow: top + visible < layout.lineCount)
        }
        for row in 0..<visible where top + row < layout.lineCount {
            buffer.put(layout.text(ofRow: top + row), x: area.x, y: area.y + row, style: style,
                       maxWidth: area.width)
        }
        let x = min(area.x + layout.cursorColumn, bounds.maxX - 1, buffer.width - 1)
        buffer.cursor = (max(0, x), area.y + layout.cursorRow - top)
        return place.frame
    }

    private static func drawBorder(_ frame: Rect, into buffer: inout ScreenBuffer, style: Style,
                                   moreAbove: Bool, moreBelow: Bool) {
        buffer.drawBox(frame, style: style)
        if moreAbove { buffer.put("↑", x: frame.maxX - 3, y: frame.y, style: style) }
        if moreBelow { buffer.put("↓", x: frame.maxX - 3, y: frame.maxY - 1, style: style) }
    }
}
