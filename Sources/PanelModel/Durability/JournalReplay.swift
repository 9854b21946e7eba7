import Foundation

/// What opening a store recovered from its journal: a pure function of the snapshot and the
/// journal's contents, so every case (torn, corrupt, stale, foreign) is tested without files.
public struct JournalRecovery: Equatable, Sendable {
    /// The snapshot with the journal's changes applied.
    public var document: PanelDocument
    /// How many changes were applied.
    public var replayed: Int
    /// The open editor's draft when the program stopped (the host's bytes), if any.
    public var draft: Data?
    /// What went wrong, one sentence each ("ignored a torn last record").
    public var problems: [String]
    /// True when the journal held something that was not recovered: keep a copy of it aside.
    public var keepAside: Bool

    /// For the new journal: the changes replayed (they are not in the snapshot yet), the draft
    /// record, the last change the snapshot holds, and the highest number used.
    var pending: [JournalRecord]
    var draftRecord: JournalRecord?
    var baseSequence: UInt64
    var lastSequence: UInt64

    /// "replayed 12 changes and a draft of 340 characters; ignored a torn last record",
    /// or "" when the journal held nothing new.
    public var summary: String {
        var parts: [String] = []
        let changes = replayed == 1 ? "1 change" : "\(replayed) changes"
        let draftText = draft.map { "a draft of " + Self.describeSize(of: $0) }
        switch (replayed > 0, draftText) {
        case (true, let d?): parts.append("replayed \(changes) and \(d)")
        case (true, nil): parts.append("replayed \(changes)")
        case (false, let d?): parts.append("recovered \(d)")
        case (false, nil): break
        }
        return (parts + problems).joined(separator: "; ")
    }

    /// "340 characters" when the draft is JSON with a "text" (as the workspace writes its drafts),
    /// otherwise its size in bytes.
    static func describeSize(of draft: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: draft) as? [String: Any],
           let text = object["text"] as? String {
            return text.count == 1 ? "1 character" : "\(text.count) characters"
        }
        return draft.count == 1 ? "1 byte" : "\(draft.count) bytes"
    }

    /// Replays onto `snapshot` (whose bytes hash to `snapshotHash`) the records of `contents`
    /// that the snapshot does not hold yet.
    public static func replay(_ contents: JournalContents, onto snapshot: PanelDocument,
                              snapshotHash: String) -> JournalRecovery {
        var recovery = JournalRecovery(document: snapshot, replayed: 0, draft: nil, problems: [], keepAside: false,
                                       pending: [], draftRecord: nil, baseSequence: 0, lastSequence: 0)
        let records = contents.records
        recovery.lastSequence = records.map(\.sequence).max() ?? 0
        recovery.baseSequence = recovery.lastSequence

        if let first = records.first {
            guard case .start(let base) = first.payload else {
                recovery.problems.append("the journal does not begin with a start record, so nothing in it was replayed")
                recovery.keepAside = true
                return recovery
            }
            // Which point of the journal is the snapshot on disk? Its own start, or a later
            // snapshot that was put in place just before the program stopped.
            let marker = records.last { if case .snapshot(snapshotHash) = $0.payload { return true } else { return false } }
            let from: UInt64
            if let marker {
                from = marker.sequence
            } else if base == snapshotHash {
                from = first.sequence
            } else {
                let changes = records.count { if case .edit = $0.payload { return true } else { return false } }
                recovery.problems.append("the journal belongs to another version of the file (was it changed outside "
                    + "Scrutiny?), so its \(changes == 1 ? "1 change was" : "\(changes) changes were") not replayed")
                recovery.keepAside = true
                return recovery
            }
            recovery.baseSequence = from
            replayRecords(records, after: from, into: &recovery)
        }

        switch contents.damage {
        case .tornLastRecord?:
            recovery.problems.append("ignored a torn last record")
        case let .corruptRecord(line, reason, after)?:
            let rest = after == 1 ? "the 1 line after it was" : "the \(after) lines after it were"
            recovery.problems.append("stopped at a damaged record on line \(line) (\(reason)); \(rest) not read")
            recovery.keepAside = true
        case nil:
            break
        }
        return recovery
    }

    private static func replayRecords(_ records: [JournalRecord], after from: UInt64, into recovery: inout JournalRecovery) {
        for record in records {
            switch record.payload {
            case .edit(let edit) where record.sequence > from:
                do {
                    try edit.apply(to: &recovery.document)
                    recovery.replayed += 1
                    recovery.pending.append(record)
                } catch {
                    recovery.problems.append("change \(record.sequence) did not apply (\(error.description))")
                    recovery.keepAside = true
                }
            // Drafts are never part of a snapshot: the last one not ended is the open editor's
            // text, however old.
            case .draft(let draft):
                recovery.draft = draft
                recovery.draftRecord = record
            case .draftEnded:
                recovery.draft = nil
                recovery.draftRecord = nil
            case .edit, .start, .snapshot:
                break
            }
        }
    }
}
