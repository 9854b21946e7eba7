/// Question numbers put back in list order. A new question takes the number after the last one
/// wherever it is inserted, and moving questions keeps their numbers, so numbers drift out of
/// order; renumbering is the clerk's choice (`:renumber`), never automatic, because the panel
/// may already have quoted "question 5.3" in a report.
///
/// Each number keeps its prefix, the text before its trailing digits ("5." of "5.3", "Q" of
/// "Q7"), and questions sharing a prefix are counted 1, 2, 3 … in the order they are listed.
/// A number without trailing digits ("ENG") is left as it is.
extension PanelDocument {
    /// The numbers the questions would have, in list order.
    public func renumberedQuestions() -> [String] {
        var counters: [String: Int] = [:]
        return questions.map { question in
            guard let prefix = Self.numberPrefix(question.number) else { return question.number }
            counters[prefix, default: 0] += 1
            return prefix + String(counters[prefix]!)
        }
    }

    /// One undoable change renumbering every question that needs it; nil when all are in order.
    public func renumberQuestions() -> Edit? {
        let changes = zip(questions, renumberedQuestions()).compactMap { question, number -> Edit? in
            guard question.number != number else { return nil }
            var renumbered = question
            renumbered.number = number
            return .updateQuestion(from: question, to: renumbered)
        }
        return changes.isEmpty ? nil : .batch("renumber questions", changes)
    }

    /// "5." for "5.3", "" for "12", nil for a number that does not end in digits.
    static func numberPrefix(_ number: String) -> String? {
        let digits = number.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        return String(number.dropLast(digits.count))
    }
}
