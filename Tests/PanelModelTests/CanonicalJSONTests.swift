import Foundation
import XCTest
@testable import PanelModel
import ScrutinyTestSupport

/// `PanelStore.encode` writes its JSON by hand (`CanonicalJSONWriter`), and must write exactly
/// the bytes `JSONEncoder` writes, which every store saved before it holds: otherwise the first
/// save after an upgrade would rewrite every file and `git diff` would show changes nobody made.
/// `JSONEncoder` is the reference here.
///
/// A new field in a stored type needs both its `Codable` conformance and
/// `PanelDocument+CanonicalJSON.swift`, and must be filled by `HostilePanels` below:
/// `testRandomDocumentsFillingEveryFieldMatchJSONEncoder` then fails until the writer writes it
/// (a new field JSONEncoder writes and the writer doesn't changes the bytes), and
/// `testTheRandomDocumentsReallyFillEveryField` fails while the generator leaves it out.
final class CanonicalJSONTests: XCTestCase {
    func testTheTemplatesMatchJSONEncoder() throws {
        for (name, document) in [("example", PanelTemplates.example), ("blank", PanelTemplates.blank),
                                 ("every field", Fixture.everyField), ("empty", PanelDocument())] {
            try assertSameBytes(document, name)
        }
    }

    func testRandomDocumentsFillingEveryFieldMatchJSONEncoder() throws {
        for seed in HostilePanels.seeds {
            guard try assertSameBytes(HostilePanels.document(seed: seed), "seed \(seed)") else { break }
        }
    }

    /// The guard that the comparison above covers every field: a field the generator never
    /// fills would be absent from both encodings, and the comparison could not notice that the
    /// writer leaves it out.
    func testTheRandomDocumentsReallyFillEveryField() {
        var filled = FieldCoverage()
        for seed in HostilePanels.seeds { filled.visit(HostilePanels.document(seed: seed)) }
        XCTAssertEqual(filled.neverFilled, [], "fill these in HostilePanels (and write them in PanelDocument+CanonicalJSON.swift)")
        for field in ["PanelDocument.live", "PanelInfo.sections", "ScheduleItem.who", "Note.subject", "MergeConflict.base"] {
            XCTAssertNotNil(filled.fields[field], "the walk reaches \(field)")
        }
    }

