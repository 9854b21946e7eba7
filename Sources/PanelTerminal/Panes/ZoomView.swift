import Foundation
import PanelModel

/// One cell, one criterion (row) or one dimension (column) at full screen: a heading such as
/// "Equity × Outcomes", then the text in a comfortable measure, centred, scrolled by line when
/// it is longer than the screen. A criterion or dimension shows each of its cells under the
/// name of the other axis.
struct ZoomView {
    /// Lines longer than this are hard to follow across a wide screen.
    static let widestMeasure = 96

    struct Line: Equatable {
        var text: String
        var style: Style
        var indent: Int = 0
    }

    let heading: String
    /// The lines, in runs: a cell's text stays wrapped as numbers (`WrapIndex`) and only the
    /// lines on screen become strings, so scrolling a megabyte costs a screenful.
    private let blocks: [Block]
    /// How many lines there are in all.
    let lineCount: Int
    let screenWidth: Int
    let screenHeight: Int

    /// Where the heading and the text go on a screen of this size.
    static func measure(width: Int) -> Int { max(10, min(width - 8, widestMeasure)) }
    static func left(width: Int) -> Int { max(0, (width - measure(width: width)) / 2) }
    /// The lines between the heading and the bottom line.
    static func body(width: Int, height: Int) -> Rect {
        Rect(x: left(width: width), y: 4, width: measure(width: width), height: max(0, height - 5))
    }

    /// `texts` keeps the cells' wrapped text from one frame and key to the next.
    init(zoom: Zoom, framework: Framework, hideEmpty: Bool, width: Int, height: Int, texts: TextCache) {
        screenWidth = width
        screenHeight = height
        let measure = Self.measure(width: width)
        let f = framework
        let criterion = f.criteria.first { $0.id == zoom.criterion }
        let dimension = f.dimensions.first { $0.id == zoom.dimension }
        func name(_ item: AxisItem?) -> String { PaneFrame.visible(PaneFrame.firstLine(item?.name ?? "")) }
        func cell(_ c: AxisItem, _ d: AxisItem) -> (CellKey, String) {
            let key = CellKey(criterion: c.id, dimension: d.id)
            return (key, f[key])
        }

        switch zoom.scope {
        case .cell:
            heading = name(criterion) + " × " + name(dimension)
            if let criterion, let dimension {
                let (key, text) = cell(criterion, dimension)
                blocks = [Self.text(text, cell: key, width: measure, indent: 0, texts: texts)]
            } else {
                blocks = []
            }
        case .criterion:
            heading = "Criterion: " + name(criterion)
            blocks = criterion.map { c in
                Self.sections(f.dimensions.map { ($0, cell(c, $0)) }, selected: zoom.dimension, hideEmpty: hideEmpty,
                              width: measure, texts: texts)
            } ?? []
        case .dimension:
            heading = "Dimension: " + name(dimension)
            blocks = dimension.map { d in
                Self.sections(f.criteria.map { ($0, cell($0, d)) }, selected: zoom.criterion, hideEmpty: hideEmpty,
                              width: measure, texts: texts)
            } ?? []
        }
        lineCount = blocks.reduce(0) { $0 + $1.count }
    }

    /// A cell's text wrapped to `width`, or a quiet "(empty)".
    private static func text(_ text: String, cell: CellKey, width: Int, indent: Int, texts: TextCache) -> Block {
        guard !isBlank(text) else {
            return .lines([Line(text: "(empty)", style: Style(.stageQuiet), indent: indent)])
        }
        return .text(texts.wrapped(text, cell: cell, width: width - indent), indent: indent)
    }

    /// Each cell of a row or column under the name of its other axis, a blank line between.
    private static func sections(_ cells: [(AxisItem, (CellKey, String))], selected: String?, hideEmpty: Bool,
                                 width: Int, texts: TextCache) -> [Block] {
        var out: [Block] = []
        for (item, (key, text)) in cells {
            if hideEmpty && isBlank(text) { continue }
            var lines: [Line] = out.isEmpty ? [] : [Line(text: "", style: Style(.stage))]
            lines += TextWrap.wrap(PaneFrame.visible(item.name), width: width).map {
                Line(text: $0.text, style: Style(.stageHeader, bold: true, underline: item.id == selected))
            }
            out.append(.lines(lines))
            out.append(Self.text(text, cell: key, width: width, indent: 2, texts: texts))
        }
        if out.isEmpty { out.append(.lines([Line(text: "Every cell here is empty.", style: Style(.stageQuiet))])) }
        return out
    }

