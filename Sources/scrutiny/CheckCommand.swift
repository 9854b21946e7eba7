import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny check FILE`: is this a sound panel file? For scripts and CI as much as for people.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a panel file: its format, references between its parts, and duplicate ids.",
        discussion: """
            Prints "FILE: ok (…)" and exits 0 when the file is sound; otherwise prints one line per \
            problem, each starting with the file name, and exits 1. The file is only read.
            """
    )

    @Argument(help: "The panel file to check.")
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let data: Data, document: PanelDocument
        do {
            data = try PanelStore.contents(of: url)
            document = try PanelStore.decode(data, file: url.relativePath)
        } catch {
            // The store's messages already name the file.
            print(error.description)
            throw ExitCode.failure
        }
        let problems = PanelValidator.unknownFields(in: data, loadedAs: document) + PanelValidator.problems(in: document)
        guard problems.isEmpty else {
            for problem in problems { print("\(file): \(problem)") }
            throw ExitCode.failure
        }
        print("\(file): ok (\(PanelSummary.counts(document)))")
    }
}

/// "22 schedule items, 6×5 grid, 8 questions, 0 notes": what a panel holds, in one line.
enum PanelSummary {
    static func counts(_ document: PanelDocument) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let grid = "\(document.framework.criteria.count)×\(document.framework.dimensions.count) grid"
        return [count(document.schedule.count, "schedule item"), grid,
                count(document.questions.count, "question"), count(document.notes.count, "note")]
            .joined(separator: ", ")
    }
}
