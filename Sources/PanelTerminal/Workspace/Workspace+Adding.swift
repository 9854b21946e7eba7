import Foundation
import PanelModel

/// Adding criteria, dimensions, questions and schedule items, from a prompt or the command line.
extension Workspace {
    mutating func addAxisItem(_ axis: Axis, name: String, at index: Int) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            message = StatusMessage(text: "Nothing added: a \(axis.singular) needs a name", isError: true)
            return
        }
        if apply(document.insertAxisItem(axis, name: name, at: index)) {
            message = StatusMessage(text: "Added \(axis.singular) “\(name)”")
        }
    }

    mutating func addQuestion(title: String, at index: Int) {
        let title = title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else {
            message = StatusMessage(text: "Nothing added: a question needs a title", isError: true)
            return
        }
        let number = Self.nextQuestionNumber(document.questions.map(\.number))
        let question = Question(id: Identifier.make("q"), number: number, title: title, text: "")
        if apply(document.insertQuestion(question, at: index)) {
            // Inserted among others, its number is out of order: say how to put them right.
            let inOrder = document.renumberQuestions() == nil
            message = StatusMessage(text: "Added question \(number); Enter writes its text"
                + (inOrder ? "" : " · :renumber puts the numbers in order"))
        }
    }

    /// `:renumber`: every question numbered in list order, as one change that u undoes.
    mutating func renumberQuestions() {
        guard let edit = document.renumberQuestions() else {
            message = StatusMessage(text: "The questions are already numbered in order")
            return
        }
        let numbers = document.renumberedQuestions()
        if apply(edit) {
            let range = numbers.count > 1 ? "\(numbers[0])–\(numbers[numbers.count - 1])" : numbers[0]
            message = StatusMessage(text: "Renumbered the questions \(range) in order — u undoes")
        }
    }

    mutating func addScheduleItem(title: String) {
        let title = title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else {
            message = StatusMessage(text: "Nothing added: a schedule item needs a title", isError: true)
            return
        }
        let item = ScheduleItem(id: Identifier.make("item"), kind: .meeting, title: title)
        if apply(document.insertScheduleItem(item)) {
            message = StatusMessage(text: "Added “\(title)” to be scheduled")
        }
    }

    /// The number after the highest one: "5.2" → "5.3", "3" → "4"; "1" for the first.
    static func nextQuestionNumber(_ numbers: [String]) -> String {
        guard let last = numbers.last else { return "1" }
        let parts = last.split(separator: ".", omittingEmptySubsequences: false)
        if let tail = parts.last, let n = Int(tail) {
            return (parts.dropLast().map(String.init) + [String(n + 1)]).joined(separator: ".")
        }
        return String(numbers.count + 1)
    }
}
