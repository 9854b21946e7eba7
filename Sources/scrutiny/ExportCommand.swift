import ArgumentParser
import Foundation
import PanelModel

/// `scrutiny export FILE --format markdown|html|csv|json [-o OUT]`: the panel update for the
/// committee, the grid for a spreadsheet, or the canonical store.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the panel as a report (Markdown, HTML), its grid as CSV, or the store as JSON.",
        discussion: """
        markdown: a committee-ready update in the shape of the reports (GitHub-flavoured).
        html: one self-contained printable page, large type for projecting.
        csv: the framework grid (header row of dimensions), RFC 4180; add --bom for Excel.
        json: the canonical store.
        Without -o the result goes to standard output.
        """
    )

    @Argument(help: "The panel store.")
    var file: String

    @Option(help: "markdown, html, csv or json.")
    var format: ExportFormat = .markdown

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here (atomically) instead of standard output.", valueName: "out"))
    var output: String?

    @Flag(help: "Start CSV with a byte order mark, so Excel reads UTF-8 text correctly.")
    var bom = false

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom only applies to --format csv.") }
    }

    func run() throws {
        do {
            try export()
        } catch {
            FileHandle.standardError.write(Data("scrutiny: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func export() throws {
        let document = try PanelStore.load(from: URL(fileURLWithPath: file))
        if format == .json, let output {
            try PanelStore.save(document, to: URL(fileURLWithPath: output))
            return
        }
        let text = format.render(document, byteOrderMark: bom)
        if let output {
            // Whole or not at all; a new file is private to its owner, like the store it came from.
            try AtomicFile.replace(output, with: Data(text.utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// "--format md" works as well as "--format markdown".
extension ExportFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
