import PanelModel

/// What the keyboard is doing right now. Exactly one at a time, so a key can never be read
/// both as text and as a command.
enum Mode: Equatable {
    case normal
    /// Text being edited in place.
    case editing(EditSession)
    /// A one-line question at the bottom of the screen.
    case prompt(Prompt)
    /// The key overlay, scrolled to this line.
    case help(firstLine: Int)
    /// The notes drawer or a note view (session, today, unfiled); see `NotesView`.
    case notes(NotesView)
}

struct EditSession: Equatable {
    var target: EditTarget
    var editor: TextEditor
    /// The notes view to go back to when this editor closes (a note edited from the drawer).
    var returnTo: NotesView? = nil
}

/// A line of input at the bottom: the command line, a search, a name, a date, or a y/n question.
struct Prompt: Equatable {
    enum Kind: Equatable {
        case command
        case search
        case date(itemID: String)
        case newCriterion(at: Int)
        case newDimension(at: Int)
        case newQuestion(at: Int)
        case newScheduleItem
        /// Applies `edit` on "y"; anything else but "n" asks again.
        case confirm(question: String, edit: Edit)
        /// A y/n question whose "y" does `answer` (a paste over cells with text, replacing a file).
        case ask(question: String, answer: PendingAnswer)
    }

    var kind: Kind
    var input: TextEditor
    /// What it opened with (a schedule item's date, or nothing): Esc keeps the text only if
    /// something was typed (see Workspace+KeptPrompts).
    let initialText: String

    init(_ kind: Kind, text: String = "") {
        self.kind = kind
        self.input = TextEditor(text: text)
        self.initialText = text
    }

    var label: String {
        switch kind {
        case .command: ":"
        case .search: "/"
        case .date: "Date (e.g. 6 March 2024; empty = to be scheduled): "
        case .newCriterion: "New criterion: "
        case .newDimension: "New dimension: "
        case .newQuestion: "New question: "
        case .newScheduleItem: "New schedule item: "
        case .confirm(let question, _), .ask(let question, _): question + " (y/n) "
        }
    }
}

/// What is selected in each pane, by id, so reordering and renaming keep it.
struct Selection: Equatable, Sendable {
    var criterion: String?
    var dimension: String?
    var scheduleItem: String?
    var question: String?
}

/// How far each pane is scrolled (first row or column shown).
struct ScrollOffsets: Equatable {
    var gridRow = 0
    var gridColumn = 0
    var schedule = 0
    var questions = 0
}
