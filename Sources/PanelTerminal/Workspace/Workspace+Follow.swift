import Foundation
import PanelModel

/// The read-only view following the clerk: a new version of the store replaces the document,
/// the chair keeps their place (the selection is by id, so it stays on the same cell however
/// the grid changed), and a store that is missing or unreadable leaves the last good version
/// on screen with a quiet word at the bottom.
extension Workspace {
    /// Takes one thing the `StoreFollower` saw. `storeName` is how the store is named to the chair.
    public mutating func receive(_ event: StoreFollower.Event, storeName: String) {
        switch event {
        case .loaded(let newer):
            replaceDocument(newer)
            chair.followStatus = nil
            chair.followLoaded = true
        case .missing:
            chair.followStatus = "waiting for \(storeName)…"
        case .unreadable:
            // Most likely a copy caught half-way; the clerk's next save puts it right.
            chair.followStatus = chair.followLoaded ? "\(storeName) unreadable: last good version shown"
                : "\(storeName) unreadable: waiting for a good save"
        case .cursor(let cursor):
            moveSelection(to: cursor)
        }
        normalizeSelection()
        reveal()
        revealChairView()
    }

    /// Follows the clerk's selection: the same cell (and schedule item and question), when they
    /// exist here; a read-only view stays on the grid whatever pane the clerk is in.
    mutating func moveSelection(to cursor: CursorSidecar) {
        let f = document.framework
        if let id = cursor.criterion, f.criteria.contains(where: { $0.id == id }) { selection.criterion = id }
        if let id = cursor.dimension, f.dimensions.contains(where: { $0.id == id }) { selection.dimension = id }
        if let id = cursor.scheduleItem, document.scheduleIndex(id) != nil { selection.scheduleItem = id }
        if let id = cursor.question, document.questionIndex(id) != nil { selection.question = id }
        if !chair.alwaysPresents, let pane = Pane.named(cursor.pane) { focus = pane }
    }

    /// The clerk's instance: one `.publishCursor` each time the focus or a selection moved.
    mutating func publishSelectionIfMoved() {
        guard chair.publishesSelection, !readOnly else { return }
        let cursor = cursorSidecar
        guard cursor != chair.published else { return }
        chair.published = cursor
        outbox.append(.publishCursor(DeferredBytes(cursor: cursor)))
    }

    /// What the clerk's instance publishes for followers: the pane and the ids, no text.
    var cursorSidecar: CursorSidecar {
        CursorSidecar(pane: focus.sidecarName, criterion: selection.criterion, dimension: selection.dimension,
                      scheduleItem: selection.scheduleItem, question: selection.question)
    }
}

extension Pane {
    var sidecarName: String {
        switch self {
        case .schedule: "schedule"
        case .framework: "framework"
        case .questions: "questions"
        }
    }

    static func named(_ name: String) -> Pane? {
        allCases.first { $0.sidecarName == name }
    }
}
