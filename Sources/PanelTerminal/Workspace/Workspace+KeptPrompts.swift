import PanelModel

/// "Nothing typed is ever thrown away by a key", for the one-line prompts too: Esc leaves a
/// prompt at once (it is how one backs out), but what was typed is kept and comes back, cursor
/// at its end, the next time the same prompt opens — the new-criterion name, the date, the
/// command line, the search. The message says so and names the key that brings it back.
///
/// Asking "discard?" on Esc was the alternative; it would make Esc slow in the one place the
/// clerk reaches for it in a hurry, and a kept text costs nothing: Ctrl-U clears it.
extension Prompt {
    /// Which prompt this is, for keeping its text: where a new row would go does not matter,
    /// a date is kept per schedule item, and y/n questions (confirm, ask) keep nothing.
    enum Slot: Hashable {
        case command, search, date(itemID: String), newCriterion, newDimension, newQuestion, newScheduleItem
    }

    var slot: Slot? {
        switch kind {
        case .command: .command
        case .search: .search
        case .date(let id): .date(itemID: id)
        case .newCriterion: .newCriterion
        case .newDimension: .newDimension
        case .newQuestion: .newQuestion
        case .newScheduleItem: .newScheduleItem
        case .confirm, .ask: nil
        }
    }
}

extension Workspace {
    var openPromptSlot: Prompt.Slot? {
        if case .prompt(let prompt) = mode { return prompt.slot }
        return nil
    }

    /// Called when Esc leaves `prompt`: keeps its text if anything was typed.
    mutating func keepTyped(_ prompt: Prompt) {
        guard let slot = prompt.slot else { return }
        let text = prompt.input.text
        guard !text.isEmpty, text != prompt.initialText else {
            keptPromptText[slot] = nil
            return
        }
        keptPromptText[slot] = text
        let shown = TextWrap.truncate(PaneFrame.visible(text), width: 30)
        let again = opening(slot).flatMap { action, context in
            simplest(keymap.keys(for: action, in: context)) ?? simplest(keymap.keys(for: action, in: .global))
        }
        message = StatusMessage(text: "Kept “\(shown)” — " + (again.map { KeyName.format($0) + " brings it back" }
                                                            ?? "it comes back when this prompt opens again"))
    }

    /// A prompt just opened: put back what Esc kept from it.
    mutating func bringBackKeptText() {
        guard case .prompt(var prompt) = mode, let slot = prompt.slot,
              let kept = keptPromptText.removeValue(forKey: slot) else { return }
        prompt.input = TextEditor(text: kept)
        mode = .prompt(prompt)
    }

    /// The action (and where it is bound) that opens a prompt, for the message.
    private func opening(_ slot: Prompt.Slot) -> (Action, KeyContext)? {
        switch slot {
        case .command: (.commandLine, .global)
        case .search: (.search, .global)
        case .date: (.setDate, .schedule)
        case .newCriterion: (.addCriterion, .grid)
        case .newDimension: (.addDimension, .grid)
        case .newQuestion: (.add, .questions)
        case .newScheduleItem: (.add, .schedule)
        }
    }
}
