import Foundation

/// The schedule's rows (grouped, in date order, with today's place) for the document revision
/// they were made from. Every key asks for them, to keep the selected item in view, and only
/// an edit can change them: grouping and sorting them again on every move was 5 % of a move.
///
/// Owned by the workspace and shared by its copies, which is harmless: a revision names one
/// state of one document (see `Revision`), and the rows are a pure function of it. A class
/// because the rows are read where the workspace is not mutable; the lock because the host may
/// hand the workspace to another thread.
final class ScheduleRowsCache: @unchecked Sendable {
    private var made: (revision: Revision, rows: [ScheduleList.Row])?
    private let lock = NSLock()

    /// The rows made for `revision`, or `make()`'s, kept for the next call.
    func rows(for revision: Revision, _ make: () -> [ScheduleList.Row]) -> [ScheduleList.Row] {
        if let made = lock.withLock({ made }), made.revision == revision { return made.rows }
        let rows = make()
        lock.withLock { made = (revision, rows) }
        return rows
    }
}
