/// The single-line box that frames a pane and the editor's overflow box: corners, top and
/// bottom rules, and the two sides, all in one style. Whatever goes on the edges (a title,
/// scroll marks) is drawn by the caller afterwards.
extension ScreenBuffer {
    mutating func drawBox(_ rect: Rect, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let rule = String(repeating: "─", count: rect.width - 2)
        put("┌" + rule + "┐", x: rect.x, y: rect.y, style: style)
        put("└" + rule + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
    }
}
