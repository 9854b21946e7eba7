import Foundation

/// One line of an imported report, with its number as an editor shows it (from 1), so every
/// warning can say where to look.
public struct ReportLine: Equatable, Sendable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }
}

/// Why a file cannot be imported at all. Nothing is written when one of these is thrown.
public enum ReportImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case binary(file: String, offset: Int)
    case tooLarge(file: String, bytes: Int)
    case lineTooLong(file: String, line: Int, characters: Int)
    case notAReport(file: String)
    case notATable(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot be read: \(reason)"
        case let .empty(file):
            "\(file): the file is empty, so there is nothing to import."
        case let .binary(file, offset):
            "\(file): not a text file (binary data at byte \(offset)). Save the report as plain text (.txt, UTF-8) and import that."
        case let .tooLarge(file, bytes):
            "\(file): \(bytes) bytes is far larger than any panel report (at most \(ReportLines.maxBytes)). Is this the right file?"
        case let .lineTooLong(file, line, characters):
            "\(file) line \(line): \(characters) characters on one line (at most \(ReportLines.maxLineLength)). This is not a panel report saved as text."
        case let .notAReport(file):
            "\(file): does not look like a panel update report: no header fields (REPORT TITLE, REPORT OF, SUMMARY OF REPORT…) and no schedule, framework table, questions or next steps were found."
        case let .notATable(file, reason):
            "\(file): not a readable table: \(reason)"
        }
    }
}

/// Turns the bytes of a text report into numbered lines, refusing what is not text.
///
/// The checks run on the bytes before any decoding, so a 10 MB binary or a single enormous line
/// is refused quickly rather than split into graphemes first.
public enum ReportLines {
    /// Generous: the seed report is 13 KB.
    public static let maxBytes = 20_000_000
    /// The longest paragraph of a real report is a few thousand characters.
    public static let maxLineLength = 100_000

    /// Decodes and splits text: UTF-8 (with or without a byte order mark) or UTF-16 with one, as
    /// Word's "Unicode text" saves it. CRLF, CR and LF all end a line.
    public static func split(_ data: Data, file: String) throws(ReportImportError) -> [ReportLine] {
        let text = try decode(data, file: file)
        return lines(of: text)
    }

    /// Validates and decodes the bytes of a text file (shared with the grid importer).
    public static func decode(_ data: Data, file: String) throws(ReportImportError) -> String {
        if data.count > maxBytes { throw .tooLarge(file: file, bytes: data.count) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw .binary(file: file, offset: 0) }
            return try checked(text, file: file)
        }
        if let problem = scan(data) {
            switch problem {
            case .nul(let offset): throw .binary(file: file, offset: offset)
            case let .long(line, length): throw .lineTooLong(file: file, line: line, characters: length)
            }
        }
        guard var text = String(data: data, encoding: .utf8) else {
            let bad = firstInvalidUTF8([UInt8](data))
            throw .binary(file: file, offset: bad)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try checked(text, file: file)
    }

    private enum Problem { case nul(Int), long(line: Int, length: Int) }

