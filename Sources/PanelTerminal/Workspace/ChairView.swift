/// How the chair is looking at the grid: presenting it on a shared screen, zoomed into one
/// cell, row or column, and whether this window is a read-only follower of the clerk's store.
///
/// Kept apart from `Mode` on purpose: these are ways of *looking*, and they stay in place while
/// the help overlay or the command line opens over them.
struct ChairView: Equatable {
    /// The grid alone, large, for a projector (F5 / P / `scrutiny present`).
    var presenting = false
    /// Criteria and dimensions with no text at all are left out of presentation and zoom.
    var hideEmpty = false
    /// `scrutiny present`: presentation cannot be left and the grid keeps focus (the window is
    /// also the workspace's `readOnly`, so every change is refused and nothing is saved).
    var alwaysPresents = false
    /// The clerk's instance tells followers where its selection is (`AppEffect.publishCursor`).
    var publishesSelection = false
    /// What was last published, so only a move publishes again.
    var published: CursorSidecar?
    var zoom: Zoom?
    /// The first visible criterion and dimension of the presentation grid, counted among
    /// those shown (so hiding empty rows never leaves a gap).
    var firstRow = 0
    var firstColumn = 0
    /// What the follower has to say about the store ("waiting for FILE…"), shown discreetly at
    /// the bottom of the chair's screen; nil when all is well.
    var followStatus: String?
    /// The follower has shown at least one good version of the store.
    var followLoaded = false
}

/// One cell, one criterion (row) or one dimension (column) at full screen.
struct Zoom: Equatable {
    enum Scope: Equatable {
        case cell, criterion, dimension
    }

    var scope: Scope
    /// The first line of the zoomed text on screen, when it is longer than the screen.
    var firstLine = 0
    /// The selection the zoom shows, so that when the selection moves (the clerk's cursor, or
    /// the arrows) the new text starts at its top.
    var criterion: String?
    var dimension: String?
}
