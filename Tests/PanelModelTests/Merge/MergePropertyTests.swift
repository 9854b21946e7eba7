import XCTest
@testable import PanelModel

/// Properties of `ThreeWayMerge` over many generated cases: a random base panel and two
/// clerks' random sessions of edits on it, each case replayable from its seed.
final class MergePropertyTests: XCTestCase {
    static let cases: UInt64 = 400

    /// Runs `check` on each generated (base, ours, theirs); the seed is in every failure message.
    private func forEachCase(_ check: (PanelDocument, PanelDocument, PanelDocument, String) -> Void) {
        for seed in 1...Self.cases {
            var random = RandomPanel(seed: seed)
            let base = random.document()
            let ours = random.work(on: base, edits: Int.random(in: 0...8, using: &random.rng))
            let theirs = random.work(on: base, edits: Int.random(in: 0...8, using: &random.rng))
            check(base, ours, theirs, "seed \(seed)")
        }
    }

    func testNoNoteIsEverLost() {
        forEachCase { base, ours, theirs, seed in
            let merged = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs).document
            let result = Set(merged.notes.map(\.id))
            for side in [ours, theirs] {
                let other = side == ours ? theirs : ours
                for note in side.notes where !result.contains(note.id) {
                    // The only way out: the other side deleted it and this side never touched it.
                    let original = base.notes.first { $0.id == note.id }
                    XCTAssertEqual(original, note, "\(seed): note \(note.id) was changed on one side and lost")
                    XCTAssertNil(other.noteIndex(note.id), "\(seed): note \(note.id) lost though both sides kept it")
                }
            }
        }
    }

    func testMergingIsSymmetricWhenThereAreNoConflicts() {
        var clean = 0
        forEachCase { base, ours, theirs, seed in
            let one = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
            let other = ThreeWayMerge.merge(base: base, ours: theirs, theirs: ours)
            XCTAssertEqual(one.conflicts.isEmpty, other.conflicts.isEmpty, seed)
            guard one.conflicts.isEmpty else { return }
            clean += 1
            XCTAssertEqual(String(decoding: PanelStore.encode(one.document), as: UTF8.self),
                           String(decoding: PanelStore.encode(other.document), as: UTF8.self), seed)
        }
        // The generator must exercise both outcomes, or this property proves little.
        XCTAssertGreaterThan(clean, Int(Self.cases) / 4)
        XCTAssertLessThan(clean, Int(Self.cases))
    }

    func testMergingWithItselfOrItsBaseChangesNothing() {
        forEachCase { base, ours, _, seed in
            XCTAssertEqual(ThreeWayMerge.merge(base: ours, ours: ours, theirs: ours).document, ours, "\(seed): merge(x, x, x)")
            XCTAssertEqual(ThreeWayMerge.merge(base: base, ours: ours, theirs: base).document, ours, "\(seed): merge(base, x, base)")
            XCTAssertEqual(ThreeWayMerge.merge(base: base, ours: base, theirs: ours).document, ours, "\(seed): merge(base, base, x)")
            XCTAssertTrue(ThreeWayMerge.merge(base: base, ours: ours, theirs: base).conflicts.isEmpty, seed)
        }
    }

    /// A change made on only one side always reaches the result.
    func testEveryOneSidedChangeArrives() {
        forEachCase { base, ours, theirs, seed in
            let merged = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs).document
            let rows = Set(merged.framework.criteria.map(\.id)), columns = Set(merged.framework.dimensions.map(\.id))
            for key in Set(ours.framework.cells.keys).union(theirs.framework.cells.keys)
            where rows.contains(key.criterion) && columns.contains(key.dimension) {
                if ours.framework[key] == base.framework[key], theirs.framework.criteria.contains(where: { $0.id == key.criterion }),
                   theirs.framework.dimensions.contains(where: { $0.id == key.dimension }) {
                    XCTAssertEqual(merged.framework[key], theirs.framework[key], "\(seed): cell \(key)")
                }
            }
            for field in PanelField.allCases where field.value(in: ours.panel) == field.value(in: base.panel) {
                XCTAssertEqual(field.value(in: merged.panel), field.value(in: theirs.panel), "\(seed): \(field)")
            }
            for note in theirs.notes where base.noteIndex(note.id) == nil {
                XCTAssertNotNil(merged.noteIndex(note.id), "\(seed): new note \(note.id) missing")
            }
        }
    }

    /// Every result passes `PanelValidator` (which lists the recorded conflicts, one line each)
    /// and reads back as the same document.
    func testEveryResultIsAValidStore() {
        forEachCase { base, ours, theirs, seed in
            let merged = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs).document
            XCTAssertEqual(MergeValidity.problems(in: merged), [], seed)
            let reread = try? PanelStore.decode(PanelStore.encode(merged), file: "merged.json")
            XCTAssertEqual(reread, merged, "\(seed): the merged store does not read back the same")
        }
    }

    /// Resolving every conflict (alternately ours and theirs) leaves a store with none, and
    /// undoing the resolutions brings the merged store back exactly.
    func testEveryConflictCanBeResolvedAndUndone() {
        var resolved = 0
        forEachCase { base, ours, theirs, seed in
            let merged = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs).document
            var doc = merged
            var history = History()
            var pickOurs = true
            while !doc.conflicts.isEmpty {
                guard let edit = doc.resolveConflict(at: 0, choosing: pickOurs ? .ours : .theirs) else {
                    return XCTFail("\(seed): cannot resolve \(doc.conflicts[0])")
                }
                do { try edit.apply(to: &doc) } catch { return XCTFail("\(seed): \(error)") }
                history.record(edit)
                pickOurs.toggle()
                resolved += 1
            }
            XCTAssertEqual(MergeValidity.problems(in: doc), [], seed)
            while history.canUndo {
                do { _ = try history.undo(&doc) } catch { return XCTFail("\(seed): undo: \(error)") }
            }
            XCTAssertEqual(doc, merged, seed)
        }
        XCTAssertGreaterThan(resolved, 50)
    }
}

/// `PanelValidator`, apart from the conflicts it lists on purpose (one line each).
enum MergeValidity {
    static func problems(in doc: PanelDocument) -> [String] {
        var withoutConflicts = doc
        withoutConflicts.conflicts = []
        let listed = PanelValidator.problems(in: doc).filter { $0.hasPrefix("unresolved merge conflict: ") }
        return PanelValidator.problems(in: withoutConflicts)
            + (listed.count == doc.conflicts.count ? [] : ["\(doc.conflicts.count) conflicts but \(listed.count) listed"])
    }
}
