import PanelModel

/// Drawing presentation mode and zoom. No clerk's chrome: no key hints, no save state, no
/// other panes; only the panel's title, the grid (or the zoomed text), and one quiet bottom
/// line with a message when there is one and where the selection is.
extension Workspace {
    func renderChairView(into buffer: inout ScreenBuffer) {
        // The whole screen in the stage's ground: on a projector the light ground is what reads.
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: buffer.height), style: Style(.stage))
        let bottom = Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1)
        var position = ""
        if let zoom = chair.zoom {
            let view = zoomView(zoom)
            view.draw(firstLine: zoom.firstLine, into: &buffer)
            position = view.position(firstLine: zoom.firstLine)
        } else {
            let title = PaneFrame.visible(PaneFrame.firstLine(document.panel.title))
            let shown = TextWrap.truncate(title, width: max(0, buffer.width - 4))
            buffer.put(shown, x: max(0, (buffer.width - DisplayWidth.of(shown)) / 2), y: 0,
                       style: Style(.stageHeader, bold: true))
            presentationGrid.draw(selected: gridPosition, query: searchQuery, into: &buffer)
            position = self.position
        }
        switch mode {
        case .prompt(let prompt):
            PromptLine(prompt: prompt, message: message).draw(in: bottom, into: &buffer)
        case .help(let first):
            drawBottomLine(position: position, in: bottom, into: &buffer)
            HelpOverlay(lines: HelpOverlay.lines(for: keymap), firstLine: first)
                .draw(in: HelpOverlay.box(width: buffer.width, height: buffer.height), into: &buffer)
        case .normal, .editing, .notes:
            drawBottomLine(position: position, in: bottom, into: &buffer)
        }
    }

    /// The message (or what the follower has to say) on the left, the position on the right.
    private func drawBottomLine(position: String, in rect: Rect, into buffer: inout ScreenBuffer) {
        let right = TextWrap.truncate(PaneFrame.visible(PaneFrame.firstLine(position)), width: rect.width / 2)
        let rightWidth = DisplayWidth.of(right)
        buffer.put(right, x: rect.maxX - rightWidth - 2, y: rect.y, style: Style(.stageQuiet))
        let room = max(0, rect.width - rightWidth - 6)
        if let message {
            buffer.put(TextWrap.truncate(PaneFrame.visible(PaneFrame.firstLine(message.text)), width: room),
                       x: rect.x + 2, y: rect.y, style: message.isError ? Style(.alarm, bold: true) : Style(.stageHeader))
        } else if let status = chair.followStatus {
            buffer.put(TextWrap.truncate(PaneFrame.visible(status), width: room), x: rect.x + 2, y: rect.y,
                       style: Style(.stageQuiet))
        }
    }
}
