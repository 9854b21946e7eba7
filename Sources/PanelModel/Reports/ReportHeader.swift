import Foundation

/// Reads the part of a report before its first numbered section: the tab-separated header
/// block ("REPORT TITLE …", "FOR SUBMISSION TO …<TAB>DATE …") and the signature block
/// ("Signed:", the chair's name, "Date: …").
///
/// Labels are matched whatever their case or punctuation, wherever they stand on a line, so a
/// header typed as "Report title: …" or split over other columns reads the same.
struct ReportHeader {
    /// What a labelled header cell fills.
    enum Field: Equatable {
        case panel(PanelField)
        case date
    }

    /// Longest first, so "report of" does not swallow "report title".
    static let labels: [(words: String, field: Field)] = [
        ("access to information", .panel(.accessToInformation)),
        ("summary of report", .panel(.summary)),
        ("for submission to", .panel(.committee)),
        ("contact officer", .panel(.contactName)),
        ("recommendations", .panel(.recommendation)),
        ("recommendation", .panel(.recommendation)),
        ("report title", .panel(.reportTitle)),
        ("submitted to", .panel(.committee)),
        ("report of", .panel(.reportOf)),
        ("authority", .panel(.authority)),
        ("summary", .panel(.summary)),
        ("wards", .panel(.wards)),
        ("ward", .panel(.wards)),
        ("date", .date),
    ]

    /// Fills `builder.document.panel` from the preamble lines; what it cannot place becomes a
    /// warning and an imported note.
    static func read(_ lines: [ReportLine], into builder: inout ReportBuilder) {
        var panel = builder.document.panel
        var lastField: PanelField?
        var sawSigned = false
        var expectChair = false
        var sawContent = false
        var reportDateText: (String, Int)?
        var signedDateText: (String, Int)?
        var loose: [ReportLine] = []
        var contactText: String?

        for line in lines {
            if line.isBlank { lastField = nil; continue }
            let folded = ReportText.fold(line.text)
            if folded == "report ends" { continue }
            let isFirst = !sawContent
            sawContent = true

            if folded.hasPrefix("signed") {
                sawSigned = true
                builder.foundHeader = true
                let value = valueAfter(words: 1, in: line.trimmed)
                if value.isEmpty { expectChair = true } else { panel.chair = value }
                lastField = nil
                continue
            }
            let cells = ReportText.cells(line.text).filter { !$0.isEmpty }
            let labelled = cells.map(label)
            if expectChair && labelled.allSatisfy({ $0 == nil }) {
                panel.chair = cells.joined(separator: " ")
                expectChair = false
                continue
            }
            var unlabelled: [String] = []
            var any = false
            for (cell, match) in zip(cells, labelled) {
                guard let (field, value) = match else { unlabelled.append(cell); continue }
                any = true
                builder.foundHeader = true
                switch field {
                case .date:
                    if sawSigned || panel.reportDate != nil || reportDateText != nil {
                        signedDateText = (value, line.number)
                    } else {
                        reportDateText = (value, line.number)
                    }
                    lastField = nil
                case .panel(.contactName):
                    contactText = value
                    lastField = nil
                case .panel(let f):
                    let old = f.value(in: panel)
                    f.set(old.isEmpty ? value : old + "\n" + value, in: &panel)
                    lastField = f
                }
            }
            if unlabelled.isEmpty { continue }
            if isFirst && panel.authority.isEmpty {
                panel.authority = titleCased(unlabelled.removeFirst())
                if unlabelled.isEmpty { continue }
            }
            if !any, cells.count == 1, let f = lastField {
                // A value that runs on to the next line of the header (a tabbed line is a new row).
                let old = f.value(in: panel)
                f.set(old.isEmpty ? unlabelled[0] : old + "\n" + unlabelled[0], in: &panel)
                continue
            }
            loose.append(ReportLine(number: line.number, text: unlabelled.joined(separator: "\t")))
        }

        if let (text, number) = reportDateText {
            panel.reportDate = date(text, line: number, what: "report date", builder: &builder)
        }
        if let (text, number) = signedDateText {
            panel.signedDate = date(text, line: number, what: "signed date", builder: &builder)
        }
        splitSummary(&panel, contactText: contactText)
        if panel.title.isEmpty { panel.title = panelTitle(panel) }
        builder.document.panel = panel

        // The chair's written signature above "Signed:" repeats the name below it.
        let chair = ReportText.fold(panel.chair)
        for line in loose {
            let text = ReportText.fold(line.text)
            if !chair.isEmpty && chair.hasSuffix(text) { continue }
            builder.keep(line, reason: "a header line the importer does not recognise")
        }
    }

