import Foundation
import PanelModel

/// The live session: going live in a schedule item (`L`, `:live`), ending it (`:end`), and the
/// "● LIVE <title> · <elapsed>" the title bar shows while it runs, kept current by `tick`.
extension Workspace {
    /// The host calls this about once a second and redraws: the elapsed time moves on.
    public mutating func tick(_ now: Date) -> [AppEffect] {
        self.now = now
        return []
    }

    /// The moment for a new note or a session's start or end, as stored.
    var nowStamp: String { Timestamp.string(clock(), in: timeZone) }

    /// The live session's title and elapsed time ("Special Parents Forum 2", "00:42:13") for
    /// the title bar's "● LIVE …", or nil when nothing is live.
    var liveTitle: (title: String, elapsed: String)? {
        guard let live = document.live, let item = document.liveItem else { return nil }
        let elapsed = Timestamp.date(live.since).map { Timestamp.elapsed(from: $0, to: now) } ?? "—"
        return (PaneFrame.visible(PaneFrame.firstLine(item.title)), elapsed)
    }

    /// Makes the schedule's selected item live; on the item that is already live, ends it.
    mutating func startLive() {
        guard let item = selectedScheduleItem(for: "go live in") else { return }
        if document.live?.item == item.id { return endLive() }
        let stamp = nowStamp
        guard let edit = document.startLive(itemID: item.id, at: stamp) else { return }
        let ended = document.liveItem
        guard apply(edit) else { return }
        let title = PaneFrame.firstLine(item.title)
        let endedText = ended.map { "ended “\(PaneFrame.firstLine($0.title))”; " } ?? ""
        message = StatusMessage(text: "● Live in “\(title)” from \(Timestamp.clock(stamp)) — \(endedText)"
            + keyHint(.newNote, "takes a note") + ", :end ends it")
    }

    mutating func endLive() {
        guard let item = document.liveItem else {
            message = StatusMessage(text: "Nothing is live: " + keyHint(.startLive, "on a schedule item goes live", in: .schedule),
                                    isError: true)
            return
        }
        let stamp = nowStamp
        guard let edit = document.endLive(at: stamp), apply(edit) else { return }
        let count = noteIndex.count(source: item.id)
        // The figures first: a long title is cut at the end of the line, not them.
        message = StatusMessage(text: "Ended at \(Timestamp.clock(stamp)), marked held, \(count) note\(count == 1 ? "" : "s"): "
            + "“\(PaneFrame.firstLine(item.title))”")
    }

    /// "n takes a note", with the key really bound (or the command when none is).
    func keyHint(_ action: Action, _ what: String, in context: KeyContext? = nil) -> String {
        let keys = simplest(keymap.keys(for: action, in: context ?? focus.context))
            ?? simplest(keymap.keys(for: action, in: .global))
        return (keys.map(KeyName.format) ?? ":" + action.rawValue) + " " + what
    }
}