    /// Nothing but white space (as trimming it would leave nothing), found at the first
    /// character that is not, rather than by trimming a copy of a long text.
    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains)
    }

    /// Up to `count` lines from line `first` on, as strings: the runs before them are skipped
    /// by their counts, so only the lines asked for are made.
    func lines(from first: Int, count: Int) -> [Line] {
        var out: [Line] = []
        var skip = first
        for block in blocks where out.count < count {
            if skip >= block.count {
                skip -= block.count
                continue
            }
            for k in skip..<min(block.count, skip + count - out.count) { out.append(block.line(k)) }
            skip = 0
        }
        return out
    }

    /// The first line that can be shown at the top without leaving the screen half empty.
    func clamp(_ firstLine: Int) -> Int {
        let height = Self.body(width: screenWidth, height: screenHeight).height
        return max(0, min(firstLine, lineCount - height))
    }

    func draw(firstLine: Int, into buffer: inout ScreenBuffer) {
        let body = Self.body(width: screenWidth, height: screenHeight)
        let heading = TextWrap.truncate(self.heading, width: body.width)
        buffer.put(heading, x: body.x, y: 1, style: Style(.stageHeader, bold: true), maxWidth: body.width)
        buffer.put(String(repeating: "─", count: body.width), x: body.x, y: 2, style: Style(.stageRule))
        let first = clamp(firstLine)
        for (i, line) in lines(from: first, count: body.height).enumerated() {
            buffer.put(line.text, x: body.x + line.indent, y: body.y + i, style: line.style,
                       maxWidth: body.width - line.indent)
        }
        if first > 0 { buffer.put("▴", x: max(0, body.x - 2), y: body.y, style: Style(.stageHeader)) }
        if first + body.height < lineCount {
            buffer.put("▾", x: max(0, body.x - 2), y: body.maxY - 1, style: Style(.stageHeader))
        }
    }

    /// "lines 1–18 of 45" when the text is longer than the screen, for the bottom line.
    func position(firstLine: Int) -> String {
        let height = Self.body(width: screenWidth, height: screenHeight).height
        guard lineCount > height else { return "" }
        let first = clamp(firstLine)
        return "lines \(first + 1)–\(min(lineCount, first + height)) of \(lineCount)"
    }

    // MARK: Lines kept as numbers

    /// A run of lines: a few made whole (a heading, "(empty)", the blank line between
    /// sections) or a cell's wrapped text.
    private enum Block {
        case lines([Line])
        case text(WrappedText, indent: Int)

        var count: Int {
            switch self {
            case .lines(let lines): lines.count
            case .text(let wrapped, _): wrapped.index.rows.count
            }
        }

        func line(_ k: Int) -> Line {
            switch self {
            case .lines(let lines): lines[k]
            case let .text(wrapped, indent):
                Line(text: wrapped.index.text(ofRow: k, in: wrapped.text), style: Style(.stage), indent: indent)
            }
        }
    }

    /// A cell's text as drawn (`PaneFrame.visible`) and its rows at one width.
    struct WrappedText {
        let text: String
        let index: WrapIndex
    }

    /// The cells' wrapped texts, remembered by (cell, width) so that a key in the zoom neither
    /// sanitizes nor wraps a cell again: before, every key and every frame did both, over the
    /// whole text (three seconds for a megabyte of control characters in a debug build).
    ///
    /// Owned by the workspace and shared by its copies, which is harmless: an entry is used only
    /// while the cell's text is still the same string, and a string the document has not
    /// changed compares by its storage. A class because drawing is not `mutating`; the lock
    /// because the host may hand the workspace to another thread.
    final class TextCache: @unchecked Sendable {
        private struct Slot: Hashable {
            var cell: CellKey
            var width: Int
        }

        /// A dimension of a thousand criteria at a few widths; past it the cache starts again.
        static let capacity = 4096

        private var entries: [Slot: (source: String, wrapped: WrappedText)] = [:]
        private var wraps = 0
        private let lock = NSLock()

        func wrapped(_ source: String, cell: CellKey, width: Int) -> WrappedText {
            let slot = Slot(cell: cell, width: width)
            if let hit = lock.withLock({ entries[slot] }), hit.source == source { return hit.wrapped }
            let shown = PaneFrame.visible(source)
            let wrapped = WrappedText(text: shown, index: WrapIndex(shown, width: width))
            lock.withLock {
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
                entries[slot] = (source, wrapped)
                wraps += 1
            }
            return wrapped
        }

        /// How many texts are remembered, and how many were sanitized and wrapped (for tests).
        var count: Int { lock.withLock { entries.count } }
        var wrapsMade: Int { lock.withLock { wraps } }
    }
}
