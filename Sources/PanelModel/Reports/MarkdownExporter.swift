/// A committee-ready panel update as GitHub-flavoured Markdown, in the shape of the reports:
/// header fields, interviews carried out, meetings attended, the framework as one table,
/// suggested questions, next steps, and the report's own prose sections in their places.
///
/// Every piece of the panel's text is escaped, so a `*` or `|` typed in a cell shows as itself
/// and a line break inside a cell (written `<br>`) never splits the table.
public enum MarkdownExporter {
    public static func export(_ document: PanelDocument) -> String {
        let panel = document.panel
        var out: [String] = ["# " + inline(ReportOutline.title(panel)), ""]
        let fields = ReportOutline.headerFields(panel)
        for (label, value) in fields {
            out.append("- **\(label):** " + inline(value).replacingOccurrences(of: "\n", with: "\\\n  "))
        }
        if !fields.isEmpty { out.append("") }
        if !panel.chair.isEmpty || panel.signedDate != nil {
            var signature: [String] = []
            if !panel.chair.isEmpty { signature.append("Signed: " + inline(panel.chair)) }
            if let date = panel.signedDate { signature.append("Date: " + date.longForm) }
            out += [signature.joined(separator: "\\\n"), ""]
        }

        for part in ReportOutline(document).parts {
            out += ["## \(part.number). " + inline(part.title), ""]
            if !part.text.isEmpty { out += [block(part.text), ""] }
            switch part.body {
            case .prose:
                break
            case .events(let items):
                for item in items {
                    let when = ReportOutline.dates(of: item).map { " on " + $0 } ?? ""
                    out.append("- " + inline(item.title) + when)
                }
                out.append("")
            case .framework:
                out += [frameworkTable(document.framework), ""]
            case .questions:
                for (i, question) in document.questions.enumerated() {
                    out += ["### " + inline(ReportOutline.number(of: question, at: i, in: part)) + ". "
                            + inline(question.title), ""]
                    if !question.text.isEmpty { out += [block(question.text), ""] }
                }
            case let .nextSteps(dated, unscheduled):
                out += ["| Activity | Dates |", "| --- | --- |"]
                for item in dated { out.append("| \(cell(item.title)) | \(ReportOutline.dates(of: item) ?? "") |") }
                if !unscheduled.isEmpty {
                    out.append("| **To be scheduled** |  |")
                    for item in unscheduled { out.append("| \(cell(item.title)) |  |") }
                }
                out.append("")
            }
        }
        out.append("REPORT ENDS")
        return out.joined(separator: "\n") + "\n"
    }

    /// The framework as one GFM table: a header row of dimensions after an empty corner, then
    /// a row per criterion.
    public static func frameworkTable(_ framework: Framework) -> String {
        var lines = ["| " + ([""] + framework.dimensions.map { cell($0.name) }).joined(separator: " | ") + " |"]
        lines.append("|" + String(repeating: " --- |", count: framework.dimensions.count + 1))
        for criterion in framework.criteria {
            let cells = framework.dimensions.map { cell(framework[criterion.id, $0.id]) }
            lines.append("| " + ([cell(criterion.name)] + cells).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Text inside a table cell: escaped (pipes included, by `inline`), line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { inline(String($0)) }
            .joined(separator: "<br>")
    }

    /// Text within a line: every character Markdown would read as markup is backslash-escaped
    /// (CommonMark allows a backslash before any ASCII punctuation), and `&` only where it would
    /// start an entity.
    static func inline(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        if chars.first == "#" { out.append("\\") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out.append("\\")
                out.append(c)
            case "&":
                let rest = chars[(i + 1)...].prefix(10)
                if let semi = rest.firstIndex(of: ";"), semi > i + 1,
                   chars[(i + 1)..<semi].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "#" }) {
                    out.append("\\")
                }
                out.append(c)
            case "\t":
                out.append(" ")
            default:
                out.append(c)
            }
            i += 1
        }
        return out
    }

    /// Prose kept from a report: paragraphs stay paragraphs, "- " lines stay list items, other
    /// line breaks are kept as hard breaks.
    static func block(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { paragraph -> String in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            return lines.enumerated().map { i, line -> String in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let isItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("• ")
                var rendered = isItem ? "- " + inline(String(trimmed.dropFirst(2))) : escapeLineStart(inline(trimmed))
                let nextIsItem = i + 1 < lines.count && lines[i + 1].trimmingCharacters(in: .whitespaces).hasPrefix("- ")
                if i + 1 < lines.count && !isItem && !nextIsItem { rendered += "\\" }
                return rendered
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// A prose line that would otherwise start a list, heading or quote: "+ ", "1. ", "=".
    static func escapeLineStart(_ line: String) -> String {
        if line.hasPrefix("+ ") || line.hasPrefix("= ") || line.hasPrefix("- ") { return "\\" + line }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if (rest.hasPrefix(". ") || rest.hasPrefix(") ")) || rest == "." || rest == ")" {
                return String(digits) + "\\" + rest
            }
        }
        return line
    }
}
