/// Reads the suggested questions: numbered sub-headings ("5.1. ENG and Clusters") each followed
/// by paragraphs of text. Numbered paragraphs ("6.1. The key next steps will be…") are prose,
/// not questions: a heading is short and does not end with a full stop.
enum ReportQuestions {
    static func looksLikeQuestions(_ lines: [ReportLine], title: String) -> Bool {
        let headings = lines.filter { heading($0.text) != nil }.count
        return headings >= 2 || (headings >= 1 && ReportText.fold(title).contains("question"))
    }

    /// "5.1. ENG and Clusters" → ("5.1", "ENG and Clusters"); nil for anything else.
    static func heading(_ text: String) -> (number: String, title: String)? {
        var line = text.trimmingCharacters(in: .whitespaces)
        while line.hasPrefix("#") { line.removeFirst() }
        line = ReportSectionSplitter.unbold(line.trimmingCharacters(in: .whitespaces))
        let (rest, bullet, number) = ReportText.stripBulletAndNumber(line)
        guard !bullet, let number, number.contains("."), !line.contains("\t") else { return nil }
        let title = ReportSectionSplitter.unbold(rest)
        guard !title.isEmpty, title.count <= 120, !title.hasSuffix(".") else { return nil }
        // "2.1. SENDCOs meeting on 14 December 2023" is an item of a numbered list, not a question.
        guard ReportSchedule.splitTrailingDate(title).dates == nil else { return nil }
        return (number, title)
    }

    /// Adds the questions; returns the lines before the first one (the section's introduction).
    static func read(_ lines: [ReportLine], into builder: inout ReportBuilder) -> [ReportLine] {
        var intro: [ReportLine] = []
        var current: (number: String, title: String, body: [ReportLine])?
        func finish(_ builder: inout ReportBuilder) {
            guard let q = current else { return }
            let text = ReportSectionSplitter.paragraphs(q.body)
            builder.document.questions.append(
                Question(id: builder.makeID("q", q.number), number: q.number, title: q.title, text: text))
        }
        for line in lines {
            if let (number, title) = heading(line.text) {
                finish(&builder)
                current = (number, title, [])
            } else if current != nil {
                current!.body.append(line)
            } else {
                intro.append(line)
            }
        }
        finish(&builder)
        return intro
    }
}
