import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny merge BASE OURS THEIRS`: git's merge driver for panel stores.
///
/// Follows git's contract for `merge.<driver>.driver = … %O %A %B`: the merged panel is written
/// over OURS; exit 0 when clean, 1 when conflicts remain (recorded in the store, never as
/// markers), 2 when an input cannot be read (OURS is then left untouched).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two copies of a panel by meaning (git's merge driver).",
        discussion: """
            Writes the merge of OURS and THEIRS (both changed from BASE) over OURS. Conflicts are \
            recorded in the store and listed by `scrutiny check`. `scrutiny sync init` sets git up \
            to call this for you. Exit status: 0 merged cleanly, 1 conflicts remain, 2 an input \
            could not be read.
            """)

    @Argument(help: "The common ancestor (git's %O). An empty file means the two copies share no history.")
    var base: String

    @Argument(help: "Our copy (git's %A); the merged panel is written here.")
    var ours: String

    @Argument(help: "Their copy (git's %B).")
    var theirs: String

    func run() throws {
        let baseDoc: PanelDocument, oursDoc: PanelDocument, theirsDoc: PanelDocument
        do {
            baseDoc = try Self.load(base, emptyMeansNothing: true)
            oursDoc = try Self.load(ours)
            theirsDoc = try Self.load(theirs)
        } catch {
            Self.complain("\(error)\nNothing was merged; \(ours) is unchanged.")
            throw ExitCode(2)
        }

        let merged = ThreeWayMerge.merge(base: baseDoc, ours: oursDoc, theirs: theirsDoc).document
        do {
            try PanelStore.save(merged, to: URL(fileURLWithPath: ours))
        } catch {
            Self.complain("\(error)")
            throw ExitCode(2)
        }
        if !merged.conflicts.isEmpty {
            let count = merged.conflicts.count
            Self.complain("scrutiny merge: \(count) conflict\(count == 1 ? "" : "s") to resolve, recorded in the panel:")
            for conflict in merged.conflicts { Self.complain("  " + conflict.describe(in: merged)) }
            throw ExitCode(1)
        }
    }

    /// Git gives an empty BASE when both sides added the file independently.
    private static func load(_ path: String, emptyMeansNothing: Bool = false) throws(StoreError) -> PanelDocument {
        let url = URL(fileURLWithPath: path)
        if emptyMeansNothing, let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size == 0 {
            return PanelDocument()
        }
        return try PanelStore.load(from: url)
    }

    /// Git shows the driver's stderr to the person merging.
    private static func complain(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
