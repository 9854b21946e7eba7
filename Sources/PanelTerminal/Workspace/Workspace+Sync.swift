import Foundation
import PanelModel

/// `:sync`: the host saves, runs `scrutiny sync` on the store with the terminal given back, and
/// hands back the store as the sync left it (others' changes merged in). The workspace takes it
/// like a follower takes a newer version: the selection stays on the same ids.
extension Workspace {
    mutating func syncCommand() {
        guard !readOnly else {
            message = StatusMessage(text: "read-only view: the Scrutiny that has the store open can sync it", isError: true)
            return
        }
        outbox.append(.sync(document))
        message = StatusMessage(text: "Syncing…")
    }

    /// The store after a sync. Undo history is cleared: its edits were made against the version
    /// before the merge, and undoing one now could undo someone else's change.
    mutating func adoptSynced(_ newer: PanelDocument, succeeded: Bool) {
        let changed = newer != document
        replaceDocument(newer)
        noteIndex = NoteIndex(newer.notes)
        history = History()
        let conflicts = newer.conflicts.count
        let conflictWords = conflicts == 0 ? ""
            : " · \(conflicts) conflict\(conflicts == 1 ? "" : "s") to resolve (marked in the panes)"
        let what = changed ? "the panel now holds everyone's changes" : "nothing new"
        if succeeded {
            message = StatusMessage(text: "Synced: \(what)\(conflictWords) · undo history cleared")
        } else {
            message = StatusMessage(text: "Sync did not finish (its output said why); store read again: \(what)"
                                    + conflictWords + " · undo history cleared", isError: true)
        }
    }
}
