import Foundation

// What each stored type writes, for `PanelStore.encode`: the same members as its `Encodable`
// conformance, in sorted key order (byte order: see `CanonicalJSONWriter`), an absent optional
// left out. Adding a field to a type means adding it in both places, its `Codable` and here;
// `CanonicalJSONTests` compares this with `JSONEncoder` on documents that fill every field, so
// it fails until the two agree.

extension PanelDocument {
    /// The document as one JSON object. Keys: conflicts (only when there are any), format,
    /// framework, live (only when a session is live), notes, panel, questions, schedule, version.
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        if !conflicts.isEmpty { json.field("conflicts", conflicts) { $0.write(to: &$1) } }
        json.field("format", PanelDocument.formatName)
        json.key("framework")
        framework.write(to: &json)
        if let live {
            json.key("live")
            live.write(to: &json)
        }
        json.field("notes", notes) { $0.write(to: &$1) }
        json.key("panel")
        panel.write(to: &json)
        json.field("questions", questions) { $0.write(to: &$1) }
        json.field("schedule", schedule) { $0.write(to: &$1) }
        json.key("version")
        json.integer(PanelDocument.currentVersion)
        json.closeObject()
    }

    /// A guess of the encoded size, a little over it for a typical panel, so the writer's buffer
    /// seldom grows: every text's bytes plus the keys and indents around it.
    var estimatedJSONSize: Int {
        var size = 64 * 1024
        for note in notes { size += note.text.utf8.count + 384 }
        for text in framework.cells.values { size += text.utf8.count + 128 }
        for question in questions { size += question.text.utf8.count + question.title.utf8.count + 256 }
        for item in schedule { size += (item.details?.utf8.count ?? 0) + item.title.utf8.count + 512 }
        for section in panel.sections { size += section.text.utf8.count + 256 }
        for conflict in conflicts {
            size += (conflict.base?.utf8.count ?? 0) + (conflict.ours?.utf8.count ?? 0)
                + (conflict.theirs?.utf8.count ?? 0) + 512
        }
        return size
    }
}

extension PanelInfo {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("accessToInformation", accessToInformation)
        json.field("authority", authority)
        json.field("chair", chair)
        json.field("committee", committee)
        json.key("contact")
        contact.write(to: &json)
        json.field("recommendation", recommendation)
        json.field("reportDate", reportDate?.iso)
        json.field("reportOf", reportOf)
        json.field("reportTitle", reportTitle)
        json.field("sections", sections) { $0.write(to: &$1) }
        json.field("signedDate", signedDate?.iso)
        json.field("summary", summary)
        json.field("title", title)
        json.field("wards", wards)
        json.closeObject()
    }
}

extension ContactOfficer {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("address", address)
        json.field("email", email)
        json.field("name", name)
        json.field("phone", phone)
        json.field("role", role)
        json.closeObject()
    }
}

extension ReportSection {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("id", id)
        json.field("placement", placement.rawValue)
        json.field("text", text)
        json.field("title", title)
        json.closeObject()
    }
}

extension Framework {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("cells", storedCells) { cell, json in
            json.openObject()
            json.field("criterion", cell.key.criterion)
            json.field("dimension", cell.key.dimension)
            json.field("text", cell.text)
            json.closeObject()
        }
        json.field("criteria", criteria) { $0.write(to: &$1) }
        json.field("dimensions", dimensions) { $0.write(to: &$1) }
        json.closeObject()
    }
}

extension AxisItem {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("id", id)
        json.field("name", name)
        json.closeObject()
    }
}

extension ScheduleItem {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("date", date?.iso)
        json.field("details", details)
        json.field("endDate", endDate?.iso)
        json.field("endedAt", endedAt)
        json.field("id", id)
        json.field("kind", kind.rawValue)
        json.field("startedAt", startedAt)
        json.field("status", status.rawValue)
        json.field("time", time)
        json.field("title", title)
        json.field("who", who)
        json.closeObject()
    }
}

extension Question {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("id", id)
        json.field("number", number)
        json.field("status", status.rawValue)
        json.field("text", text)
        json.field("title", title)
        json.closeObject()
    }
}

extension Note {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("at", at)
        json.field("id", id)
        json.field("origin", origin)
        json.field("source", source)
        if let subject {
            json.key("subject")
            subject.write(to: &json)
        }
        json.field("text", text)
        json.closeObject()
    }
}

extension NoteSubject {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        switch self {
        case .cell(let key):
            json.field("criterion", key.criterion)
            json.field("dimension", key.dimension)
        case .question(let id):
            json.field("question", id)
        }
        json.closeObject()
    }
}

extension LiveSession {
    func write(to json: inout CanonicalJSONWriter) {
        json.openObject()
        json.field("item", item)
        json.field("since", since)
        json.closeObject()
    }
}

extension MergeConflict {
    /// One flat object: the conflict's own keys and its place's keys, sorted together.
    func write(to json: inout CanonicalJSONWriter) {
        var part = "", field: String?, criterion: String?, dimension: String?, id: String?
        switch place {
        case .panel(let name):
            (part, field) = ("panel", name)
        case .cell(let key):
            (part, criterion, dimension) = ("cell", key.criterion, key.dimension)
        case .item(let kind, let itemID, let name):
            (part, id, field) = (kind.rawValue, itemID, name)
        }
        json.openObject()
        json.field("base", base)
        json.field("criterion", criterion)
        json.field("dimension", dimension)
        json.field("field", field)
        json.field("id", id)
        json.field("in", part)
        json.field("kind", kind.rawValue)
        json.field("ours", ours)
        json.field("theirs", theirs)
        json.closeObject()
    }
}
