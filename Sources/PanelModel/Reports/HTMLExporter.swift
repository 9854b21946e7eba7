/// The panel update as one self-contained printable web page: inline CSS, no scripts, no
/// external files, every piece of the panel's text escaped. Type is large so the page reads
/// when projected in a committee room; the grid is a real `<table>` with header cells, so
/// screen readers and spreadsheets understand it.
public enum HTMLExporter {
    public static func export(_ document: PanelDocument) -> String {
        let panel = document.panel
        var out = [
            "<!DOCTYPE html>",
            "<html lang=\"en-GB\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(ReportOutline.title(panel)))</title>",
            "<style>\(style)</style>",
            "</head>",
            "<body>",
            "<h1>\(escape(ReportOutline.title(panel)))</h1>",
        ]
        let fields = ReportOutline.headerFields(panel)
        if !fields.isEmpty {
            out.append("<dl class=\"header\">")
            for (label, value) in fields { out.append("<dt>\(escape(label))</dt><dd>\(lines(value))</dd>") }
            out.append("</dl>")
        }
        if !panel.chair.isEmpty || panel.signedDate != nil {
            var signature: [String] = []
            if !panel.chair.isEmpty { signature.append("Signed: " + escape(panel.chair)) }
            if let date = panel.signedDate { signature.append("Date: " + date.longForm) }
            out.append("<p class=\"signature\">\(signature.joined(separator: "<br>"))</p>")
        }

        for part in ReportOutline(document).parts {
            out.append("<section>")
            out.append("<h2>\(part.number). \(escape(part.title))</h2>")
            if !part.text.isEmpty { out.append(prose(part.text)) }
            switch part.body {
            case .prose:
                break
            case .events(let items):
                out.append("<ul class=\"events\">")
                for item in items {
                    let when = ReportOutline.dates(of: item).map { " on <time>\($0)</time>" } ?? ""
                    out.append("<li>\(escape(item.title))\(when)</li>")
                }
                out.append("</ul>")
            case .framework:
                out.append(frameworkTable(document.framework))
            case .questions:
                for (i, question) in document.questions.enumerated() {
                    let number = ReportOutline.number(of: question, at: i, in: part)
                    out.append("<h3>\(escape(number)). \(escape(question.title))</h3>")
                    if !question.text.isEmpty { out.append(prose(question.text)) }
                }
            case let .nextSteps(dated, unscheduled):
                out.append("<table class=\"next-steps\">")
                out.append("<thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Dates</th></tr></thead>")
                out.append("<tbody>")
                for item in dated {
                    out.append("<tr><td>\(escape(item.title))</td><td>\(escape(ReportOutline.dates(of: item) ?? ""))</td></tr>")
                }
                if !unscheduled.isEmpty {
                    out.append("<tr><th scope=\"rowgroup\" colspan=\"2\">To be scheduled</th></tr>")
                    for item in unscheduled { out.append("<tr><td>\(escape(item.title))</td><td></td></tr>") }
                }
                out.append("</tbody>")
                out.append("</table>")
            }
            out.append("</section>")
        }
        out += ["<p class=\"end\">REPORT ENDS</p>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// The grid: a header row of dimensions (`<th scope="col">`), each row led by its criterion
    /// (`<th scope="row">`).
    public static func frameworkTable(_ framework: Framework) -> String {
        var out = ["<table class=\"framework\">", "<thead><tr><td></td>"
            + framework.dimensions.map { "<th scope=\"col\">\(escape($0.name))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for criterion in framework.criteria {
            let cells = framework.dimensions.map { "<td>\(lines(framework[criterion.id, $0.id]))</td>" }.joined()
            out.append("<tr><th scope=\"row\">\(escape(criterion.name))</th>\(cells)</tr>")
        }
        out += ["</tbody>", "</table>"]
        return out.joined(separator: "\n")
    }

    /// Escapes the five characters HTML treats specially, in text and in attribute values alike.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Escaped text with its line breaks kept.
    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    /// Paragraphs; a paragraph made only of "- " lines becomes a list.
    static func prose(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { paragraph -> String in
            let rows = paragraph.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if !rows.isEmpty && rows.allSatisfy({ $0.hasPrefix("- ") || $0.hasPrefix("• ") }) {
                return "<ul>" + rows.map { "<li>\(escape(String($0.dropFirst(2))))</li>" }.joined() + "</ul>"
            }
            return "<p>" + rows.map(escape).joined(separator: "<br>") + "</p>"
        }.joined(separator: "\n")
    }

    /// Large, calm type for a projector; black on white and no page breaks inside a row in print.
    static let style = """
    body{font-family:"Segoe UI",Arial,Helvetica,sans-serif;font-size:20px;line-height:1.5;color:#111;\
    background:#fff;max-width:80rem;margin:1.5rem auto;padding:0 1.5rem}\
    h1{font-size:1.8em;line-height:1.2}h2{font-size:1.4em;margin-top:1.6em;border-bottom:2px solid #444}\
    h3{font-size:1.15em;margin-bottom:.3em}\
    dl.header{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em}dt{font-weight:bold}dd{margin:0}\
    table{border-collapse:collapse;width:100%;margin:1em 0}\
    th,td{border:1px solid #555;padding:.45em .6em;vertical-align:top;text-align:left}\
    thead th{background:#e8e8e8}tbody th{background:#f3f3f3;white-space:nowrap}\
    @media print{body{font-size:11pt;max-width:none;margin:0}tr,h3{break-inside:avoid}h2{break-after:avoid}}
    """
}
