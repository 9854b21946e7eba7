/// The lines of a keymap's text, found by scanning its UTF-8 bytes.
///
/// Splitting a `String` on `Character`s runs grapheme breaking over every character: it was
/// half of the 9 M instructions of reading the default keymap at start-up. Line ends never
/// join a grapheme with what is around them (only "\r\n" is one `Character`), so looking for
/// their bytes splits exactly where the `Character` split does; each line is still a
/// `Substring` of the text, read as `Character`s by whoever needs to.
enum KeymapTextLines {
    /// As `text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }`.
    static func atLineFeeds(_ text: String) -> [Substring] {
        split(text) { byte, next in
            byte == 0x0A ? 1 : byte == 0x0D && next(0) == 0x0A ? 2 : 0
        }
    }

    /// As `text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`: LF, CR LF,
    /// CR, VT, FF, NEL (U+0085), LINE and PARAGRAPH SEPARATOR (U+2028, U+2029).
    static func atNewlines(_ text: String) -> [Substring] {
        split(text) { byte, next in
            switch byte {
            case 0x0A, 0x0B, 0x0C: 1
            case 0x0D: next(0) == 0x0A ? 2 : 1
            case 0xC2: next(0) == 0x85 ? 2 : 0
            case 0xE2: next(0) == 0x80 && (next(1) == 0xA8 || next(1) == 0xA9) ? 3 : 0
            default: 0
            }
        }
    }

    /// Splits where `separator` (given a byte and a look at the bytes after it) says a line end
    /// of that many bytes starts.
    private static func split(_ text: String,
                              separator: (UInt8, (Int) -> UInt8?) -> Int) -> [Substring] {
        let bytes = text.utf8
        var lines: [Substring] = []
        var lineStart = bytes.startIndex
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let after = bytes.index(after: i)
            let length = separator(bytes[i]) { ahead in
                guard let j = bytes.index(after, offsetBy: ahead, limitedBy: bytes.endIndex),
                      j != bytes.endIndex else { return nil }
                return bytes[j]
            }
            if length == 0 {
                i = after
                continue
            }
            lines.append(text[lineStart..<i])
            i = bytes.index(i, offsetBy: length)
            lineStart = i
        }
        lines.append(text[lineStart...])
        return lines
    }
}
