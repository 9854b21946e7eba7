import Foundation
import PanelModel

/// Remembers each grid cell's wrapped lines, so a key that changes no cell's text wraps
/// nothing: before it, every frame sanitized and wrapped every visible cell's whole text to
/// show two or three lines and a "+N" count.
///
/// Owned by the workspace (one per workspace, shared by its copies, which is harmless: the
/// entries are the results of a pure function, `CellText.lines`). An entry is used only when
/// the cell's text is still the same string; a string the document has not changed compares
/// by its storage, so checking costs nothing however long the text. A class because drawing
/// is not `mutating`; the lock because the host may hand the workspace to another thread.
final class CellLinesCache: @unchecked Sendable {
    private struct Slot: Hashable {
        var cell: CellKey
        var width: Int
        var height: Int
    }

    private struct Entry {
        var text: String
        var lines: [CellText.Line]
    }

    /// More than any grid has cells at a few widths; past it the cache starts again, so a long
    /// session of renamed rows and columns cannot grow it without end.
    static let capacity = 1024

    private var entries: [Slot: Entry] = [:]
    private let lock = NSLock()

    /// `CellText.lines(text, width:, height:)`, from memory when this cell last showed `text`
    /// at this size.
    func lines(_ text: String, cell: CellKey, width: Int, height: Int) -> [CellText.Line] {
        let slot = Slot(cell: cell, width: width, height: height)
        if let hit = lock.withLock({ entries[slot] }), hit.text == text { return hit.lines }
        let lines = CellText.lines(text, width: width, height: height)
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[slot] = Entry(text: text, lines: lines)
        }
        return lines
    }

    /// How many cells are remembered (for tests).
    var count: Int { lock.withLock { entries.count } }
}
