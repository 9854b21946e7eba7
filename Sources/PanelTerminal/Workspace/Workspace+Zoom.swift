import PanelModel

/// Zoom: the selected cell, criterion or dimension at full screen (`ZoomView`). It never moves
/// the selection or the grid's scroll, so Esc returns exactly to where you were; the arrows
/// scroll the text, left and right step to the neighbouring cell, criterion or dimension.
extension Workspace {
    /// Zooms into `scope` of the selection; the same zoom again closes it.
    mutating func toggleZoom(_ scope: Zoom.Scope) {
        if chair.zoom?.scope == scope {
            chair.zoom = nil
            return
        }
        guard selection.criterion != nil, selection.dimension != nil else {
            message = StatusMessage(text: "Nothing to zoom into: the framework is empty", isError: true)
            return
        }
        focus = .framework
        chair.zoom = Zoom(scope: scope, criterion: selection.criterion, dimension: selection.dimension)
    }

    /// Scrolling and stepping inside the zoom; false for anything else.
    mutating func moveInZoom(_ action: Action) -> Bool {
        guard var zoom = chair.zoom else { return false }
        let page = max(1, ZoomView.body(width: width, height: height).height - 1)
        switch action {
        case .moveUp: zoom.firstLine -= 1
        case .moveDown: zoom.firstLine += 1
        case .pageUp: zoom.firstLine -= page
        case .pageDown: zoom.firstLine += page
        case .goFirst: zoom.firstLine = 0
        case .goLast: zoom.firstLine = Int.max / 2
        case .moveLeft, .moveRight:
            stepZoom(zoom.scope, by: action == .moveLeft ? -1 : 1)
            return true
        default: return false
        }
        chair.zoom = zoom
        revealZoom()
        return true
    }

    /// The neighbouring cell (along its criterion), criterion or dimension, among those shown.
    private mutating func stepZoom(_ scope: Zoom.Scope, by delta: Int) {
        let f = document.framework
        let shown = PresentationGrid.shownIndices(f, hideEmpty: chair.hideEmpty)
        if scope == .criterion {
            selection.criterion = Self.step(shown.criteria.map { f.criteria[$0].id }, from: selection.criterion, by: delta)
        } else {
            selection.dimension = Self.step(shown.dimensions.map { f.dimensions[$0].id }, from: selection.dimension, by: delta)
        }
    }

    /// Follows the selection (starting at the top of new text) and keeps the scroll in range.
    mutating func revealZoom() {
        guard var zoom = chair.zoom else { return }
        if zoom.criterion != selection.criterion || zoom.dimension != selection.dimension {
            zoom.criterion = selection.criterion
            zoom.dimension = selection.dimension
            zoom.firstLine = 0
        }
        zoom.firstLine = zoomView(zoom).clamp(zoom.firstLine)
        chair.zoom = zoom
    }

    func zoomView(_ zoom: Zoom) -> ZoomView {
        ZoomView(zoom: zoom, framework: document.framework, hideEmpty: chair.hideEmpty, width: width, height: height,
                 texts: zoomTexts)
    }
}
