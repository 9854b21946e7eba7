extension ThreeWayMerge {
    /// The live session after a merge: a change on one side wins; when both sides changed it
    /// differently, the session started later wins (whichever side is "ours", so two clerks
    /// merging each other's work agree), and a session beats none. Never in an item the merge
    /// removed.
    static func mergeLive(base: LiveSession?, ours: LiveSession?, theirs: LiveSession?,
                          schedule merged: PanelDocument) -> LiveSession? {
        let live: LiveSession?
        if ours == theirs || theirs == base {
            live = ours
        } else if ours == base {
            live = theirs
        } else {
            switch (ours, theirs) {
            case let (a?, b?):
                let (sa, sb) = (Timestamp.seconds(a.since) ?? 0, Timestamp.seconds(b.since) ?? 0)
                live = (sa, a.item) >= (sb, b.item) ? a : b
            default:
                live = ours ?? theirs
            }
        }
        guard let live, merged.scheduleIndex(live.item) != nil else { return nil }
        return live
    }
}
