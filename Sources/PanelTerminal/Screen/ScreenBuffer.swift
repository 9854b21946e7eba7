import Foundation

/// An in-memory picture of the terminal: a grid of cells, each one character and its style.
///
/// Panes draw into it; the terminal adapter writes only the cells that differ from the last
/// frame; tests compare its text with what they expect. Everything drawn goes through
/// `VisibleText`, so no pane can send a control character to the terminal by mistake.
public struct ScreenBuffer: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// One character, or "" for the second column of a wide character.
        public var character: String {
            get { glyph.string }
            set { glyph = Glyph(newValue) }
        }
        public var style: Style
        /// The character as stored: plain memory, so frames copy and compare cheaply.
        var glyph: Glyph
        public static let blank = Cell(glyph: .space, style: .normal)

        public init(character: String, style: Style) {
            self.init(glyph: Glyph(character), style: style)
        }

        init(glyph: Glyph, style: Style) {
            self.glyph = glyph
            self.style = style
        }
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (an open editor), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Draws `text` on one line from (x, y), clipped to `maxWidth` columns and to the buffer.
    /// A wide character that would straddle either edge is replaced by a space, never drawn
    /// by halves. Returns the number of columns drawn.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .normal,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        // All printable ASCII as far as can be shown: every byte is a character one column wide,
        // so place bytes without walking graphemes (an ASCII byte before another one always
        // ends its character; the one past the edge only needs to exist).
        let room = max(0, limit - x) + 1
        let shownBytes = text.utf8.prefix(room)
        if shownBytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in shownBytes {
                if !place(Glyph(ascii: byte), width: 1, at: &col, y: y, limit: limit, style: style) {
                    return max(0, limit - max(x, 0))
                }
            }
            return max(0, col - max(x, 0))
        }
        // The same for text of plain narrow scalars (box rules, "—", "●", "≠", Latin accents):
        // each is a character of its own, one column wide and its own stand-in (see
        // `DisplayWidth.isPlainNarrow`); the one past the edge is checked so it cannot join the
        // last one shown.
        let shownScalars = text.unicodeScalars.prefix(room)
        if shownScalars.allSatisfy({ DisplayWidth.isPlainNarrow($0.value) }) {
            for scalar in shownScalars {
                if !place(Glyph(scalar), width: 1, at: &col, y: y, limit: limit, style: style) {
                    return max(0, limit - max(x, 0))
                }
            }
            return max(0, col - max(x, 0))
        }
        return putCharacters(text, x: x, y: y, style: style, limit: limit)
    }

    /// `put` the general way: character by character, each through its stand-in and measured.
    /// The fast paths above must place exactly what this places (`ScreenBufferTests`).
    mutating func putCharacters(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var col = x
        for character in text {
            // Printable ASCII is its own stand-in, one column wide: no stand-in array to build.
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                if !place(Glyph(ascii: ascii), width: 1, at: &col, y: y, limit: limit, style: style) { return max(0, limit - max(x, 0)) }
                continue
            }
            for shown in VisibleText.display(character) {
                let w = DisplayWidth.of(shown)
                if w == 0 { continue }
                if !place(Glyph(shown), width: w, at: &col, y: y, limit: limit, style: style) { return max(0, limit - max(x, 0)) }
            }
        }
        return max(0, col - max(x, 0))
    }

    /// Puts one drawable character of `width` columns at `col` and moves `col` past it; false
    /// (after blanking the last column left) when it does not fit before `limit`.
    private mutating func place(_ shown: Glyph, width w: Int, at col: inout Int, y: Int, limit: Int,
                                style: Style) -> Bool {
        if col + w > limit {
            if col < limit && col >= 0 {
                clearWideNeighbours(col, y, 1)
                self[col, y] = Cell(glyph: .space, style: style)
            }
            return false
        }
        if col < 0 && col + w > 0 {
            // Only the right half of a wide character is inside: show a space there.
            clearWideNeighbours(0, y, 1)
            self[0, y] = Cell(glyph: .space, style: style)
        } else if col >= 0 {
            // Writing over half of a wide character leaves its other half blank.
            clearWideNeighbours(col, y, w)
            self[col, y] = Cell(glyph: shown, style: style)
            if w == 2 { self[col + 1, y] = Cell(glyph: .empty, style: style) }
        }
        col += w
        return true
    }

    private mutating func clearWideNeighbours(_ x: Int, _ y: Int, _ w: Int) {
        if self[x, y].glyph.isEmpty && x > 0 { self[x - 1, y].glyph = .space }
        let after = x + w
        if after < width && self[after, y].glyph.isEmpty { self[after, y].glyph = .space }
    }

    /// Fills a rectangle with one character (a space by default), clipped to the buffer.
    /// A wide character cut in half by the rectangle's edge is blanked, never left half-drawn.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let r = rect.intersection(Rect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        let cell = Cell(glyph: Glyph(character), style: style)
        for y in r.y..<r.y + r.height {
            clearWideNeighbours(r.x, y, r.width)
            // One row at a time, in place (the editor box fills a few hundred cells a key).
            let start = y * width + r.x
            cells.withUnsafeMutableBufferPointer { all in
                UnsafeMutableBufferPointer(rebasing: all[start..<start + r.width]).update(repeating: cell)
            }
        }
    }

    /// Re-styles a rectangle without changing its text (highlighting a selection, a match).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(Rect(x: 0, y: 0, width: width, height: height))
        for y in r.y..<r.y + r.height {
            for x in r.x..<r.x + r.width { self[x, y].style = style }
        }
    }

    /// One row as plain text, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].character }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The whole screen as plain text, one line per row: what tests compare.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// The cells that differ from `previous`, row by row, for the adapter to write. A different
    /// size means everything.
    public func changes(since previous: ScreenBuffer?) -> [(x: Int, y: Int, cell: Cell)] {
        var out: [(x: Int, y: Int, cell: Cell)] = []
        guard let previous, previous.width == width, previous.height == height else {
            out.reserveCapacity(cells.count)
            for (i, cell) in cells.enumerated() { out.append((i % max(1, width), i / max(1, width), cell)) }
            return out
        }
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                // The same storage (a frame that changed nothing, the panes kept): no change.
                guard let nowStart = now.baseAddress, let beforeStart = before.baseAddress, nowStart != beforeStart
                else { return }
                let rowBytes = width * MemoryLayout<Cell>.stride
                for y in 0..<height {
                    let start = y * width
                    // Most rows are the same bytes as last frame's (cells are plain memory): one
                    // comparison skips them. Different bytes are compared cell by cell, so a row
                    // that differs only in padding is still found unchanged.
                    if memcmp(nowStart + start, beforeStart + start, rowBytes) == 0 { continue }
                    for i in start..<start + width where now[i] != before[i] {
                        out.append((i - start, y, now[i]))
                    }
                }
            }
        }
        return out
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
}

/// A rectangle of the screen, in columns and rows.
public struct Rect: Equatable, Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The rectangle shrunk by `n` on every side (inside a border).
    public func inset(_ n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }
}