    /// The stores `scripts/gen-store` writes for the bench: the generator writes canonical bytes
    /// of its own (Python's json), and they load and save again unchanged.
    func testTheBenchStoresSaveToTheirOwnBytes() throws {
        let scratch = try ScratchFolder()
        let process = Process()
        process.executableURL = Fixture.repositoryRoot.appendingPathComponent("scripts/gen-store")
        process.arguments = [scratch.path, "--sizes", "50KB,2MB"]
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "scripts/gen-store needs python3")
        for name in ["panel-50KB.json", "panel-2MB.json"] {
            let bytes = try Data(contentsOf: scratch.file(name))
            let document = try PanelStore.decode(bytes, file: name)
            XCTAssertGreaterThan(document.notes.count, 60, name)
            XCTAssertTrue(PanelStore.encode(document) == bytes, "\(name): the writer changed the file's bytes")
            XCTAssertTrue(try ReferenceJSON.encode(document) == bytes, "\(name): JSONEncoder changed the file's bytes")
            XCTAssertGreaterThanOrEqual(document.estimatedJSONSize, bytes.count, "\(name): the writer's buffer had to grow")
        }
    }

    /// The facts the writer was built on (see `CanonicalJSONWriter`), each pinned by its bytes, so
    /// a toolchain whose `JSONEncoder` changes one says which.
    func testEscapingMatchesJSONEncoderForEveryKindOfCharacter() throws {
        var everyASCII = ""
        for value in 0...0x7F { everyASCII.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let texts = [
            everyASCII, "", "\u{80}\u{9F}\u{A0}", "\u{2028}\u{2029}\u{FEFF}", "😀 🇬🇧 👨‍👩‍👧", "e\u{301} \u{301}",
            "\r\n", "שלום", "漢字", "\\\"", "\"\"", "\\\\u0041", "a/b</script>", "\u{10FFFF}\u{FFFF}",
        ]
        for text in texts { try assertSameBytes(documentWithNote(text), "text \(text.debugDescription)") }

        func written(_ text: String) -> String {
            let json = String(decoding: PanelStore.encode(documentWithNote(text)), as: UTF8.self)
            let start = json.range(of: "\"text\" : ")!.upperBound
            return String(json[start...].prefix { $0 != "\n" })
        }
        XCTAssertEqual(written("\u{8}\u{9}\u{A}\u{C}\u{D}"), #""\b\t\n\f\r""#, "five controls have short escapes")
        XCTAssertEqual(written("\u{0}\u{1}\u{B}\u{1B}\u{1F}"), #""\u0000\u0001\u000b\u001b\u001f""#,
                       "the other controls are \\u00XX with lower-case hex")
        XCTAssertEqual(written("\"\\/"), #""\"\\/""#, "quote and backslash escaped, slash not")
        XCTAssertEqual(written("\u{7F}\u{85}\u{2028}\u{2029}é😀"), "\"\u{7F}\u{85}\u{2028}\u{2029}é😀\"",
                       "DEL, C1 controls, line and paragraph separators and all non-ASCII are written as they are")
        XCTAssertEqual(written(""), #""""#)
    }

    func testEmptyListsAndNestingAreLaidOutAsJSONEncoderLaysThemOut() throws {
        let text = String(decoding: PanelStore.encode(PanelDocument()), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"format\" : \"scrutiny-panel\",\n  \"framework\" : {\n    \"cells\" : [\n\n    ],"), text)
        XCTAssertTrue(text.hasSuffix("  \"schedule\" : [\n\n  ],\n  \"version\" : 1\n}\n"), text)
        try assertSameBytes(PanelDocument(), "empty document")
    }

    /// The writer's first guess of the size is only a guess: past it the buffer grows, and the
    /// bytes are the same whatever the guess.
    func testTheBufferGrowsPastItsFirstGuess() throws {
        let document = HostilePanels.document(seed: 7)
        var json = CanonicalJSONWriter(capacity: 1)
        document.write(to: &json)
        json.newline()
        let bytes = json.finish()
        XCTAssertGreaterThan(bytes.count, 4 * 1024, "far past the 64 bytes it starts with")
        XCTAssertTrue(bytes == PanelStore.encode(document))
        XCTAssertTrue(bytes == (try ReferenceJSON.encode(document)))
    }

    func testTheSizeGuessCoversATypicalPanel() {
        for document in [PanelTemplates.example, HostilePanels.document(seed: 3)] {
            XCTAssertGreaterThanOrEqual(document.estimatedJSONSize, PanelStore.encode(document).count)
        }
    }

    /// The eight-bytes-at-a-time test agrees with the byte-by-byte one: every byte value at
    /// every place in a word, among clean ASCII and among non-ASCII bytes, and random words.
    func testTheWordAtATimeEscapeCheckAgreesWithTheByteCheck() {
        for background in [UInt8(ascii: "a"), 0xFF, 0x80, 0x21, 0x5D] {
            for place in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: background, count: 8)
                    bytes[place] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    XCTAssertEqual(CanonicalJSONWriter.anyNeedsEscape(word), bytes.contains(where: CanonicalJSONWriter.needsEscape),
                                   "byte \(value) at \(place) among \(background)")
                }
            }
        }
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &rng)
            // Mostly bytes that need no escape, so runs of every length occur.
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<12, using: &rng) == 0 ? UInt8.random(in: 0...0x5C, using: &rng) : UInt8.random(in: 0x5D...0xFF, using: &rng)
            }
            let expected = bytes.firstIndex(where: CanonicalJSONWriter.needsEscape) ?? bytes.count
            let found = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { CanonicalJSONWriter.lengthNeedingNoEscape($0, buffer.count) } ?? 0
            }
            XCTAssertEqual(found, expected, "\(bytes)")
        }
    }

    // MARK: Helpers

    private func documentWithNote(_ text: String) -> PanelDocument {
        var document = PanelTemplates.blank
        document.notes = [Note(id: "note-1", at: "2024-03-06T10:41:07+00:00", text: text)]
        return document
    }

    /// Fails, showing where the bytes part, unless the writer and JSONEncoder agree.
    @discardableResult
    private func assertSameBytes(_ document: PanelDocument, _ name: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let written = PanelStore.encode(document)
        let reference = try ReferenceJSON.encode(document)
        guard written != reference else { return true }
        let (a, b) = (Array(written), Array(reference))
        let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 120)..<min(bytes.count, at + 120)], as: UTF8.self)
        }
        XCTFail("\(name): the writer's bytes differ from JSONEncoder's at byte \(at) (\(a.count) vs \(b.count) bytes)\n"
                + "writer:\n\(around(a))\nJSONEncoder:\n\(around(b))", file: file, line: line)
        return false
    }
}

/// What `PanelStore.encode` wrote before the direct writer, and must go on writing.
enum ReferenceJSON {
    static func encode(_ document: PanelDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }
}

/// Seeded random panels that set every optional field somewhere (and leave each out somewhere
/// else), every kind of conflict and note subject, in text made to trip an encoder.
enum HostilePanels {
    static let seeds: [UInt64] = Array(1...40)

