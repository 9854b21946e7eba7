/// Where each row of a text wrapped to a width starts and ends, as UTF-8 offsets: the rows of
/// `TextWrap.wrap(text, width:)` (without hyphens), held as numbers rather than strings, so a
/// megabyte of text costs a small array and an edit re-wraps only the rows it touched.
///
/// Built once by walking the text, then kept up to date by `update`: after an edit only the rows
/// from just before it are wrapped again, until a row starts where a row started before the edit
/// (from there on the wrap is the old one, moved by the edit's change in length). A key typed
/// into a megabyte therefore wraps a few rows, not the whole text.
///
/// Printable ASCII is measured by its bytes (one byte, one character, one column) unless the
/// next byte starts a scalar that could join it; everything else goes through `Character` and
/// `VisibleText.width`, exactly as `TextWrap` measures it.
struct WrapIndex: Equatable, Sendable {
    /// One row: the UTF-8 offsets of its first character and just past its last shown one (the
    /// space a break ate and the line break itself are not part of it).
    struct Row: Equatable, Sendable {
        var start: Int
        var end: Int
    }

    let width: Int
    private(set) var rows: [Row]

    /// The rows of the whole of `text`.
    init(_ text: String, width: Int) {
        self.width = max(1, width)
        rows = []
        var start: String.Index? = text.startIndex
        while let from = start {
            let row = Self.row(in: text, from: from, width: self.width)
            rows.append(Row(start: Self.offset(from, in: text), end: Self.offset(row.end, in: text)))
            start = row.next
        }
    }

    /// How many rows the first rows of `text` take, counting no further than `limit` + 1: enough
    /// to tell whether a text fits in `limit` rows without wrapping all of it.
    static func rowCount(of text: String, width: Int, upTo limit: Int) -> Int {
        var count = 0
        var start: String.Index? = text.startIndex
        while let from = start, count <= limit {
            start = row(in: text, from: from, width: max(1, width)).next
            count += 1
        }
        return count
    }

    /// The row that shows `offset`: the last one starting at or before it.
    func row(containing offset: Int) -> Int {
        var low = 0, high = rows.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if rows[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// What `row` shows, from the text the rows were made from.
    func text(ofRow row: Int, in text: String) -> String {
        let r = rows[row]
        return String(text[Self.index(r.start, in: text)..<Self.index(r.end, in: text)])
    }

    /// True when `row` ends inside an over-long word (the next row goes on from its end), so the
    /// offset at its end belongs to the next row (see `EditorLayout`).
    func endsAtWrapPoint(_ row: Int) -> Bool {
        row + 1 < rows.count && rows[row + 1].start == rows[row].end
    }

    /// Brings the rows up to date after the UTF-8 range `replaced` of the old text became
    /// `inserted` bytes, giving `text`. Costs the rows re-wrapped, usually a few; a shift of
    /// the rows after them by the edit's change in length; and, rarely (a text so regular that
    /// the rows never fall back into step, such as "ab ab ab …"), a wrap to the end.
    /// Returns how many rows it wrapped.
    @discardableResult
    mutating func update(replacing replaced: Range<Int>, withCount inserted: Int, in text: String) -> Int {
        let delta = inserted - replaced.count
        let editEnd = replaced.lowerBound + inserted  // in the new text
        // A row decides where it ends by reading up to the first character that does not fit,
        // which can be the first of the row after next (a stand-in such as "⟨RLO⟩" too wide
        // for the next row as well): so the row before the one holding the byte before the edit
        // can change (seeded walks in the tests find such edits). One row earlier still, for
        // when that too-wide character is the one before the edit and what is typed joins it
        // (the row holding the byte before the edit holds that whole character).
        let first = max(0, row(containing: replaced.lowerBound - 1) - 2)
        // The old rows that may still hold after the edit: those starting at or after its end.
        var old = first
        while old < rows.count && rows[old].start < replaced.upperBound { old += 1 }
        var fresh: [Row] = []
        var next: String.Index? = Self.index(rows[first].start, in: text)
        while let from = next {
            let start = Self.offset(from, in: text)
            if start >= editEnd {
                // Past the edit: a row starting where an old row started wraps as it did.
                while old < rows.count && rows[old].start + delta < start { old += 1 }
                if old < rows.count && rows[old].start + delta == start { break }
            }
            let row = Self.row(in: text, from: from, width: width)
            fresh.append(Row(start: start, end: Self.offset(row.end, in: text)))
            next = row.next
        }
        let kept = next == nil ? [] : rows[old...].map { Row(start: $0.start + delta, end: $0.end + delta) }
        rows.replaceSubrange(first..., with: fresh + kept)
        return fresh.count
    }

    // MARK: Wrapping one row

    /// What one character at `i` is, for wrapping.
    enum Kind { case space, lineBreak, other }

    /// The character at `i` (a character boundary, not the end): where the next one starts, the
    /// columns it takes once drawn, and whether it is a space or a line break.
    @inline(__always)
    static func character(in text: String, at i: String.Index) -> (next: String.Index, width: Int, kind: Kind) {
        let bytes = text.utf8
        let byte = bytes[i]
        if byte >= 0x20 && byte < 0x7F {
            // Printable ASCII is one column, unless what follows is a scalar joined to it
            // (a combining accent after "e"): every such scalar starts with a byte ≥ 0x80.
            let next = bytes.index(after: i)
            if next == bytes.endIndex || bytes[next] < 0x80 {
                return (next, 1, byte == 0x20 ? .space : .other)
            }
        }
        let c = text[i]
        let kind: Kind = c == " " ? .space : (c == "\n" || c == "\r\n") ? .lineBreak : .other
        return (text.index(after: i), VisibleText.width(of: c), kind)
    }

    /// The row that starts at `start`, a row start of the whole wrap: where it ends, and where
    /// the next row starts (nil when this is the last). Follows `TextWrap.wrapParagraph` step
    /// for step: a row fills up to `width` columns, then breaks after its last space (eating
    /// it), or eats a space that falls exactly at the break, or cuts a word wider than the row;
    /// a line break ends a row (and an empty paragraph is one empty row).
    static func row(in text: String, from start: String.Index, width: Int) -> (end: String.Index, next: String.Index?) {
        let end = text.endIndex
        var column = 0
        var i = start
        var lastSpace: String.Index?
        while i < end {
            let c = character(in: text, at: i)
            if c.kind == .lineBreak { return (i, c.next) }  // the paragraph ends here
            if column + c.width > width {
                // Full. Break after the last space, eat a space right at the break, or cut.
                if c.kind == .space { return (i, nextRowStart(at: c.next, in: text)) }
                if let space = lastSpace, space > start {
                    return (space, text.index(after: space))
                }
                let cut = i > start ? i : c.next  // at least one character a row
                return (cut, nextRowStart(at: cut, in: text))
            }
            if c.kind == .space { lastSpace = i }
            column += c.width
            i = c.next
        }
        return (end, nil)
    }

    /// Where the next row starts when a full row stopped at `i` (after a space it ate, or at a
    /// cut): at `i`, unless the paragraph ends there (then after its line break, or nowhere at
    /// the end of the text).
    private static func nextRowStart(at i: String.Index, in text: String) -> String.Index? {
        if i == text.endIndex { return nil }
        let c = character(in: text, at: i)
        return c.kind == .lineBreak ? c.next : i
    }

    static func offset(_ i: String.Index, in text: String) -> Int {
        text.utf8.distance(from: text.utf8.startIndex, to: i)
    }

    static func index(_ offset: Int, in text: String) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }
}
