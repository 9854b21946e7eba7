import Foundation
import PanelModel

/// Writes the panel in the background: the main loop hands over each new version and picks up
/// status changes; encoding and writing never happen on the main loop, so typing never waits
/// for the disk. The timing rules live in `SaveSchedule`; this class adds the thread.
///
/// `@unchecked Sendable`: the writer thread and the main loop share `schedule` and `statuses`,
/// and every access to them holds `condition`'s lock.
public final class Autosaver: @unchecked Sendable {
    public typealias Writer = @Sendable (PanelDocument) throws -> Void
    /// Writes a version that holds every journal change up to the given number (a snapshot).
    public typealias SnapshotWriter = @Sendable (PanelDocument, UInt64) throws -> Void
    public typealias Executor = @Sendable (@escaping @Sendable () -> Void) -> Void

    private let condition = NSCondition()  // guards everything below
    private var schedule = SaveSchedule()
    private var statuses: [SaveStatus] = []
    /// The journal number that goes with the newest version submitted. The schedule only ever
    /// hands out the newest version (a failed one is kept only when nothing newer came), so
    /// this is always the number of the version being written.
    private var latestSequence: UInt64 = 0
    private let write: SnapshotWriter
    private let execute: Executor
    private let wallClock: @Sendable () -> Date
    private let clock: @Sendable () -> Double

    /// - Parameters:
    ///   - write: saves one version (`PanelStore.save`, for a store without a journal).
    ///   - execute: runs a write off the main loop (a serial queue; tests run them by hand).
    ///   - clock: seconds on a monotonic clock, for retry delays.
    ///   - wallClock: the time shown as "saved HH:MM:SS".
    public convenience init(write: @escaping Writer,
                execute: @escaping Executor = { work in Autosaver.backgroundQueue.async(execute: work) },
                clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
                wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(snapshot: { document, _ in try write(document) }, execute: execute, clock: clock,
                  wallClock: wallClock)
    }

    /// An autosaver whose writes are snapshots after a journal: each version is written with
    /// the number of the last change it holds (`StoreSession.snapshot(_:through:)`).
    public init(snapshot write: @escaping SnapshotWriter,
                execute: @escaping Executor = { work in Autosaver.backgroundQueue.async(execute: work) },
                clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
                wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.write = write
        self.execute = execute
        self.clock = clock
        self.wallClock = wallClock
    }

    /// One serial queue, so writes of the same store never overlap. Utility priority: on two
    /// cores a 20 MB save takes one for a quarter second, and the keys on the main loop should
    /// win the CPU when both want it (the journal already holds every edit durably).
    public static let backgroundQueue = DispatchQueue(label: "scrutiny.autosave", qos: .utility)

    /// A new version of the document; the latest one wins. `sequence` is the number of the last
    /// journal change it holds, read on the same thread as the change was recorded.
    public func submit(_ document: PanelDocument, through sequence: UInt64 = 0) {
        condition.lock()
        latestSequence = sequence
        statuses.append(schedule.submit(document))
        condition.unlock()
        tick()
    }

    /// Starts a write if one is due (a new version, or a retry after a failure).
    public func tick() {
        condition.lock()
        let document = schedule.nextWrite(now: clock())
        let sequence = latestSequence
        condition.unlock()
        if let document { start(document, through: sequence) }
    }

    /// The statuses reached since the last call, oldest first.
    public func takeStatuses() -> [SaveStatus] {
        condition.lock()
        defer { statuses.removeAll(); condition.unlock() }
        return statuses
    }

    /// Waits for a running write, then writes anything unwritten on this thread. Returns the
    /// reason when the panel could not be saved, with the unsaved document.
    public func flush() -> (document: PanelDocument, reason: String)? {
        condition.lock()
        while schedule.isWriting { condition.wait() }
        let document = schedule.takeForFlush()
        let sequence = latestSequence
        condition.unlock()
        // Nothing unwritten: a failed write always leaves its document pending.
        guard let document else { return nil }
        let error = attempt(document, through: sequence)
        condition.lock()
        if let status = schedule.finished(document, error: error, now: clock()) { statuses.append(stamped(status)) }
        condition.unlock()
        return error.map { (document, $0) }
    }

    private func start(_ document: PanelDocument, through sequence: UInt64) {
        execute { [self] in
            let error = attempt(document, through: sequence)
            condition.lock()
            if let status = schedule.finished(document, error: error, now: clock()) {
                statuses.append(stamped(status))
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func attempt(_ document: PanelDocument, through sequence: UInt64) -> String? {
        do {
            try write(document, sequence)
            return nil
        } catch {
            return "\(error)"
        }
    }

    private func stamped(_ status: SaveStatus) -> SaveStatus {
        if case .saved = status { return .saved(at: wallClock()) }
        return status
    }
}
