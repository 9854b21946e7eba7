import Foundation
import PanelModel

/// The `:` command line: every action by its name (":undo", ":add-criterion NAME"), plus the
/// friendly forms ":add criterion NAME", ":rename NAME", ":date TEXT", ":kind KIND",
/// ":status STATUS", ":q". Tab completes command names.
extension Workspace {
    /// Words the command line knows, for completion.
    static let commandNames: [String] = Array(Set(Action.allCases.map(\.rawValue)
        + ["q", "add", "date", "kind", "status", "export", "import", "warnings", "sync", "renumber"])).sorted()

    static let addWhat = ["criterion", "dimension", "question", "item"]

    mutating func runCommand(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        let word = String(trimmed.prefix { $0 != " " })
        let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        switch word {
        case "q": perform(.quit)
        case "add": addCommand(rest)
        case "add-criterion" where !rest.isEmpty:
            addAxisItem(.criteria, name: rest, at: (gridPosition?.row ?? -1) + 1)
        case "add-dimension" where !rest.isEmpty:
            addAxisItem(.dimensions, name: rest, at: (gridPosition?.column ?? -1) + 1)
        case "rename" where !rest.isEmpty: renameCommand(rest)
        case "rename-criterion" where !rest.isEmpty:
            applyIfAny(selection.criterion.flatMap { document.renameAxisItem(.criteria, id: $0, to: rest) })
        case "rename-dimension" where !rest.isEmpty:
            applyIfAny(selection.dimension.flatMap { document.renameAxisItem(.dimensions, id: $0, to: rest) })
        case "date", "set-date":
            if rest.isEmpty && word == "set-date" { return perform(.setDate) }
            guard let item = selectedScheduleItem(for: "set a date") else { return }
            setDate(itemID: item.id, text: rest)
        case "kind", "set-kind":
            rest.isEmpty ? perform(.setKind) : setKind(rest)
        case "status":
            rest.isEmpty ? perform(.cycleStatus) : setStatus(rest)
        case "search" where !rest.isEmpty: search(rest)
        case "note" where !rest.isEmpty: takeNote(rest)
        case "export": exportCommand(rest)
        case "import": importCommand(rest)
        case "warnings": showNextWarning()
        case "sync": syncCommand()
        case "renumber" where rest.isEmpty: renumberQuestions()
        default:
            guard let action = Action(rawValue: word) else {
                message = StatusMessage(text: "“\(word)” is not a command — Tab completes command names, ? lists the keys",
                                        isError: true)
                return
            }
            guard rest.isEmpty else {
                message = StatusMessage(text: ":\(word) takes nothing after it", isError: true)
                return
            }
            perform(action)
        }
    }

    private mutating func addCommand(_ rest: String) {
        let what = String(rest.prefix { $0 != " " })
        let name = rest.dropFirst(what.count).trimmingCharacters(in: .whitespaces)
        switch what {
        case "criterion":
            name.isEmpty ? perform(.addCriterion) : addAxisItem(.criteria, name: name, at: (gridPosition?.row ?? -1) + 1)
        case "dimension":
            name.isEmpty ? perform(.addDimension)
                : addAxisItem(.dimensions, name: name, at: (gridPosition?.column ?? -1) + 1)
        case "question":
            let at = (selection.question.flatMap(document.questionIndex) ?? document.questions.count - 1) + 1
            name.isEmpty ? (mode = .prompt(Prompt(.newQuestion(at: at)))) : addQuestion(title: name, at: at)
        case "item":
            name.isEmpty ? (mode = .prompt(Prompt(.newScheduleItem))) : addScheduleItem(title: name)
        default:
            message = StatusMessage(text: "Add what? :add criterion|dimension|question|item NAME", isError: true)
        }
    }

    /// Renames what is selected in the focused pane: a criterion, a schedule item, a question.
    private mutating func renameCommand(_ name: String) {
        switch focus {
        case .framework:
            applyIfAny(selection.criterion.flatMap { document.renameAxisItem(.criteria, id: $0, to: name) })
        case .schedule:
            guard var item = scheduleItem else { return }
            item.title = name
            applyIfAny(document.updateScheduleItem(item))
        case .questions:
            guard var q = selectedQuestion else { return }
            q.title = name
            applyIfAny(document.updateQuestion(q))
        }
    }

    /// Tab: completes the command name (or the word after "add", "kind", "status"); when several
    /// fit, completes what they share and lists them.
    mutating func complete(_ prompt: inout Prompt) {
        let text = prompt.input.text
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let candidates: [String]
        switch words.count {
        case 1: candidates = Self.commandNames
        case 2 where words[0] == "add": candidates = Self.addWhat
        case 2 where words[0] == "export": candidates = ExportFormat.allCases.map(\.rawValue)
        case 2 where words[0] == "kind" || words[0] == "set-kind": candidates = ScheduleItem.Kind.allCases.map(\.rawValue)
        case 2 where words[0] == "status":
            candidates = focus == .questions ? Question.Status.allCases.map(\.rawValue)
                : ScheduleItem.Status.allCases.map(\.rawValue)
        default: return
        }
        let partial = words.last ?? ""
        let fits = candidates.filter { $0.hasPrefix(partial) }
        guard !fits.isEmpty else {
            message = StatusMessage(text: "No command starts with “\(partial)”", isError: true)
            return
        }
        var common = fits[0]
        for f in fits.dropFirst() {
            while !f.hasPrefix(common) { common.removeLast() }
        }
        let head = words.dropLast().map { $0 + " " }.joined()
        prompt.input = TextEditor(text: head + common + (fits.count == 1 ? " " : ""))
        if fits.count > 1 { message = StatusMessage(text: fits.joined(separator: " ")) }
    }
}
