/// The schedule item the clerk is taking notes in right now, and since when.
///
/// It is part of the store (the top-level `"live"` object, written only while a session is
/// live), so a live session survives a restart of the program, undo, the journal and merging:
/// it is changed only by `Edit.setLive`.
public struct LiveSession: Codable, Equatable, Hashable, Sendable {
    /// The id of the schedule item.
    public var item: String
    /// When it went live: ISO 8601 with the local offset, like a note's `at`.
    public var since: String

    public init(item: String, since: String) {
        self.item = item
        self.since = since
    }
}

extension PanelDocument {
    /// Makes `itemID` the live session at `now`. Any other live session is ended first (its
    /// start and end are recorded on its item and the item is marked held), in the same step
    /// of undo. Nil when the item does not exist or is already live.
    public func startLive(itemID: String, at now: String) -> Edit? {
        guard scheduleIndex(itemID) != nil, live?.item != itemID else { return nil }
        let title = schedule[scheduleIndex(itemID)!].title
        var edits: [Edit] = []
        if let ending = endLiveEdits(at: now) { edits += ending }
        edits.append(.setLive(from: nil, to: LiveSession(item: itemID, since: now)))
        return .batch("going live in “\(Self.firstLine(title))”", edits)
    }

    /// Ends the live session at `now`: its item gets `startedAt` (kept if it already had one,
    /// from an earlier part of the same session), `endedAt` and the status held. Nil when
    /// nothing is live.
    public func endLive(at now: String) -> Edit? {
        guard let live, let edits = endLiveEdits(at: now) else { return nil }
        let title = scheduleIndex(live.item).map { schedule[$0].title } ?? "a deleted item"
        return .batch("ending the live session in “\(Self.firstLine(title))”", edits)
    }

    private func endLiveEdits(at now: String) -> [Edit]? {
        guard let live else { return nil }
        var edits: [Edit] = []
        if let i = scheduleIndex(live.item) {
            var item = schedule[i]
            item.startedAt = item.startedAt ?? live.since
            item.endedAt = now
            item.status = .held
            edits.append(.updateScheduleItem(from: schedule[i], to: item))
        }
        edits.append(.setLive(from: live, to: nil))
        return edits
    }

    /// The live session's schedule item, when there is one and it still exists.
    public var liveItem: ScheduleItem? {
        live.flatMap { scheduleIndex($0.item) }.map { schedule[$0] }
    }

    private static func firstLine(_ text: String) -> String {
        String(text.prefix { $0 != "\n" && $0 != "\r" })
    }
}
