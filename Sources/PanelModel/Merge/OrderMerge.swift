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
        // Each item, then (depth first) what was placed after it. A stack, not recursion: one
        // side's chain of insertions can be thousands of notes long.
        func emit(after anchor: String?) {
            var pending = Array((children[anchor] ?? []).reversed())
            while let next = pending.popLast() {
                result.append(next)
                pending += (children[next] ?? []).reversed()
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

    /// A longest common subsequence of two lists of distinct ids.
    ///
    /// With distinct ids this is the longest increasing run of the positions, in `a`, of `b`'s
    /// ids (Hunt–Szymanski's observation), found by patience sorting in O(n log n): a clerk who
    /// reverses thousands of notes costs milliseconds, not a table of n² entries.
    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [String] {
        let position = Dictionary(a.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let positions = b.compactMap { position[$0] }
        // tails[k]: index in `positions` of the smallest last element of a run of length k + 1.
        var tails: [Int] = []
        var previous = Array(repeating: -1, count: positions.count)
        for (i, p) in positions.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if positions[tails[mid]] < p { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[i] = tails[low - 1] }
            if low == tails.count { tails.append(i) } else { tails[low] = i }
        }
        var run: [String] = []
        var i = tails.last ?? -1
        while i >= 0 {
            run.append(a[positions[i]])
            i = previous[i]
        }
        return run.reversed()
    }
}
