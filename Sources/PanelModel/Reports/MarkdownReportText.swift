/// Turns a panel update written in Markdown (as `MarkdownExporter` writes it, perhaps edited
/// since) into the plain-text shape the importer reads, line for line, so the next cycle can
/// start from the last report Scrutiny produced.
///
/// "# Title" becomes the report title, "- **Label:** value" a header field, pipe tables
/// tab-separated rows (the `| --- |` row dropped, `<br>` kept as a line break inside the cell),
/// and backslash escapes and hard-break backslashes are undone. Line numbers are kept, so
/// warnings still point at the Markdown file's own lines.
enum MarkdownReportText {
    /// Stands for a line break inside a table cell while the report is handled line by line;
    /// the framework and schedule readers turn it back into "\n".
    static let cellBreak: Character = "\u{2028}"

    /// The lines in plain-text shape, or nil when the text is not Markdown.
    static func plain(_ lines: [ReportLine]) -> [ReportLine]? {
        let first = lines.first { !$0.isBlank }?.text ?? ""
        guard first.hasPrefix("# ") || lines.contains(where: { isDelimiterRow($0.text) }) else { return nil }
        var out: [ReportLine] = []
        for line in lines {
            let text = line.text.trimmingCharacters(in: .whitespaces)
            if isDelimiterRow(text) { continue }
            out.append(ReportLine(number: line.number, text: convert(text)))
        }
        return out
    }

    private static func convert(_ text: String) -> String {
        if text.hasPrefix("# ") { return "REPORT TITLE " + unescape(String(text.dropFirst(2))) }
        if text.hasPrefix("|") { return tableRow(text) }
        if let match = text.wholeMatch(of: /- \*\*([^*]+?):\*\*\s*(.*)/) {
            return unescape(String(match.output.1)) + ": " + unescape(String(match.output.2))
        }
        var line = text
        if line.hasSuffix("\\") && !line.hasSuffix("\\\\") { line.removeLast() }
        return unescape(line)
    }

    /// "| a \| b | c<br>d |" → "a | b<TAB>c\u{2028}d".
    private static func tableRow(_ text: String) -> String {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for ch in text.dropFirst() {
            if escaped {
                cell.append("\\")
                cell.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(ch)
            }
        }
        if !cell.trimmingCharacters(in: .whitespaces).isEmpty { cells.append(cell) }
        return cells.map { raw -> String in
            var c = raw.trimmingCharacters(in: .whitespaces)
            c = ReportSectionSplitter.unbold(c)
            c = c.replacingOccurrences(of: "<br>", with: String(cellBreak))
                .replacingOccurrences(of: "<br/>", with: String(cellBreak))
                .replacingOccurrences(of: "<br />", with: String(cellBreak))
            return unescape(c)
        }.joined(separator: "\t")
    }

    /// "| --- | :---: |": the row under a table's header.
    static func isDelimiterRow(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.contains("-"), t.contains("|") || t.hasPrefix(":") || t.hasPrefix("-") else { return false }
        return t.allSatisfy { "|-: ".contains($0) } && t.filter({ $0 == "-" }).count >= 3
    }

    /// Drops the backslash before ASCII punctuation, as CommonMark reads it.
    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                if !(ch.isASCII && ch.isPunctuation || ch.isASCII && ch.isSymbol) { out.append("\\") }
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        if escaped { out.append("\\") }
        return out
    }
}
