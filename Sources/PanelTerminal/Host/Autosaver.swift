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
    public typealias Executor = @Sendable (@escaping @Sendable () -> Void) -> Void

    private let condition = NSCondition()  // guards everything below
    private var schedule = SaveSchedule()
    private var statuses: [SaveStatus] = []
    private let write: Writer
    private let execute: Executor
    private let wallClock: @Sendable () -> Date
    private let clock: @Sendable () -> Double

    /// - Parameters:
    ///   - write: saves one version (normally `PanelStore.save` to the store's file).
    ///   - execute: runs a write off the main loop (a serial queue; tests run them by hand).
    ///   - clock: seconds on a monotonic clock, for retry delays.
    ///   - wallClock: the time shown as "saved HH:MM:SS".
    public init(write: @escaping Writer,
                execute: @escaping Executor = { work in Autosaver.backgroundQueue.async(execute: work) },
                clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
                wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.write = write
        self.execute = execute
        self.clock = clock
        self.wallClock = wallClock
    }

    /// One serial queue, so writes of the same store never overlap.
    public static let backgroundQueue = DispatchQueue(label: "scrutiny.autosave", qos: .userInitiated)

    /// A new version of the document; the latest one wins.
    public func submit(_ document: PanelDocument) {
        condition.lock()
        statuses.append(schedule.submit(document))
        condition.unlock()
        tick()
    }

    /// Starts a write if one is due (a new version, or a retry after a failure).
    public func tick() {
        condition.lock()
        let document = schedule.nextWrite(now: clock())
        condition.unlock()
        if let document { start(document) }
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
        condition.unlock()
        // Nothing unwritten: a failed write always leaves its document pending.
        guard let document else { return nil }
        let error = attempt(document)
        condition.lock()
        if let status = schedule.finished(document, error: error, now: clock()) { statuses.append(stamped(status)) }
        condition.unlock()
        return error.map { (document, $0) }
    }

    private func start(_ document: PanelDocument) {
        execute { [self] in
            let error = attempt(document)
            condition.lock()
            if let status = schedule.finished(document, error: error, now: clock()) {
                statuses.append(stamped(status))
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func attempt(_ document: PanelDocument) -> String? {
        do {
            try write(document)
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
