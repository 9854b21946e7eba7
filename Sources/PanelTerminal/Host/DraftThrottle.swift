import Foundation

/// When to write the open editor's draft: at most once a second, and the latest bytes always
/// within a second, so a crash loses at most the last second of typing. Pure, so it is tested
/// with an invented clock.
public struct DraftThrottle: Sendable {
    public enum Change: Equatable, Sendable {
        case write(DeferredBytes)
        case remove
    }

    public var interval: Double = 1
    private var pending: Change?
    private var lastWriteAt: Double?

    public init() {}

    /// The workspace's newest draft (nil: the editor closed, remove the draft).
    public mutating func offer(_ bytes: DeferredBytes?, now: Double) {
        pending = bytes.map { .write($0) } ?? .remove
    }

    /// The change to make now, if one is due. Removing is never delayed: the text is in the
    /// document by then. A write waits until a second after the previous write.
    public mutating func due(now: Double) -> Change? {
        guard let change = pending else { return nil }
        if case .write = change, let lastWriteAt, now - lastWriteAt < interval { return nil }
        pending = nil
        if case .write = change { lastWriteAt = now }
        return change
    }

    /// The change still waiting, regardless of time: for saving on the way out.
    public mutating func flush() -> Change? {
        defer { pending = nil }
        return pending
    }

    /// When the waiting change falls due, for choosing how long to wait for input.
    public func dueTime() -> Double? {
        guard let change = pending else { return nil }
        if case .write = change, let lastWriteAt { return lastWriteAt + interval }
        return 0
    }
}
