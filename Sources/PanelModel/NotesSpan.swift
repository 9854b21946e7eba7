import Foundation

/// Where the top-level `"notes"` array sits in a store's bytes, found without decoding them, so
/// opening can decode everything else first (the first screen needs no note) and the notes (most
/// of a big store's bytes) on another thread.
///
/// Nothing here has to be right for the document to be: `PanelStore.decodeWithoutNotes` decodes
/// both parts with `JSONDecoder`, which checks each fully, and any doubt (a layout this does not
/// follow, an escaped or repeated key, a part that does not decode) means a whole decode, as
/// before. What this must get right is only the lexing up to the notes and after them (strings,
/// escapes, depth), so that the range is the value of the one top-level key `notes`.
public enum NotesSpan {
    /// The byte range (offsets into `data`) of the top-level `notes` value, an array; nil when the
    /// bytes are not one JSON object holding exactly one such key, read plainly (no escaped key).
    public static func locate(in data: Data) -> Range<Int>? {
        data.withUnsafeBytes { raw -> Range<Int>? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            var scanner = Scanner(bytes: base, count: raw.count)
            return scanner.topLevelNotes()
        }
    }

    /// The notes array at `range` (from `locate`) cut into pieces of about `size` bytes, each a
    /// run of whole notes without the commas between pieces: `[` + piece + `]` is a JSON list of
    /// notes, and the pieces' lists joined are the array's. Cut only where the layout Scrutiny
    /// writes ends a note ("\n    }" then ","), which no string can hold (no raw line break);
    /// in any other layout, one piece: the array's inside as it is.
    public static func pieces(of range: Range<Int>, in data: Data, size: Int) -> [Range<Int>] {
        data.withUnsafeBytes { raw -> [Range<Int>] in
            guard let bytes = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), range.count >= 2 else { return [] }
            let end = range.upperBound - 1  // the closing bracket
            var pieces: [Range<Int>] = []
            var start = range.lowerBound + 1, from = start + size
            while from < end, let found = memchr(bytes + from, Int32(UInt8(ascii: "}")), end - from) {
                let brace = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
                from = brace + 1
                guard brace - 5 > start, brace + 1 < end, bytes[brace + 1] == UInt8(ascii: ","),
                      bytes[brace - 5] == 0x0A, (brace - 4..<brace).allSatisfy({ bytes[$0] == 0x20 }) else { continue }
                pieces.append(start..<(brace + 1))
                start = brace + 2
                from = start + size
            }
            pieces.append(start..<end)
            return pieces
        }
    }

    /// A cursor over raw bytes; every method stops at the end of the buffer (reporting failure)
    /// and allocates nothing.
    private struct Scanner {
        let bytes: UnsafePointer<UInt8>
        let count: Int
        var at = 0

        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
        /// `notes`, the key looked for.
        static let notesKey: [UInt8] = Array("notes".utf8)

        /// Walks the top-level object key by key; the notes' value is skipped by the canonical
        /// shortcut when it fits, by the full lexer otherwise.
        mutating func topLevelNotes() -> Range<Int>? {
            skipSpace()
            guard take(Self.openBrace) else { return nil }
            var notes: Range<Int>?
            skipSpace()
            if take(Self.closeBrace) { return nil }
            while true {
                skipSpace()
                guard peek == Self.quote, let key = skipString() else { return nil }
                // An escape in a key could spell "notes": too clever to trust, so decode whole.
                guard !key.escaped else { return nil }
                skipSpace()
                guard take(Self.colon) else { return nil }
                skipSpace()
                if isNotesKey(key.content) {
                    guard notes == nil, peek == Self.openBracket else { return nil }
                    let start = at
                    if !skipCanonicalNotesArray() {
                        at = start
                        guard skipValue() else { return nil }
                    }
                    notes = start..<at
                } else {
                    guard skipValue() else { return nil }
                }
                skipSpace()
                if take(Self.comma) { continue }
                guard take(Self.closeBrace) else { return nil }
                skipSpace()
                return at == count ? notes : nil
            }
        }

        var peek: UInt8? { at < count ? bytes[at] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            at += 1
            return true
        }

        mutating func skipSpace() {
            while at < count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }

        func isNotesKey(_ range: Range<Int>) -> Bool {
            guard range.count == Self.notesKey.count else { return false }
            for (offset, byte) in Self.notesKey.enumerated() where bytes[range.lowerBound + offset] != byte { return false }
            return true
        }

        /// From an opening quote past its closing one; the content's range, and whether it held
        /// an escape. Nil when the string does not end.
        mutating func skipString() -> (content: Range<Int>, escaped: Bool)? {
            at += 1
            let start = at
            var escaped = false
            while at < count {
                let byte = bytes[at]
                if byte == Self.quote {
                    at += 1
                    return (start..<(at - 1), escaped)
                }
                if byte == Self.backslash {
                    escaped = true
                    at += 2
                } else {
                    at += 1
                }
            }
            return nil
        }

        /// One value of any kind, brackets counted and strings skipped whole; the kinds of the
        /// brackets are not matched (the decoder, which reads the bytes after this, does that).
        mutating func skipValue() -> Bool {
            var depth = 0
            while at < count {
                switch bytes[at] {
                case Self.quote:
                    guard skipString() != nil else { return false }
                    if depth == 0 { return true }
                    continue
                case Self.openBrace, Self.openBracket:
                    depth += 1
                case Self.closeBrace, Self.closeBracket:
                    if depth == 0 { return true }  // the end of the object holding a bare value
                    depth -= 1
                    if depth == 0 {
                        at += 1
                        return true
                    }
                case Self.comma where depth == 0:
                    return true
                default:
                    break
                }
                at += 1
            }
            return depth == 0
        }

        /// The store as Scrutiny writes it (two spaces of indent, one value per line) closes the
        /// top-level notes array on a line of its own: "\n  ]". No JSON string holds a raw line
        /// break, so the first such "]" after the opening bracket is its end when the file is in
        /// that layout. A "]" is rare inside notes (no note holds a list), so they are found with
        /// memchr, at memory speed, not a byte at a time. When the file is in another layout
        /// (hand-edited), false, or a range whose notes fail to decode, and then it is decoded whole.
        mutating func skipCanonicalNotesArray() -> Bool {
            if at + 1 < count && bytes[at + 1] == Self.closeBracket {  // "[]"
                at += 2
                return true
            }
            var from = at + 1
            while from < count {
                guard let found = memchr(bytes + from, Int32(Self.closeBracket), count - from) else { return false }
                let bracket = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let lineStart = bracket - 3
                if lineStart > at && bytes[lineStart] == 0x0A
                    && bytes[lineStart + 1] == 0x20 && bytes[lineStart + 2] == 0x20 {
                    at = bracket + 1
                    return true
                }
                from = bracket + 1
            }
            return false
        }
    }
}
