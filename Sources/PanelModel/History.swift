/// Undo and redo, unlimited within a session. Holds edits, not documents, so a long session
/// of typing costs the size of what was typed, not a copy of the panel per key.
public struct History: Sendable {
    public private(set) var undoStack: [Edit] = []
    public private(set) var redoStack: [Edit] = []

    public init() {}

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Call after applying a new edit. A new edit ends any redo path, as everywhere else.
    public mutating func record(_ edit: Edit) {
        guard !edit.isNoOp else { return }
        undoStack.append(edit)
        redoStack.removeAll()
    }

    /// Reverts the last edit; returns the edit that was applied (the inverse), to save and show.
    public mutating func undo(_ document: inout PanelDocument) throws(EditError) -> Edit? {
        guard let last = undoStack.last else { return nil }
        let inverse = last.inverse
        try inverse.apply(to: &document)
        undoStack.removeLast()
        redoStack.append(last)
        return inverse
    }

    /// Re-applies the last undone edit; returns it.
    public mutating func redo(_ document: inout PanelDocument) throws(EditError) -> Edit? {
        guard let next = redoStack.last else { return nil }
        try next.apply(to: &document)
        redoStack.removeLast()
        undoStack.append(next)
        return next
    }
}
