import PanelModel

/// When to write the panel: the policy behind autosave, as a pure value so it is tested with
/// an invented clock.
///
/// One write at a time; while one is running, newer versions replace each other (latest
/// wins), so a burst of typing costs one write, not one per key. A failed write keeps its
/// document for a retry after `retryInterval`, unless a newer version came in meanwhile.
public struct SaveSchedule: Sendable {
    public var retryInterval: Double = 2
    /// The newest version not yet handed to a writer.
    public private(set) var pending: PanelDocument?
    public private(set) var isWriting = false
    /// A failure's reason, until a write succeeds.
    public private(set) var failure: String?
    private var retryAt: Double?

    public init() {}

    /// A new version of the document. Returns the status to show now.
    public mutating func submit(_ document: PanelDocument) -> SaveStatus {
        pending = document
        return failure.map { .failed(reason: $0) } ?? .saving
    }

    /// The document to write now, if one is due; the caller must report back with `finished`.
    public mutating func nextWrite(now: Double) -> PanelDocument? {
        guard !isWriting, let document = pending else { return nil }
        if let retryAt, now < retryAt { return nil }
        pending = nil
        isWriting = true
        return document
    }

    /// A write ended. Returns the status to show, or nil when another write is still to come
    /// and the status stays "saving". A `.saved` status carries no real time: the caller, who
    /// owns the wall clock, stamps it.
    public mutating func finished(_ document: PanelDocument, error: String?, now: Double) -> SaveStatus? {
        isWriting = false
        if let error {
            failure = error
            retryAt = now + retryInterval
            if pending == nil { pending = document }
            return .failed(reason: error)
        }
        failure = nil
        retryAt = nil
        return pending == nil ? .saved(at: .distantPast) : nil
    }

    /// True when everything submitted has been written.
    public var isClean: Bool { pending == nil && !isWriting && failure == nil }

    /// For a final, synchronous save: takes whatever is unwritten (a pending version, or the
    /// one that failed), ignoring the retry delay.
    public mutating func takeForFlush() -> PanelDocument? {
        guard !isWriting, let document = pending else { return nil }
        pending = nil
        isWriting = true
        return document
    }
}
