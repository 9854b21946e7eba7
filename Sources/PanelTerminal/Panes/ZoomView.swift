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
    let lines: [Line]
    let screenWidth: Int
    let screenHeight: Int

    /// Where the heading and the text go on a screen of this size.
    static func measure(width: Int) -> Int { max(10, min(width - 8, widestMeasure)) }
    static func left(width: Int) -> Int { max(0, (width - measure(width: width)) / 2) }
    /// The lines between the heading and the bottom line.
    static func body(width: Int, height: Int) -> Rect {
        Rect(x: left(width: width), y: 4, width: measure(width: width), height: max(0, height - 5))
    }

    init(zoom: Zoom, framework: Framework, hideEmpty: Bool, width: Int, height: Int) {
        screenWidth = width
        screenHeight = height
        let measure = Self.measure(width: width)
        let f = framework
        let criterion = f.criteria.first { $0.id == zoom.criterion }
        let dimension = f.dimensions.first { $0.id == zoom.dimension }
        func name(_ item: AxisItem?) -> String { PaneFrame.visible(PaneFrame.firstLine(item?.name ?? "")) }
        func cell(_ c: AxisItem, _ d: AxisItem) -> String { f[CellKey(criterion: c.id, dimension: d.id)] }

        switch zoom.scope {
        case .cell:
            heading = name(criterion) + " × " + name(dimension)
            if let criterion, let dimension {
                lines = Self.text(cell(criterion, dimension), width: measure, indent: 0)
            } else {
                lines = []
            }
        case .criterion:
            heading = "Criterion: " + name(criterion)
            lines = criterion.map { c in
                Self.sections(f.dimensions.map { ($0, cell(c, $0)) }, selected: zoom.dimension, hideEmpty: hideEmpty,
                              width: measure)
            } ?? []
        case .dimension:
            heading = "Dimension: " + name(dimension)
            lines = dimension.map { d in
                Self.sections(f.criteria.map { ($0, cell($0, d)) }, selected: zoom.criterion, hideEmpty: hideEmpty,
                              width: measure)
            } ?? []
        }
    }

    /// A cell's text wrapped to `width`, or a quiet "(empty)".
    private static func text(_ text: String, width: Int, indent: Int) -> [Line] {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return [Line(text: "(empty)", style: Style(.stageQuiet), indent: indent)]
        }
        return TextWrap.wrap(PaneFrame.visible(text), width: width - indent).map {
            Line(text: $0.text, style: Style(.stage), indent: indent)
        }
    }

    /// Each cell of a row or column under the name of its other axis, a blank line between.
    private static func sections(_ cells: [(AxisItem, String)], selected: String?, hideEmpty: Bool, width: Int) -> [Line] {
        var out: [Line] = []
        for (item, text) in cells {
            if hideEmpty && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            if !out.isEmpty { out.append(Line(text: "", style: Style(.stage))) }
            out += TextWrap.wrap(PaneFrame.visible(item.name), width: width).map {
                Line(text: $0.text, style: Style(.stageHeader, bold: true, underline: item.id == selected))
            }
            out += Self.text(text, width: width, indent: 2)
        }
        if out.isEmpty { out.append(Line(text: "Every cell here is empty.", style: Style(.stageQuiet))) }
        return out
    }

    /// The first line that can be shown at the top without leaving the screen half empty.
    func clamp(_ firstLine: Int) -> Int {
        let height = Self.body(width: screenWidth, height: screenHeight).height
        return max(0, min(firstLine, lines.count - height))
    }

    func draw(firstLine: Int, into buffer: inout ScreenBuffer) {
        let body = Self.body(width: screenWidth, height: screenHeight)
        let heading = TextWrap.truncate(self.heading, width: body.width)
        buffer.put(heading, x: body.x, y: 1, style: Style(.stageHeader, bold: true), maxWidth: body.width)
        buffer.put(String(repeating: "─", count: body.width), x: body.x, y: 2, style: Style(.stageRule))
        let first = clamp(firstLine)
        for (i, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
            buffer.put(line.text, x: body.x + line.indent, y: body.y + i, style: line.style,
                       maxWidth: body.width - line.indent)
        }
        if first > 0 { buffer.put("▴", x: max(0, body.x - 2), y: body.y, style: Style(.stageHeader)) }
        if first + body.height < lines.count {
            buffer.put("▾", x: max(0, body.x - 2), y: body.maxY - 1, style: Style(.stageHeader))
        }
    }

    /// "lines 1–18 of 45" when the text is longer than the screen, for the bottom line.
    func position(firstLine: Int) -> String {
        let height = Self.body(width: screenWidth, height: screenHeight).height
        guard lines.count > height else { return "" }
        let first = clamp(firstLine)
        return "lines \(first + 1)–\(min(lines.count, first + height)) of \(lines.count)"
    }
}
