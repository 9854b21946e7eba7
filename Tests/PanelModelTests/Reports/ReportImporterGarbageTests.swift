import XCTest
@testable import PanelModel

/// Files that are not reports: each is refused with a message naming the file and saying what
/// to do, and nothing is built from them.
final class ReportImporterGarbageTests: XCTestCase {
    private func refusal(_ data: Data, file: String = "input.txt") -> ReportImportError? {
        do {
            _ = try ReportImporter.read(data, options: .init(fileName: file, now: "2024-03-01T09:00:00+00:00", ids: .readable))
            return nil
        } catch {
            return error
        }
    }

    func testEmptyAndBlankFiles() {
        XCTAssertEqual(refusal(Data()), .empty(file: "input.txt"))
        XCTAssertEqual(refusal(Data("  \n\r\n\t\n".utf8)), .empty(file: "input.txt"))
        XCTAssertEqual(refusal(Data([0xEF, 0xBB, 0xBF])), .empty(file: "input.txt"))
        XCTAssertEqual(ReportImportError.empty(file: "notes.txt").description,
                       "notes.txt: the file is empty, so there is nothing to import.")
    }

    func testBinaryFiles() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        XCTAssertEqual(refusal(png, file: "photo.txt"), .binary(file: "photo.txt", offset: 8))
        XCTAssertEqual(refusal(Data([0x41, 0x42, 0xC3, 0x28, 0x41])), .binary(file: "input.txt", offset: 2))
        // No NUL and valid UTF-8, but mostly control characters.
        XCTAssertEqual(refusal(Data((0..<400).map { UInt8(1 + $0 % 8) })), .binary(file: "input.txt", offset: 0))
        XCTAssertEqual(ReportImportError.binary(file: "photo.txt", offset: 8).description,
                       "photo.txt: not a text file (binary data at byte 8). Save the report as plain text (.txt, UTF-8) and import that.")
    }

    func testATenMegabyteLine() throws {
        var data = Data(try (SeedReport.text + "\n").utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024))
        let lineCount = try SeedReport.text.components(separatedBy: "\n").count + 1
        XCTAssertEqual(refusal(data), .lineTooLong(file: "input.txt", line: lineCount, characters: 10 * 1024 * 1024))
        XCTAssertEqual(refusal(Data(repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024)),
                       .lineTooLong(file: "input.txt", line: 1, characters: 10 * 1024 * 1024))
        XCTAssertEqual(ReportImportError.lineTooLong(file: "a.txt", line: 3, characters: 200_000).description,
                       "a.txt line 3: 200000 characters on one line (at most 100000). This is not a panel report saved as text.")
    }

    func testAnEnormousFile() {
        let data = Data(repeating: UInt8(ascii: "\n"), count: ReportLines.maxBytes + 1)
        XCTAssertEqual(refusal(data), .tooLarge(file: "input.txt", bytes: ReportLines.maxBytes + 1))
    }

    func testTextThatIsNotAReport() {
        let letter = "Dear Councillor,\n\nThank you for your letter of 3 March.\n\n1. Introduction\n\nWe will reply soon.\n"
        XCTAssertEqual(refusal(Data(letter.utf8), file: "letter.txt"), .notAReport(file: "letter.txt"))
        let csv = "name,age\nAnn,34\nBob,29\n"
        XCTAssertEqual(refusal(Data(csv.utf8)), .notAReport(file: "input.txt"))
        let code = "import Foundation\n\nfunc main() {\n    print(\"hello\")\n}\n"
        XCTAssertEqual(refusal(Data(code.utf8)), .notAReport(file: "input.txt"))
        XCTAssertTrue(ReportImportError.notAReport(file: "letter.txt").description.hasPrefix(
            "letter.txt: does not look like a panel update report"))
    }

    func testAReportWithOnlyAHeaderIsAccepted() throws {
        let report = try SeedReport.read("REPORT TITLE Panel Update\nREPORT OF Chair of the Housing Panel\n")
        XCTAssertEqual(report.document.panel.reportTitle, "Panel Update")
        XCTAssertEqual(report.document.panel.title, "Housing Panel")
        XCTAssertEqual(report.warnings, [])
    }
}
