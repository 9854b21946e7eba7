/// Where each table header and key sits in a TOML text, by line number (from 1).
///
/// TOMLKit parses the file but does not say on which line a key was written, and an error
/// message without a line leaves the reader hunting. This scan reads only what keymap files
/// use: `[table]` headers and `key = value` lines whose key is bare, "quoted" or 'literal'.
/// Anything else is skipped; a key it cannot place simply gets no line in the message.
struct TOMLKeyLines {
    /// The header line of each table, by name ("grid" for `[grid]`).
    private(set) var tables: [String: Int] = [:]
    /// The line of each key, by table (nil for keys before the first header) and decoded key.
    private var keys: [TableKey: Int] = [:]

    /// The first key written twice in one table: its table, key, line and the earlier line.
    private(set) var firstRepeat: (table: String?, key: String, line: Int, earlierLine: Int)?

    private struct TableKey: Hashable {
        var table: String?
        var key: String
    }

    init(_ text: String) {
        var table: String? = nil
        for (index, rawLine) in KeymapTextLines.atNewlines(text).enumerated() {
            let lineNumber = index + 1
            var line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                line = line.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
                guard let (name, after) = Self.readKey(line),
                      after.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("]") else { continue }
                table = name
                if tables[name] == nil { tables[name] = lineNumber }
            } else if let (key, after) = Self.readKey(line),
                      after.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") {
                let place = TableKey(table: table, key: key)
                if let earlier = keys[place] {
                    if firstRepeat == nil { firstRepeat = (table, key, lineNumber, earlier) }
                } else {
                    keys[place] = lineNumber
                }
            }
        }
    }

    /// The line where `key` is written inside `table` (nil: before any header).
    func line(of key: String, in table: String?) -> Int? {
        keys[TableKey(table: table, key: key)]
    }

    /// Reads one key at the start of `text`: bare (letters, digits, "-", "_"), a basic string
    /// with backslash escapes, or a literal string. Returns the decoded key and what follows.
    private static func readKey(_ text: Substring) -> (String, Substring)? {
        guard let first = text.first else { return nil }
        switch first {
        case "'":
            let body = text.dropFirst()
            guard let end = body.firstIndex(of: "'") else { return nil }
            return (String(body[..<end]), body[body.index(after: end)...])
        case "\"":
            var decoded = ""
            var rest = text.dropFirst()
            while let c = rest.first {
                rest = rest.dropFirst()
                switch c {
                case "\"":
                    return (decoded, rest)
                case "\\":
                    guard let escaped = rest.first else { return nil }
                    rest = rest.dropFirst()
                    switch escaped {
                    case "n": decoded.append("\n")
                    case "t": decoded.append("\t")
                    case "u", "U":
                        let digits = escaped == "u" ? 4 : 8
                        guard let value = UInt32(String(rest.prefix(digits)), radix: 16),
                              let scalar = Unicode.Scalar(value) else { return nil }
                        decoded.unicodeScalars.append(scalar)
                        rest = rest.dropFirst(digits)
                    default: decoded.append(escaped)  // \" and \\ (and anything TOML would reject)
                    }
                default:
                    decoded.append(c)
                }
            }
            return nil
        default:
            let bare = text.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            guard !bare.isEmpty else { return nil }
            return (String(bare), text.dropFirst(bare.count))
        }
    }
}
