/// The small mark that says how many notes back a cell or a question: "3◆". Short enough to
/// keep its corner in the narrowest grid column; nothing at all when there are none.
enum EvidenceMark {
    static let symbol = "◆"

    static func text(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        // Four digits at most: beyond that the exact figure is in the drawer.
        return (count > 9999 ? "9999+" : String(count)) + symbol
    }
}
