/// Merges the order of one list (criteria, dimensions, questions, schedule, sections, notes)
/// as each clerk left it, keeping both clerks' moves and insertions.
///
/// The rule, chosen so the result is the same whichever side is "ours":
/// 1. On each side, the items it kept in base order (a longest common subsequence with the
///    base) stayed put; the others it *moved*, and the items it added it *inserted*.
/// 2. Items neither side moved or inserted keep their base order (both sides agree on it).
/// 3. Every moved or inserted item goes right after its predecessor on the side that placed
///    it (or first, when it had none). Items placed after the same predecessor are ordered by
///    `tieKey`; an item both sides moved to different places follows the predecessor that
///    sorts first, "the start" before any id.
/// 4. When two sides' placements chase each other in a circle (each side put one item right
///    after the other), the circle is broken at its smallest id, which goes back to where
///    the base had it.
enum OrderMerge {
    static func merge(
        base: [String], ours: [String], theirs: [String], keeping kept: Set<String>,
        tieKey: (String) -> String = { $0 }
    ) -> [String] {
        let b = base.filter(kept.contains), o = ours.filter(kept.contains), t = theirs.filter(kept.contains)
        let baseSet = Set(b)
        // Where each placed item goes: the id it follows (nil: the start), per side that placed it.
        var anchors: [String: String?] = [:]
        for side in [o, t] {
            let stayed = Set(longestCommonSubsequence(b.filter(Set(side).contains), side.filter(baseSet.contains)))
            for (i, id) in side.enumerated() where !stayed.contains(id) {
                let predecessor: String? = i == 0 ? nil : side[i - 1]
                if let other = anchors[id], !comesFirst(predecessor, before: other) { continue }
                anchors[id] = predecessor
            }
        }
        let stable = b.filter { anchors.index(forKey: $0) == nil }
        breakCircles(&anchors, stable: Set(stable), base: b)

        var children: [String?: [String]] = [:]
        for (id, anchor) in anchors { children[anchor, default: []].append(id) }
        for key in children.keys { children[key]!.sort { (tieKey($0), $0) < (tieKey($1), $1) } }

        var result: [String] = []
        result.reserveCapacity(kept.count)
        func emit(after anchor: String?) {
            for child in children[anchor] ?? [] {
                result.append(child)
                emit(after: child)
            }
        }
        emit(after: nil)
        for id in stable {
            result.append(id)
            emit(after: id)
        }
        return result
    }

    /// nil (the start) sorts before any id; ids by their text.
    private static func comesFirst(_ a: String?, before b: String?) -> Bool {
        switch (a, b) {
        case (nil, _): true
        case (_, nil): false
        case let (a?, b?): a <= b
        }
    }

    /// Re-anchors one item of each circle of anchors to the nearest item before it in the base
    /// that stays put (or the start), until every chain of anchors ends at a stable item.
    private static func breakCircles(_ anchors: inout [String: String?], stable: Set<String>, base: [String]) {
        var settled: Set<String> = []
        for start in anchors.keys.sorted() where !settled.contains(start) {
            var path: [String] = []
            var onPath: Set<String> = []
            var current = start
            while true {
                if settled.contains(current) || stable.contains(current) { break }
                if onPath.contains(current) {
                    let circle = path[path.firstIndex(of: current)!...]
                    let smallest = circle.min()!
                    let before = base.firstIndex(of: smallest).map { base[..<$0].last(where: stable.contains) } ?? nil
                    anchors[smallest] = .some(before)
                    break
                }
                path.append(current)
                onPath.insert(current)
                guard let anchor = anchors[current], let next = anchor else { break }
                current = next
            }
            settled.formUnion(path)
        }
    }

    /// A longest common subsequence of two lists of distinct ids. Trims the common start and
    /// end first, so two long lists that differ in a few places cost little.
    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [String] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        // lengths[i][j]: length of an LCS of x[i...] and y[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lengths[i][j] = x[i] == y[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var middle: [String] = []
        var i = 0, j = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] {
                middle.append(x[i]); i += 1; j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return Array(a[..<prefix]) + middle + Array(a[(a.count - suffix)...])
    }
}
