import Foundation
import PanelModel

/// What the host needs from a store opened for writing: a journal that puts each change (and
/// the open editor's draft) on disk before it returns, and snapshots that cut it.
/// `StoreSession` is the real one; the protocol only names the part the host uses.
public protocol ChangeJournal: AnyObject, Sendable {
    /// Puts a committed change on disk (append + fsync); throws when it could not.
    @discardableResult
    func record(_ edit: Edit) throws(StoreError) -> UInt64
    /// Keeps the open editor's draft on disk, or notes (nil) that the editor closed.
    func recordDraft(_ draft: Data?) throws(StoreError)
    /// The number of the last change recorded, to hand the autosaver with the document.
    var lastSequence: UInt64 { get }
}

extension StoreSession: ChangeJournal {}

/// What the title bar says about saving when a journal is in use: "saved" only once the
/// change is in the journal on disk; "NOT SAVED: reason" while the journal or the snapshot
/// fails, until one of them succeeds in a way that puts everything on disk again.
///
/// A value, so the rules are tested without files:
/// - a recorded change or draft means the whole journal is on disk (a failed append is
///   repaired by rewriting the journal from memory), so it clears a journal fault;
/// - a snapshot that succeeded also rewrote the journal (the cut), so it clears both faults;
/// - a snapshot in progress says nothing new: the change is already saved in the journal.
public struct DurableSaveState: Equatable, Sendable {
    private var journalFault: String?
    private var snapshotFault: String?
    private var savedAt: Date?

    public init() {}

    public mutating func recorded(at date: Date) {
        journalFault = nil
        if snapshotFault == nil { savedAt = date }
    }

    /// The open editor's draft reached the journal: the journal works again. A draft is not a
    /// change, so the time shown stays that of the last change, unless nothing was saved before.
    public mutating func draftRecorded(at date: Date) {
        guard journalFault != nil else { return }
        journalFault = nil
        if snapshotFault == nil && savedAt == nil { savedAt = date }
    }

    public mutating func recordFailed(_ reason: String) {
        journalFault = reason
    }

    /// A status from the autosaver, whose writes are snapshots.
    public mutating func snapshot(_ status: SaveStatus) {
        switch status {
        case .saving:
            break
        case .saved(let date):
            journalFault = nil
            snapshotFault = nil
            savedAt = date
        case .failed(let reason):
            snapshotFault = reason
        }
    }

    /// What to show; nil before anything was saved.
    public var status: SaveStatus? {
        if let reason = journalFault ?? snapshotFault { return .failed(reason: reason) }
        return savedAt.map { .saved(at: $0) }
    }
}
