import Foundation
import Synchronization

/// The last frame's panes, each with the key of everything its drawing read, so a frame redraws
/// only the panes that a key changed: a move in the grid redraws the hint line and, in the grid,
/// only the cells selected before and now; a letter typed into the editor redraws no pane (the
/// editor box is drawn over them every frame). It also remembers the hint line's keys by context.
///
/// A pane is the title bar, the bottom line, or a pane's frame with everything inside it: parts
/// that never draw outside their own rectangle, so each can be kept or redrawn on its own.
/// Overlays (editor, notes, help, prompt) are never kept: `Workspace.render` draws them over a
/// copy of the panes every frame.
///
/// Owned by the workspace and shared by its copies, like `CellLinesCache`. That is safe because
/// keys name the document by its `Revision`, which no two copies that changed apart share. A
/// class because drawing is not `mutating`; the lock because the host may hand the workspace
/// to another thread.
final class PaneCache: @unchecked Sendable {
    enum Part: Int, CaseIterable {
        case titleBar, schedule, framework, questions, bottomLine
    }

    /// The panes of the last frame, without overlays.
    private var panes: ScreenBuffer?
    private var keys: [(any Equatable)?] = Array(repeating: nil, count: Part.allCases.count)
    private var drawn: [Part] = []
    private var updated: [Part] = []
    private let lock = NSLock()

    /// The parts the last frame drew whole, in drawing order (for tests).
    var drawnLastFrame: [Part] { lock.withLock { drawn } }
    /// The parts the last frame updated in place (for tests).
    var updatedLastFrame: [Part] { lock.withLock { updated } }

    /// Runs `body` on the last frame's panes (blank when there are none at this size); `body`
    /// redraws what changed through `Frame.part`. Returns the panes, which are kept for next time.
    func draw(width: Int, height: Int, _ body: (inout Frame) -> Void) -> ScreenBuffer {
        lock.withLock {
            var frame: Frame
            if panes?.width == width && panes?.height == height, let kept = panes.take() {
                // Taken, not copied: the cache lets go, so the frame can change it in place.
                frame = Frame(buffer: kept, keys: keys)
            } else {
                frame = Frame(buffer: ScreenBuffer(width: width, height: height))
            }
            body(&frame)
            panes = frame.buffer
            keys = frame.keys
            drawn = frame.drawn
            updated = frame.updated
            return frame.buffer
        }
    }

    /// What the hint line's keys depend on besides the keymap: the kind of mode, the focused
    /// pane, and whether a merge conflict is in focus (and can be combined by editing).
    struct HintsContext: Hashable {
        var mode: Int
        var focus: Int
        var conflict: Bool
        var combine: Bool
    }

    private var hints: [HintsContext: [HintLine.Hint]] = [:]
    /// Its own lock: the hints are asked for while a frame is drawn, under `lock`.
    private let hintsLock = NSLock()

    /// The hints for `context`, made once (`make` looks each key up in the keymap); with no
    /// context, made afresh.
    func hints(for context: HintsContext?, _ make: () -> [HintLine.Hint]) -> [HintLine.Hint] {
        guard let context else { return make() }
        if let known = hintsLock.withLock({ hints[context] }) { return known }
        let made = make()
        hintsLock.withLock { hints[context] = made }
        return made
    }

    /// A frame being drawn: the buffer and the key each pane in it was drawn with.
    struct Frame {
        private(set) var buffer: ScreenBuffer
        fileprivate var keys: [(any Equatable)?] = Array(repeating: nil, count: Part.allCases.count)
        fileprivate var drawn: [Part] = []
        fileprivate var updated: [Part] = []

        /// A blank frame that remembers nothing: every part is drawn (the reference the cache
        /// must always equal).
        init(buffer: ScreenBuffer) {
            self.buffer = buffer
        }

        fileprivate init(buffer: ScreenBuffer, keys: [(any Equatable)?]) {
            self.buffer = buffer
            self.keys = keys
        }

        /// Draws `part` into `rect` (blanked first) unless it is already there with an equal
        /// key. The key must hold everything `draw` reads: a forgotten input is a stale pane.
        ///
        /// `update`, when given, is tried first on a part drawn with another key: it redraws
        /// in place only what differs between the drawn key and this one (a grid whose
        /// selection moved), or returns false, and the part is drawn whole.
        mutating func part<Key: Equatable>(_ part: Part, in rect: Rect, key: Key,
                                           update: ((_ drawn: Key, inout ScreenBuffer) -> Bool)? = nil,
                                           draw: (inout ScreenBuffer) -> Void) {
            let kept = keys[part.rawValue] as? Key
            if let kept, kept == key { return }
            if let kept, let update, update(kept, &buffer) {
                updated.append(part)
            } else {
                buffer.fill(rect)
                draw(&buffer)
                drawn.append(part)
            }
            keys[part.rawValue] = key
        }
    }
}

/// Names one state of a workspace's document (and its note counts): a new one for every change,
/// drawn from one counter for the whole process, so two copies of a workspace that changed
/// apart never share one, and a key holding it stands for the whole document at no cost.
struct Revision: Hashable, Sendable {
    private let number: UInt64

    private static let counter = Atomic<UInt64>(0)

    static func next() -> Revision {
        Revision(number: counter.wrappingAdd(1, ordering: .relaxed).newValue)
    }
}
