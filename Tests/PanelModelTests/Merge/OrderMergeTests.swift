import XCTest
@testable import PanelModel

/// The order rule on plain lists of ids (see `OrderMerge` for the rule in words).
final class OrderMergeTests: XCTestCase {
    private func merge(_ base: [String], _ ours: [String], _ theirs: [String]) -> [String] {
        let kept = Set(ours + theirs)
        let result = OrderMerge.merge(base: base, ours: ours, theirs: theirs, keeping: kept)
        // Whichever side is "ours", the same order.
        XCTAssertEqual(OrderMerge.merge(base: base, ours: theirs, theirs: ours, keeping: kept), result)
        return result
    }

    func testAMoveOnOneSideAndAnInsertionOnTheOtherAreBothKept() {
        XCTAssertEqual(merge(["a", "b", "c", "d"], ["d", "a", "b", "c"], ["a", "b", "x", "c", "d"]),
                       ["d", "a", "b", "x", "c"])
    }

    func testInsertionsAfterTheSameItemAreOrderedById() {
        XCTAssertEqual(merge(["a", "b"], ["a", "y", "b"], ["a", "x", "w", "b"]), ["a", "x", "w", "y", "b"])
    }

    func testOneSidesOrderComesThroughWhenTheOtherDidNothing() {
        XCTAssertEqual(merge(["a", "b", "c", "d"], ["c", "a", "d", "b"], ["a", "b", "c", "d"]), ["c", "a", "d", "b"])
    }

    func testAnItemBothSidesMovedFollowsThePredecessorThatSortsFirst() {
        // Ours moved c to the start; theirs moved it after d.
        XCTAssertEqual(merge(["a", "b", "c", "d"], ["c", "a", "b", "d"], ["a", "b", "d", "c"]), ["c", "a", "b", "d"])
    }

    /// Base p x y q; ours moves p after q, theirs moves q after p: each follows the other. The
    /// circle is broken at its smallest id ("p"), which returns to its base place (the start).
    func testPlacementsThatChaseEachOtherAreBrokenDeterministically() {
        XCTAssertEqual(merge(["p", "x", "y", "q"], ["x", "y", "q", "p"], ["p", "q", "x", "y"]), ["p", "q", "x", "y"])
    }

    func testLongestCommonSubsequenceFindsTheLongest() {
        XCTAssertEqual(OrderMerge.longestCommonSubsequence(["a", "b", "c", "d", "e"], ["a", "c", "b", "d", "e"]),
                       ["a", "b", "d", "e"])
        XCTAssertEqual(OrderMerge.longestCommonSubsequence(["a", "b", "c", "d"], ["x", "d", "b", "y", "c"]), ["b", "c"])
        XCTAssertEqual(OrderMerge.longestCommonSubsequence([], ["a"]), [])
    }

    /// 20,000 notes, one list reversed: a quadratic table would need gigabytes.
    func testAReversedLongListIsCheap() {
        let ids = (0..<20_000).map { "note-\($0)" }
        XCTAssertEqual(OrderMerge.longestCommonSubsequence(ids, ids.reversed()).count, 1)
        let moved = merge(ids, Array(ids.reversed()), ids)
        XCTAssertEqual(moved, Array(ids.reversed()))
    }
}
