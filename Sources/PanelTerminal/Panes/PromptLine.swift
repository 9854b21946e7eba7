/// The bottom line while a prompt is open: the command line (":"), a search ("/"), a name or
/// date to type, or a y/n question. What is typed scrolls so the cursor stays in view;
/// completion candidates and errors show at the right.
struct PromptLine {
    let prompt: Prompt
    let message: StatusMessage?

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: Style(.overlay))
        if let question = prompt.yesNoQuestion {
            // A long question is cut in the middle of the text, never in "(y/n)".
            let shown = TextWrap.truncate(PaneFrame.visible(PaneFrame.firstLine(question)), width: rect.width - 7)
            buffer.put(shown + " (y/n)", x: rect.x, y: rect.y, style: Style(.overlay, bold: true))
            return
        }
        let labelWidth = buffer.put(prompt.label, x: rect.x, y: rect.y, style: Style(.overlay, bold: true),
                                    maxWidth: rect.width - 20)
        let room = rect.width - labelWidth - 1
        let layout = prompt.input.layout(width: 100_000)
        // Keep the cursor in view on a long line by dropping columns from the left.
        let skip = max(0, layout.cursorColumn - room + 1)
        var shown = layout.lines.first?.text ?? ""
        var dropped = 0
        while dropped < skip, let first = shown.first {
            dropped += DisplayWidth.of(first)
            shown.removeFirst()
        }
        let inputWidth = buffer.put(shown, x: rect.x + labelWidth, y: rect.y, style: Style(.overlay), maxWidth: room)
        if let message {
            let start = rect.x + labelWidth + inputWidth + 2
            let text = TextWrap.truncate(PaneFrame.visible(PaneFrame.firstLine(message.text)), width: rect.maxX - start - 1)
            buffer.put(text, x: rect.maxX - DisplayWidth.of(text) - 1, y: rect.y,
                       style: message.isError ? Style(.alarm, bold: true) : Style(.hint))
        }
        buffer.cursor = (rect.x + labelWidth + layout.cursorColumn - dropped, rect.y)
    }
}
