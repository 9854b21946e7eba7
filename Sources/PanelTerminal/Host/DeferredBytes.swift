import Foundation

/// Bytes the host writes beside the store now and then (an editor's draft, the cursor sidecar),
/// made only when they are written.
///
/// The workspace offers a new draft on every typed key and a new cursor on every move, but the
/// host writes a draft at most once a second and the cursor a few times a second (see
/// `DraftThrottle`). Encoding each offer as JSON cost a `JSONEncoder` per key — for a draft of a
/// long cell, the whole text per key — for bytes that were mostly thrown away unwritten.
public struct DeferredBytes: Equatable, Sendable {
    private enum Source: Equatable, Sendable {
        case ready(Data)
        case draft(Draft)
        case cursor(CursorSidecar)
    }

    private let source: Source

    /// Bytes already made (hosts and tests that have them at hand).
    public init(_ bytes: Data) { source = .ready(bytes) }

    init(draft: Draft) { source = .draft(draft) }

    init(cursor: CursorSidecar) { source = .cursor(cursor) }

    /// The bytes to write. Encodes on each call: ask once, when writing.
    public var bytes: Data {
        switch source {
        case .ready(let bytes): bytes
        case .draft(let draft): draft.encoded()
        case .cursor(let cursor): cursor.encoded()
        }
    }
}
