/// Builds edits from the document as it is now, so callers say what they want ("set this cell
/// to …", "remove this question") and never assemble old values by hand.
extension PanelDocument {
    public func setCell(_ key: CellKey, to text: String) -> Edit {
        .setCell(key, from: framework[key], to: text)
    }

    public func setPanelField(_ field: PanelField, to text: String) -> Edit {
        .setPanelField(field, from: field.value(in: panel), to: text)
    }

    public func insertAxisItem(_ axis: Axis, name: String, at index: Int? = nil, id: String? = nil) -> Edit {
        let items = framework.items(axis)
        let item = AxisItem(id: id ?? Identifier.make(axis == .criteria ? "crit" : "dim"), name: name)
        return .insertAxisItem(axis, item, at: min(index ?? items.count, items.count), cells: [:])
    }

    public func renameAxisItem(_ axis: Axis, id: String, to name: String) -> Edit? {
        guard let item = framework.items(axis).first(where: { $0.id == id }) else { return nil }
        return .renameAxisItem(axis, id: id, from: item.name, to: name)
    }

    public func moveAxisItem(_ axis: Axis, id: String, to index: Int) -> Edit? {
        let items = framework.items(axis)
        guard let from = items.firstIndex(where: { $0.id == id }), items.indices.contains(index) else { return nil }
        return .moveAxisItem(axis, id: id, from: from, to: index)
    }

    /// Removes a criterion or dimension with its cells. Notes about its cells are kept, with no
    /// subject ("unfiled"), in the same undoable step.
    public func removeAxisItem(_ axis: Axis, id: String) -> Edit? {
        let items = framework.items(axis)
        guard let index = items.firstIndex(where: { $0.id == id }) else { return nil }
        let unfile = notes.filter {
            guard case .cell(let key)? = $0.subject else { return false }
            return (axis == .criteria ? key.criterion : key.dimension) == id
        }.map(unfiling)
        let remove = Edit.removeAxisItem(axis, items[index], at: index, cells: framework.cells(along: axis, id: id))
        return .batch("delete \(axis.singular) “\(items[index].name)”", unfile + [remove])
    }

    /// How many notes would lose their subject if this criterion or dimension were removed.
    public func notesFiled(under axis: Axis, id: String) -> Int {
        notes.count {
            guard case .cell(let key)? = $0.subject else { return false }
            return (axis == .criteria ? key.criterion : key.dimension) == id
        }
    }

    public func notesFiled(underQuestion id: String) -> Int {
        notes.count { $0.subject == .question(id) }
    }

    public func insertQuestion(_ question: Question, at index: Int? = nil) -> Edit {
        .insertQuestion(question, at: min(index ?? questions.count, questions.count))
    }

    public func updateQuestion(_ question: Question) -> Edit? {
        guard let i = questionIndex(question.id) else { return nil }
        return .updateQuestion(from: questions[i], to: question)
    }

    public func moveQuestion(id: String, to index: Int) -> Edit? {
        guard let from = questionIndex(id), questions.indices.contains(index) else { return nil }
        return .moveQuestion(id: id, from: from, to: index)
    }

    /// Removes a question; notes about it are kept, unfiled, in the same step.
    public func removeQuestion(id: String) -> Edit? {
        guard let i = questionIndex(id) else { return nil }
        let unfile = notes.filter { $0.subject == .question(id) }.map(unfiling)
        return .batch("delete question \(questions[i].number)", unfile + [.removeQuestion(questions[i], at: i)])
    }

    public func insertScheduleItem(_ item: ScheduleItem, at index: Int? = nil) -> Edit {
        .insertScheduleItem(item, at: min(index ?? schedule.count, schedule.count))
    }

    public func updateScheduleItem(_ item: ScheduleItem) -> Edit? {
        guard let i = scheduleIndex(item.id) else { return nil }
        return .updateScheduleItem(from: schedule[i], to: item)
    }

    public func moveScheduleItem(id: String, to index: Int) -> Edit? {
        guard let from = scheduleIndex(id), schedule.indices.contains(index) else { return nil }
        return .moveScheduleItem(id: id, from: from, to: index)
    }

    /// Removes a schedule item; notes taken in it keep their text and lose their source.
    public func removeScheduleItem(id: String) -> Edit? {
        guard let i = scheduleIndex(id) else { return nil }
        let detach = notes.filter { $0.source == id }.map { note -> Edit in
            var changed = note
            changed.source = nil
            return .updateNote(from: note, to: changed)
        }
        // A live session cannot outlive its item: it ends (unrecorded) with it.
        let endLive: [Edit] = live?.item == id ? [.setLive(from: live, to: nil)] : []
        return .batch("delete “\(schedule[i].title)”", detach + endLive + [.removeScheduleItem(schedule[i], at: i)])
    }

    public func insertNote(_ note: Note) -> Edit {
        .insertNote(note, at: notes.count)
    }

    public func updateNote(_ note: Note) -> Edit? {
        guard let i = noteIndex(note.id) else { return nil }
        return .updateNote(from: notes[i], to: note)
    }

    public func removeNote(id: String) -> Edit? {
        guard let i = noteIndex(id) else { return nil }
        return .removeNote(notes[i], at: i)
    }

    private func unfiling(_ note: Note) -> Edit {
        var changed = note
        changed.subject = nil
        return .updateNote(from: note, to: changed)
    }
}