    /// "REPORT TITLE Special …" → (.reportTitle, "Special …"); nil when the cell has no label.
    static func label(_ cell: String) -> (Field, String)? {
        let folded = ReportText.fold(cell)
        for (words, field) in labels where folded.hasPrefix(words) {
            let after = folded.dropFirst(words.count)
            guard after.isEmpty || after.first == " " || after.first == ":" else { continue }
            return (field, valueAfter(words: words.split(separator: " ").count, in: cell))
        }
        return nil
    }

    /// The text after the first `words` words of `cell` and any colon or dash after them.
    static func valueAfter(words: Int, in cell: String) -> String {
        var rest = Substring(cell.trimmingCharacters(in: .whitespaces))
        for _ in 0..<words {
            rest = rest.drop(while: { !$0.isWhitespace && $0 != ":" }).drop(while: \.isWhitespace)
        }
        rest = rest.drop(while: { $0 == ":" || $0.isWhitespace })
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    private static func date(_ text: String, line: Int, what: String, builder: inout ReportBuilder) -> CalendarDate? {
        if let date = HumanDate.parse(text) { return date }
        builder.keep(ReportLine(number: line, text: "Date: " + text), reason: "the \(what) “\(text)” is not a date the importer can read")
        return nil
    }

    /// The summary cell of the seed carries three things: the summary itself, the "Local
    /// Government Act 1972 – Access to Information" statement and "Contact Officer: …".
    static func splitSummary(_ panel: inout PanelInfo, contactText: String?) {
        var summary = panel.summary
        var contact = contactText
        if let range = summary.range(of: "contact officer", options: .caseInsensitive) {
            let tail = summary[range.upperBound...].drop(while: { $0 == ":" || $0.isWhitespace })
            contact = String(tail)
            summary = String(summary[..<range.lowerBound])
        }
        if let range = summary.range(of: "local government act", options: .caseInsensitive) {
            panel.accessToInformation = summary[range.lowerBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            summary = String(summary[..<range.lowerBound])
        }
        panel.summary = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if let contact, !contact.isEmpty { panel.contact = parseContact(contact) }
    }

    /// "Hannah Raffin, Project Manager - …, London Borough of Camden 5 Pancras Square, London,
    /// N1C 4AG 020 7974 2977 / hannah.raffin@camden.gov.uk" → name, role, address, phone, email.
    static func parseContact(_ text: String) -> ContactOfficer {
        var contact = ContactOfficer()
        var rest = text.replacingOccurrences(of: "\n", with: " ")
        if let match = rest.firstMatch(of: /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+/) {
            contact.email = String(match.output.0)
            rest.removeSubrange(match.range)
        }
        if let match = rest.firstMatch(of: /(\+44\s?(\(0\))?\s?|\b0)\d{2,4}[\s\-]?\d{3,4}[\s\-]?\d{3,4}\b/) {
            contact.phone = String(match.output.0)
            rest.removeSubrange(match.range)
        }
        let separators = CharacterSet(charactersIn: " ,/;").union(.whitespaces)
        rest = rest.replacingOccurrences(of: #"(?i)\b(tel|telephone|phone|email|e-mail)\b\s*:?"#, with: "",
                                         options: .regularExpression)
        rest = rest.trimmingCharacters(in: separators)
        if let comma = rest.firstIndex(of: ",") {
            contact.name = rest[..<comma].trimmingCharacters(in: separators)
            rest = String(rest[rest.index(after: comma)...]).trimmingCharacters(in: separators)
        } else {
            contact.name = rest
            rest = ""
        }
        // The address starts at a house number followed by a capitalised street name.
        if let match = rest.firstMatch(of: /\b\d+[A-Za-z]?\s+[A-Z][a-z]/) {
            contact.address = rest[match.range.lowerBound...].trimmingCharacters(in: separators)
            rest = String(rest[..<match.range.lowerBound])
        }
        contact.role = rest.trimmingCharacters(in: separators)
        return contact
    }

    /// The panel's own name, as the report words it: "the SEND Provision Scrutiny Panel" in the
    /// summary, else the report title without "Update".
    static func panelTitle(_ panel: PanelInfo) -> String {
        for text in [panel.summary, panel.reportOf] {
            if let match = text.firstMatch(of: /((?:[A-Z][\w()\/&'’\-]*\s+)+Panel)\b/) {
                return String(match.output.1)
            }
        }
        var title = panel.reportTitle
        for suffix in [" Update", " update"] where title.hasSuffix(suffix) { title.removeLast(suffix.count) }
        return title
    }

    /// "LONDON BOROUGH OF CAMDEN" → "London Borough of Camden"; mixed case is left as typed.
    static func titleCased(_ text: String) -> String {
        guard text.contains(where: \.isLetter), !text.contains(where: \.isLowercase) else { return text }
        let small: Set<String> = ["of", "and", "the", "for", "in", "on", "upon", "at", "to"]
        return text.lowercased().split(separator: " ").enumerated().map { i, word in
            i > 0 && small.contains(String(word)) ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
