import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny new FILE [--template example|blank]`: starts a panel file. Never replaces a file.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new panel file from a template.",
        discussion: """
            The example template is the SEND Provision Scrutiny Panel of the London Borough of Camden \
            (March 2024): its schedule, the 6×5 analytical framework and 8 questions. The blank template \
            has the same criteria and dimensions with empty cells, and nothing else. The new file is \
            readable by its owner only (mode 0600). An existing file is never overwritten.
            """
    )

    enum Template: String, ExpressibleByArgument, CaseIterable {
        case example, blank

        var document: PanelDocument {
            switch self {
            case .example: PanelTemplates.example
            case .blank: PanelTemplates.blank
            }
        }
    }

    @Argument(help: "The panel file to create, e.g. panel.json.")
    var file: String

    @Option(help: "What to start from: \(Template.allCases.map(\.rawValue).joined(separator: " or ")).")
    var template: Template = .example

    func run() throws {
        let document = template.document
        do {
            try PanelStore.create(document, at: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data("scrutiny: \(error)\n".utf8))
            throw ExitCode.failure
        }
        print("Created \(file) from the \(template.rawValue) template (\(PanelSummary.counts(document))), mode 0600.")
    }
}
