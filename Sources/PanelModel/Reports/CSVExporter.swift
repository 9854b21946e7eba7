/// The framework grid as RFC 4180 CSV, which every spreadsheet opens: a header row of
/// dimensions after an empty corner cell, then one row per criterion. Records end with CRLF;
/// a field holding a comma, a quote or a line break is quoted, its quotes doubled.
public enum CSVExporter {
    /// - Parameter byteOrderMark: starts the text with U+FEFF, which Excel needs to read UTF-8
    ///   (without it "é" and "–" come out garbled).
    public static func export(_ document: PanelDocument, byteOrderMark: Bool = false) -> String {
        let framework = document.framework
        var records = [[""] + framework.dimensions.map(\.name)]
        for criterion in framework.criteria {
            records.append([criterion.name] + framework.dimensions.map { framework[criterion.id, $0.id] })
        }
        let body = records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
        return (byteOrderMark ? "\u{FEFF}" : "") + body
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
