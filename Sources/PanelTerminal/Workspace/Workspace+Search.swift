import Foundation
import PanelModel

/// `/` search over all the panel's text, and search-next / search-previous from match to match
/// in screen order: schedule, grid (row by row), questions, the panel's own fields, then notes.
extension Workspace {
    /// A place search can land on.
    enum Place: Equatable {
        case scheduleItem(String)
        case cell(CellKey)
        case question(String)
        case panelField(PanelField)
        /// A note, with its text, so matching 50,000 notes needs no look-up by id.
        case note(id: String, text: String)
    }

    /// Every place, in the order n walks them.
    var allPlaces: [Place] {
        var places = scheduleOrder.map(Place.scheduleItem)
        let f = document.framework
        for c in f.criteria {
            for d in f.dimensions { places.append(.cell(CellKey(criterion: c.id, dimension: d.id))) }
        }
        places += document.questions.map { .question($0.id) }
        places += PanelField.allCases.map(Place.panelField)
        places += document.notes.map { Place.note(id: $0.id, text: $0.text) }
        return places
    }

    func text(of place: Place) -> String {
        switch place {
        case .scheduleItem(let id):
            guard let item = document.scheduleIndex(id).map({ document.schedule[$0] }) else { return "" }
            return [item.title, item.who ?? "", item.details ?? ""].joined(separator: "\n")
        case .cell(let key): return document.framework[key]
        case .question(let id):
            guard let q = document.questionIndex(id).map({ document.questions[$0] }) else { return "" }
            return [q.number, q.title, q.text].joined(separator: "\n")
        case .panelField(let field): return field.value(in: document.panel)
        case .note(_, let text): return text
        }
    }

    /// Where the selection of the focused pane is, in `allPlaces` terms.
    private var currentPlace: Place? {
        // Still where the last search left it on a note: the next step starts after that note.
        if let match = noteMatch, match.focus == focus, match.selection == selection,
           let i = document.noteIndex(match.id) {
            return .note(id: match.id, text: document.notes[i].text)
        }
        return switch focus {
        case .schedule: selection.scheduleItem.map(Place.scheduleItem)
        case .framework: selectedTarget.flatMap {
                if case let .cell(c, d) = $0 { Place.cell(CellKey(criterion: c, dimension: d)) } else { nil }
            }
        case .questions: selection.question.map(Place.question)
        }
    }

    mutating func search(_ query: String) {
        guard !query.isEmpty else {
            searchQuery = nil
            return
        }
        searchQuery = query
        jumpToMatch(forward: true, includingCurrent: true)
    }

    /// Moves to the next (or previous) place whose text contains the query, wrapping round.
    mutating func jumpToMatch(forward: Bool, includingCurrent: Bool = false) {
        guard let query = searchQuery else {
            message = StatusMessage(text: "No search yet: / searches", isError: true)
            return
        }
        let places = allPlaces
        let matches = places.indices.filter { text(of: places[$0]).range(of: query, options: .caseInsensitive) != nil }
        guard !matches.isEmpty else {
            message = StatusMessage(text: "No match for “\(query)”", isError: true)
            return
        }
        let here = currentPlace.flatMap { places.firstIndex(of: $0) } ?? -1
        let target: Int
        if forward {
            target = matches.first { includingCurrent ? $0 >= here : $0 > here } ?? matches[0]
        } else {
            target = matches.last { $0 < here } ?? matches[matches.count - 1]
        }
        let number = matches.firstIndex(of: target)! + 1
        var note = "Match \(number) of \(matches.count) for “\(query)”"
        switch places[target] {
        case .scheduleItem(let id):
            focus = .schedule
            selection.scheduleItem = id
        case .cell(let key):
            focus = .framework
            selection.criterion = key.criterion
            selection.dimension = key.dimension
        case .question(let id):
            focus = .questions
            selection.question = id
        case .panelField(let field):
            note += " in the panel's \(field.label): " + PaneFrame.firstLine(field.value(in: document.panel))
        case .note(let id, let text):
            note += landOnNote(id) + ": " + PaneFrame.firstLine(text)
        }
        if case .note = places[target] {} else { noteMatch = nil }
        message = StatusMessage(text: note)
    }
}
