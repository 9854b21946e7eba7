import Foundation

/// Where the clerk's selection is, published beside the store as `FILE.cursor` so that a chair
/// running `scrutiny present FILE --follow-cursor` can follow it.
///
/// Only the focused pane and the ids of what is selected: never any cell, note or question
/// text, so the file says nothing about the panel's findings. Written atomically (a fresh 0600
/// file renamed into place) by the clerk's host, read by followers.
public struct CursorSidecar: Codable, Equatable, Sendable {
    /// "schedule", "framework" or "questions".
    public var pane: String
    public var criterion: String?
    public var dimension: String?
    public var scheduleItem: String?
    public var question: String?

    public init(pane: String, criterion: String? = nil, dimension: String? = nil, scheduleItem: String? = nil,
                question: String? = nil) {
        self.pane = pane
        self.criterion = criterion
        self.dimension = dimension
        self.scheduleItem = scheduleItem
        self.question = question
    }

    /// `FILE.cursor` beside `FILE`.
    public static func url(for store: URL) -> URL {
        URL(fileURLWithPath: store.path + ".cursor")
    }

    /// Stable, small JSON.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The sidecar in `data`, or nil when it is not one (a half-written or foreign file is
    /// simply not followed).
    public static func decode(_ data: Data) -> CursorSidecar? {
        try? JSONDecoder().decode(CursorSidecar.self, from: data)
    }
}
