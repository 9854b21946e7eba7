import Foundation
import PanelModel

/// Setting a schedule item's date, kind and status, and a question's status, from what the
/// clerk typed at a prompt or on the command line.
extension Workspace {
    /// Accepts what `DateInput` reads; empty means "to be scheduled".
    mutating func setDate(itemID: String, text: String) {
        guard let index = document.scheduleIndex(itemID) else { return }
        var item = document.schedule[index]
        guard let parsed = DateInput.parse(text, defaultYear: today.year) else {
            message = StatusMessage(text: "“\(text)” is not a date I can read: try 6 March 2024, 6/3/2024 or 2024-03-06", isError: true)
            return
        }
        (item.date, item.endDate) = (parsed.start, parsed.end)
        guard let edit = document.updateScheduleItem(item) else { return }
        if apply(edit) {
            let shown = item.date.map { DateInput.format($0, end: item.endDate) } ?? "to be scheduled"
            message = StatusMessage(text: "“\(PaneFrame.firstLine(item.title))”: \(shown)")
        }
    }

    mutating func setKind(_ text: String) {
        guard var item = selectedScheduleItem(for: "set the kind of") else { return }
        guard let kind = ScheduleItem.Kind(rawValue: text.lowercased().trimmingCharacters(in: .whitespaces)) else {
            let kinds = ScheduleItem.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            message = StatusMessage(text: "“\(text)” is not a kind: \(kinds)", isError: true)
            return
        }
        item.kind = kind
        applyIfAny(document.updateScheduleItem(item))
    }

    mutating func setStatus(_ text: String) {
        let word = text.lowercased().trimmingCharacters(in: .whitespaces)
        switch focus {
        case .questions:
            guard var q = selectedQuestion else { return }
            guard let status = Question.Status(rawValue: word) else {
                return badStatus(text, Question.Status.allCases.map(\.rawValue))
            }
            q.status = status
            applyIfAny(document.updateQuestion(q))
        default:
            guard var item = selectedScheduleItem(for: "set the status of") else { return }
            guard let status = ScheduleItem.Status(rawValue: word) else {
                return badStatus(text, ScheduleItem.Status.allCases.map(\.rawValue))
            }
            item.status = status
            applyIfAny(document.updateScheduleItem(item))
        }
    }

    private mutating func badStatus(_ text: String, _ allowed: [String]) {
        message = StatusMessage(text: "“\(text)” is not a status here: \(allowed.joined(separator: ", "))", isError: true)
    }
}
