/// Splits text into lines that fit a number of terminal columns, for grid cells, the editor
/// and zoomed views alike, so that what the editor shows is what the cell will show.
///
/// Lines break at spaces where they can and inside a word only when a word is wider than the
/// line; never inside a character (a grapheme cluster), so "é", "日本" and emoji stay whole.
/// Hard line breaks ("\n") always start a new line. Widths are those of the text as drawn
/// (`VisibleText.width`), so a control character shown as "^X" takes the two columns it uses.
///
/// A break at a space eats that one space: the next line starts after it. The lines' offsets
/// therefore cover the text with no gaps except those single spaces and the line breaks, which
/// is what the editor relies on to place its cursor.
public enum TextWrap {
    /// One line of wrapped text.
    public struct Line: Equatable, Sendable {
        /// The characters shown on the line (without the space or line break it ended at).
        public var text: String
        /// Offset, in characters of the whole text, of the line's first character.
        public var start: Int
        /// Offset just past the line's last shown character.
        public var end: Int
        public var width: Int { VisibleText.width(of: text) }
    }

    /// - Parameter hyphenate: for reading only (grid cells): a word wider than the line is cut
    ///   one letter earlier and the line ends in "-", so "Problematical-" / "ly" reads as one
    ///   word. Only in words made of letters of an alphabet (not CJK, not addresses), on lines
    ///   of four columns or more; such a line's
    ///   `text` is then one character longer than its offsets, so the editor never asks for it.
    public static func wrap(_ text: String, width: Int, hyphenate: Bool = false) -> [Line] {
        // Printable ASCII and line breaks: every byte is a character one column wide, so wrap
        // the bytes (offsets in bytes are offsets in characters) without a grapheme walk.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
            return wrap(units: Array(text.utf8), width: width, hyphenate: hyphenate)
        }
        return wrapCharacters(text, width: width, hyphenate: hyphenate)
    }

    /// `wrap` character by character, for any text: what the byte path must always equal.
    static func wrapCharacters(_ text: String, width: Int, hyphenate: Bool = false) -> [Line] {
        wrap(units: Array(text), width: width, hyphenate: hyphenate)
    }

    private static func wrap<Unit: WrapUnit>(units chars: [Unit], width: Int, hyphenate: Bool) -> [Line] {
        let width = max(1, width)
        let hyphenate = hyphenate && width >= 4
        var lines: [Line] = []
        var paragraphStart = 0
        var i = 0
        while i <= chars.count {
            // "\r\n" is one Character in Swift; text from outside may still hold it.
            if i == chars.count || chars[i].isLineBreak {
                wrapParagraph(chars, from: paragraphStart, to: i, width: width, hyphenate: hyphenate, into: &lines)
                paragraphStart = i + 1
            }
            i += 1
        }
        return lines
    }

    private static func wrapParagraph<Unit: WrapUnit>(_ chars: [Unit], from start: Int, to end: Int, width: Int,
                                                      hyphenate: Bool, into lines: inout [Line]) {
        var lineStart = start
        if start == end {
            lines.append(Line(text: "", start: start, end: start))
            return
        }
        while lineStart < end {
            var col = 0
            var i = lineStart
            var lastSpace: Int?
            while i < end {
                let w = chars[i].columns
                if col + w > width { break }
                if chars[i].isSpace { lastSpace = i }
                col += w
                i += 1
            }
            if i >= end {
                lines.append(Line(text: Unit.text(chars[lineStart..<end]), start: lineStart, end: end))
                return
            }
            // The line is full. Break after the last space if there was one; a space that
            // falls exactly at the break is eaten; otherwise cut the word (at least one char).
            if chars[i].isSpace {
                lines.append(Line(text: Unit.text(chars[lineStart..<i]), start: lineStart, end: i))
                lineStart = i + 1
            } else if let space = lastSpace, space > lineStart {
                lines.append(Line(text: Unit.text(chars[lineStart..<space]), start: lineStart, end: space))
                lineStart = space + 1
            } else if hyphenate, i - 1 > lineStart + 1,
                      chars[lineStart..<end].prefix(while: { !$0.isSpace }).allSatisfy(\.isAlphabetic) {
                // A word of letters only: never a web address, a file name or a number.
                // The letter at i - 1 goes to the next line, making room for the hyphen.
                let cut = i - 1
                lines.append(Line(text: Unit.text(chars[lineStart..<cut]) + "-", start: lineStart, end: cut))
                lineStart = cut
            } else {
                let cut = max(i, lineStart + 1)
                lines.append(Line(text: Unit.text(chars[lineStart..<cut]), start: lineStart, end: cut))
                lineStart = cut
            }
        }
    }

    /// The text clipped to `width` columns, ending in "…" when it was cut. A wide character
    /// that would not fit before the "…" is left out, so the result never exceeds `width`.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        // Printable ASCII: bytes are characters are columns, so cut the bytes, no grapheme walk.
        if text.utf8.prefix(width + 1).allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            if text.utf8.count <= width { return text }
            return String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        // Every character takes at least one column once drawn, so the first width + 1 decide
        // the result: a 1 MB text is not measured whole to show one line of it.
        let head = text.prefix(width + 1)
        if head.endIndex == text.endIndex && VisibleText.width(of: head) <= width { return text }
        var out = ""
        var col = 0
        for c in head {
            let w = VisibleText.width(of: c)
            if col + w > width - 1 { break }
            out.append(c)
            col += w
        }
        return out + "…"
    }
}

/// What wrapping needs of a unit of text: a character, or a byte of text that is all
/// printable ASCII (then each byte is a character).
private protocol WrapUnit {
    /// Columns once drawn.
    var columns: Int { get }
    var isSpace: Bool { get }
    var isLineBreak: Bool { get }
    /// A letter of an alphabet whose words take a hyphen when split (Latin, Greek, Cyrillic);
    /// Chinese and Japanese break between characters without one.
    var isAlphabetic: Bool { get }
    static func text(_ units: ArraySlice<Self>) -> String
}

extension Character: WrapUnit {
    fileprivate var columns: Int { VisibleText.width(of: self) }
    fileprivate var isSpace: Bool { self == " " }
    fileprivate var isLineBreak: Bool { self == "\n" || self == "\r\n" }
    fileprivate var isAlphabetic: Bool { isLetter && (unicodeScalars.first?.value ?? .max) < 0x0530 }
    fileprivate static func text(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: WrapUnit {
    fileprivate var columns: Int { 1 }
    fileprivate var isSpace: Bool { self == 0x20 }
    fileprivate var isLineBreak: Bool { self == 0x0A }
    fileprivate var isAlphabetic: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    fileprivate static func text(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}