    /// One pass over the bytes: the first NUL, or the first line longer than `maxLineLength`
    /// bytes (a line longer in bytes may still be short enough in characters; that is fine,
    /// such a line is never a report's).
    private static func scan(_ data: Data) -> Problem? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Problem? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0, line = 1, i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte == 0 { return .nul(i) }
                if byte == 0x0A || byte == 0x0D {
                    if i - lineStart > maxLineLength { return .long(line: line, length: i - lineStart) }
                    // CRLF ends one line, not two.
                    if !(byte == 0x0D && i + 1 < count && bytes[i + 1] == 0x0A) { line += 1 }
                    lineStart = i + 1
                }
                i += 1
            }
            return count - lineStart > maxLineLength ? .long(line: line, length: count - lineStart) : nil
        }
    }

    private static func checked(_ text: String, file: String) throws(ReportImportError) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) { throw .empty(file: file) }
        // Text full of control characters (other than tab and line ends) is binary in disguise.
        let controls = text.unicodeScalars.lazy.filter {
            $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "\u{0C}"
        }.count
        if controls > 16 && controls * 100 > text.unicodeScalars.count {
            let offset = text.unicodeScalars.firstIndex {
                $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r"
            }.map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) } ?? 0
            throw .binary(file: file, offset: offset)
        }
        return text
    }

    /// Splits on CRLF, CR or LF. (Swift treats "\r\n" as one Character, which `isNewline` covers.)
    public static func lines(of text: String) -> [ReportLine] {
        var result: [ReportLine] = []
        var current = ""
        for ch in text {
            if ch.isNewline && ch != "\u{2028}" && ch != "\u{2029}" {
                result.append(ReportLine(number: result.count + 1, text: current))
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { result.append(ReportLine(number: result.count + 1, text: current)) }
        return result
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || i + length > bytes.count { return i }
            if bytes[(i + 1)..<(i + length)].contains(where: { $0 >> 6 != 0b10 }) { return i }
            i += length
        }
        return i
    }
}

/// Small text helpers the importers share.
enum ReportText {
    /// Folds what differs between typists but means the same: case, typographic quotes and
    /// dashes, runs of spaces. Used to match headings and titles, never to change stored text.
    static func fold(_ text: String) -> String {
        var out = ""
        var space = false
        for ch in text.lowercased() {
            let mapped: Character
            switch ch {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": mapped = "'"
            case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": mapped = "\""
            case "\u{2013}", "\u{2014}", "\u{2212}": mapped = "-"
            case "\u{00A0}": mapped = " "
            default: mapped = ch
            }
            if mapped.isWhitespace {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(mapped)
            }
        }
        return out
    }

    /// "- 2.1. SENDCOs meeting" → "SENDCOs meeting": drops a bullet and a paragraph number.
    static func stripBulletAndNumber(_ text: String) -> (text: String, bullet: Bool, number: String?) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var bullet = false
        if let first = rest.first, "-•*–·▪●◦".contains(first), rest.dropFirst().first?.isWhitespace ?? false {
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            bullet = true
        }
        let number = leadingNumber(rest)
        if let number { rest = rest.dropFirst(number.count).drop(while: \.isWhitespace) }
        return (String(rest), bullet, number.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
    }

    /// "5.1." or "5.1" or "12." at the start, followed by a space; nil otherwise.
    static func leadingNumber(_ text: Substring) -> String? {
        var end = text.startIndex
        var sawDigit = false
        var sawDot = false
        while end < text.endIndex, text[end].isASCII, text[end].isNumber || text[end] == "." {
            if text[end] == "." { sawDot = true } else { sawDigit = true }
            end = text.index(after: end)
        }
        guard sawDigit, sawDot, end < text.endIndex, text[end].isWhitespace,
              text.first?.isNumber == true, !text[text.startIndex..<end].contains("..") else { return nil }
        return String(text[text.startIndex..<end])
    }

    /// Word saves lists as text with a tab after the marker ("2.<TAB>Interviews…",
    /// "•<TAB>Vikram…"). That tab is a space, not a table column.
    static func untabbedMarker(_ line: String) -> String {
        guard let match = line.prefixMatch(of: /[ ]*(?:[-•*–·▪●◦]|\d{1,3}(?:\.\d{1,3})*[.)])\t/) else { return line }
        var text = line
        text.replaceSubrange(text.index(before: match.range.upperBound)..<match.range.upperBound, with: " ")
        return text
    }

    /// Cells of a tab-separated line, each trimmed of spaces.
    static func cells(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: String(MarkdownReportText.cellBreak), with: "\n")
        }
    }

    /// Drops empty cells at the end (reports' tables often end each row with a tab).
    static func trimmedCells(_ line: String) -> [String] {
        var cells = cells(line)
        while cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }
}