    /// Text an escaper could get wrong: every control character, DEL, C1 controls, separators,
    /// quotes, backslashes, slashes, emoji, combining marks, other scripts, and nothing at all.
    static let pieces: [String] = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) } + [
        "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\"", "\\", "/", "\\\"", "'",
        "😀", "🇬🇧", "👨‍👩‍👧", "e\u{301}", "\u{301}", "\u{200B}", "שלום", "漢字", "café", "\r\n", "\\u0000",
        "plain words", "Provision/ Funding", "", " ", "{}", "[]", ":", ",", "null", "0",
    ]

    static func document(seed: UInt64) -> PanelDocument {
        var rng = SeededGenerator(seed: seed)
        func text() -> String {
            (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        func maybe(_ value: @autoclosure () -> String) -> String? { Bool.random(using: &rng) ? value() : nil }
        func date() -> CalendarDate {
            CalendarDate(year: Int.random(in: 1...9999, using: &rng), month: Int.random(in: 1...12, using: &rng),
                         day: Int.random(in: 1...28, using: &rng))!
        }

        var panel = PanelInfo()
        for field in PanelField.allCases { field.set(text(), in: &panel) }
        panel.reportDate = Bool.random(using: &rng) ? date() : nil
        panel.signedDate = Bool.random(using: &rng) ? date() : nil
        panel.sections = ReportSection.Placement.allCases.map {
            ReportSection(id: "sec-\($0)" + text(), title: text(), text: text(), placement: $0)
        }

        let schedule = (0..<Int.random(in: 1...8, using: &rng)).map { i in
            var item = ScheduleItem(id: "item-\(i)" + text(), kind: ScheduleItem.Kind.allCases.randomElement(using: &rng)!,
                                    title: text(), who: maybe(text()), date: Bool.random(using: &rng) ? date() : nil,
                                    endDate: Bool.random(using: &rng) ? date() : nil, time: maybe(text()),
                                    status: ScheduleItem.Status.allCases.randomElement(using: &rng)!, details: maybe(text()))
            item.startedAt = maybe(text())
            item.endedAt = maybe(text())
            return item
        }

        let criteria = (0..<Int.random(in: 0...4, using: &rng)).map { AxisItem(id: "crit-\($0)" + text(), name: text()) }
        let dimensions = (0..<Int.random(in: 0...4, using: &rng)).map { AxisItem(id: "dim-\($0)" + text(), name: text()) }
        var framework = Framework(criteria: criteria, dimensions: dimensions)
        for criterion in criteria { for dimension in dimensions { framework[criterion.id, dimension.id] = text() } }
        // Cells whose row or column is gone: written after the grid, sorted.
        for i in 0..<Int.random(in: 1...3, using: &rng) { framework["gone-\(i)" + text(), "dim-x" + text()] = "orphan" + text() }

        let questions = (0..<Int.random(in: 1...5, using: &rng)).map { i in
            Question(id: "q-\(i)" + text(), number: text(), title: text(), text: text(),
                     status: Question.Status.allCases.randomElement(using: &rng)!)
        }

        let notes = (0..<Int.random(in: 1...30, using: &rng)).map { i in
            let subject: NoteSubject? = switch Int.random(in: 0...2, using: &rng) {
            case 0: .cell(CellKey(criterion: text(), dimension: text()))
            case 1: .question(text())
            default: nil
            }
            return Note(id: "note-\(i)" + text(), at: text(), text: text(), source: maybe(text()), subject: subject,
                        origin: maybe(text()))
        }

        var places: [ConflictPlace] = [.panel(field: text()), .cell(CellKey(criterion: text(), dimension: text()))]
        for kind in ConflictPlace.ItemKind.allCases {
            places.append(.item(kind, id: text(), field: text()))
            places.append(.item(kind, id: text(), field: nil))
        }
        var conflicts: [MergeConflict] = []
        for kind in MergeConflict.Kind.allCases {
            for place in places where Bool.random(using: &rng) {
                conflicts.append(MergeConflict(kind: kind, place: place, base: maybe(text()), ours: maybe(text()),
                                               theirs: maybe(text())))
            }
        }

        var document = PanelDocument(panel: panel, schedule: schedule, framework: framework, questions: questions,
                                     notes: notes, conflicts: Int.random(in: 0...3, using: &rng) == 0 ? [] : conflicts)
        document.live = Bool.random(using: &rng) ? LiveSession(item: text(), since: text()) : nil
        return document
    }
}

/// Walks values by reflection and records, for every optional field and every list of every
/// type it meets, whether some value had it set (or not empty). A field the walk sees but never
/// sees filled is one the byte comparison cannot be checking.
struct FieldCoverage {
    /// "ScheduleItem.who" → filled at least once.
    private(set) var fields: [String: Bool] = [:]

    var neverFilled: [String] { fields.filter { !$0.value }.keys.sorted() }

    mutating func visit(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        let owner = String(describing: mirror.subjectType)
        for child in mirror.children {
            let field = Mirror(reflecting: child.value)
            if let label = child.label, [.optional, .collection, .dictionary].contains(field.displayStyle) {
                fields["\(owner).\(label)", default: false] = fields["\(owner).\(label)", default: false] || !field.children.isEmpty
            }
            visit(child.value)
        }
    }
}
