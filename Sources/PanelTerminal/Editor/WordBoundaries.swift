/// Where words and lines start and end, for the editor's word movement, Ctrl-W, Ctrl-K and Ctrl-U.
///
/// Two notions of a word, as in readline and Emacs:
/// - a *word* for movement (Alt-B, Alt-F, Ctrl-arrows) is a run of letters and digits, so
///   "café", "naïve", "日本語" and "2024" are words and punctuation such as "’", "—" or "/" is
///   skipped over;
/// - Ctrl-W rubs out back to the previous whitespace (readline's unix-word-rubout), so
///   "co-production," goes in one press, as the clerk expects from a shell.
///
/// Positions are indices of `text` at character boundaries, like the editor's cursor; each
/// function walks only as far as its answer, never from the start of the text.
enum WordBoundaries {
    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber
    }

    /// The end of the next word after `i`: skip what is not a word, then the word.
    static func wordEnd(after i: String.Index, in text: String) -> String.Index {
        var i = i
        while i < text.endIndex, !isWordCharacter(text[i]) { i = text.index(after: i) }
        while i < text.endIndex, isWordCharacter(text[i]) { i = text.index(after: i) }
        return i
    }

    /// The start of the word before `i`: skip what is not a word, then the word.
    static func wordStart(before i: String.Index, in text: String) -> String.Index {
        var i = i
        while i > text.startIndex, !isWordCharacter(text[text.index(before: i)]) { i = text.index(before: i) }
        while i > text.startIndex, isWordCharacter(text[text.index(before: i)]) { i = text.index(before: i) }
        return i
    }

    /// Where Ctrl-W's deletion starts: back over spaces and tabs, then over the non-blank run
    /// before them. It stops at a line break, so one press never eats a line above; a press
    /// right after a line break deletes just that break, like Backspace.
    static func rubOutStart(before i: String.Index, in text: String) -> String.Index {
        guard i > text.startIndex else { return i }
        let previous = text.index(before: i)
        if isLineBreak(text[previous]) { return previous }
        var i = i
        while i > text.startIndex, isBlank(text[text.index(before: i)]) { i = text.index(before: i) }
        while i > text.startIndex, !text[text.index(before: i)].isWhitespace { i = text.index(before: i) }
        return i
    }

    /// The end of the logical line `i` is on: the line break after it, or the end of the text.
    /// A byte scan: a line break is the only character holding the byte "\n" ("\n" or "\r\n").
    static func lineEnd(from i: String.Index, in text: String) -> String.Index {
        let bytes = text.utf8
        guard let newline = bytes[i...].firstIndex(of: 0x0A) else { return text.endIndex }
        if newline > i, bytes[bytes.index(before: newline)] == 0x0D { return bytes.index(before: newline) }
        return newline
    }

    /// The start of the logical line `i` is on: just after the line break before it, or the
    /// start of the text.
    static func lineStart(before i: String.Index, in text: String) -> String.Index {
        let bytes = text.utf8
        guard let newline = bytes[..<i].lastIndex(of: 0x0A) else { return text.startIndex }
        return bytes.index(after: newline)
    }

    private static func isBlank(_ c: Character) -> Bool {
        c == " " || c == "\t"
    }

    static func isLineBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n"
    }
}
