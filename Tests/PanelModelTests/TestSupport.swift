import Foundation
import XCTest
@testable import PanelModel

/// Shared by the model's tests: the seed report, scratch folders, and documents that use every
/// part of the format.
enum Fixture {
    /// The seed report the example template is transcribed from.
    static var seedReport: String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/send-panel-update-2024-03.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A panel using every optional field, every kind of note subject, and text that tests the
    /// encoder: non-ASCII, "/", quotes, a control character, an emoji, a newline.
    static var everyField: PanelDocument {
        var doc = PanelTemplates.example
        doc.panel.sections.append(ReportSection(id: "sec-questions", title: "Suggested questions",
                                                text: "Intro to the questions.", placement: .questions))
        var item = ScheduleItem(id: "sched-residential", kind: .visit, title: "Résidential visit / Ōtautahi",
                                who: "Head teacher \"Ms O'Neill\"", date: CalendarDate(year: 2024, month: 4, day: 8),
                                endDate: CalendarDate(year: 2024, month: 4, day: 10), time: "09:30",
                                status: .cancelled, details: "Coach booked.\nBring lanyards 🎫\u{1}")
        item.startedAt = "2024-04-08T09:31:00+01:00"
        item.endedAt = "2024-04-08T12:05:10.250Z"
        doc.schedule.append(item)
        doc.questions[1].status = .pursuing
        doc.questions[2].status = .answered
        doc.questions[3].status = .dropped
        doc.notes = [
            Note(id: "note-1", at: "2024-03-06T10:41:07+00:00", text: "Parents describe waiting 18 months.",
                 source: "sched-special-parents-forum-2",
                 subject: .cell(CellKey(criterion: "crit-sufficiency", dimension: "dim-diagnosis")),
                 origin: "import: notes.txt line 12"),
            Note(id: "note-2", at: "2024-03-06T10:43:00-05:00", text: "Ask about ENG audit.",
                 subject: .question("q-5-1")),
            Note(id: "note-3", at: "2024-03-06T10:44:00+00:00", text: "Unfiled: café – “quoted”"),
        ]
        doc.live = LiveSession(item: "sched-special-parents-forum-2", since: "2024-03-06T10:30:00+00:00")
        return doc
    }
}

/// A scratch folder removed after the test, so tests never see each other's files.
final class ScratchFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("scrutiny-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Every name in the folder, hidden ones included, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// The permission bits of a file (following symlinks), in octal as `ls` and `chmod` write them: "600".
func mode(of path: String) -> String {
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0, "stat \(path)")
    return String(info.st_mode & 0o7777, radix: 8)
}

/// Runs the error-throwing code and returns its StoreError, failing the test if it didn't throw one.
func storeError(_ body: () throws(StoreError) -> Void, file: StaticString = #filePath, line: UInt = #line) -> StoreError? {
    do {
        try body()
        XCTFail("expected a StoreError, but it succeeded", file: file, line: line)
        return nil
    } catch {
        return error
    }
}
