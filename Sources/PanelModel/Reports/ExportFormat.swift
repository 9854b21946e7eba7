/// The formats a panel exports to, for the `export` command and the workspace's `:export`, so
/// both name them, render them and suggest file names the same way.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, html, csv, json

    /// Reads "md", "markdown", "html", "htm", "csv", "json" (any case).
    public init?(name: String) {
        switch name.lowercased() {
        case "markdown", "md": self = .markdown
        case "html", "htm": self = .html
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .csv: "csv"
        case .json: "json"
        }
    }

    /// The export as text. `byteOrderMark` applies to CSV only (for Excel).
    public func render(_ document: PanelDocument, byteOrderMark: Bool = false) -> String {
        switch self {
        case .markdown: MarkdownExporter.export(document)
        case .html: HTMLExporter.export(document)
        case .csv: CSVExporter.export(document, byteOrderMark: byteOrderMark)
        case .json: String(decoding: PanelStore.encode(document), as: UTF8.self)
        }
    }
}
