/// Where words start and end, for the editor's word movement and Ctrl-W.
///
/// Two notions, as in readline and Emacs:
/// - a *word* for movement (Alt-B, Alt-F, Ctrl-arrows) is a run of letters and digits, so
///   "café", "naïve", "日本語" and "2024" are words and punctuation such as "’", "—" or "/" is
///   skipped over;
/// - Ctrl-W rubs out back to the previous whitespace (readline's unix-word-rubout), so
///   "co-production," goes in one press, as the clerk expects from a shell.
///
/// Offsets are in Characters (grapheme clusters), like the editor's cursor.
enum WordBoundaries {
    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber
    }

    /// The end of the next word after `offset`: skip what is not a word, then the word.
    static func wordEnd(after offset: Int, in chars: [Character]) -> Int {
        var i = offset
        while i < chars.count, !isWordCharacter(chars[i]) { i += 1 }
        while i < chars.count, isWordCharacter(chars[i]) { i += 1 }
        return i
    }

    /// The start of the word before `offset`: skip what is not a word, then the word.
    static func wordStart(before offset: Int, in chars: [Character]) -> Int {
        var i = offset
        while i > 0, !isWordCharacter(chars[i - 1]) { i -= 1 }
        while i > 0, isWordCharacter(chars[i - 1]) { i -= 1 }
        return i
    }

    /// Where Ctrl-W's deletion starts: back over spaces and tabs, then over the non-blank run
    /// before them. It stops at a line break, so one press never eats a line above; a press
    /// right after a line break deletes just that break, like Backspace.
    static func rubOutStart(before offset: Int, in chars: [Character]) -> Int {
        guard offset > 0 else { return 0 }
        if isLineBreak(chars[offset - 1]) { return offset - 1 }
        var i = offset
        while i > 0, chars[i - 1] == " " || chars[i - 1] == "\t" { i -= 1 }
        while i > 0, !chars[i - 1].isWhitespace { i -= 1 }
        return i
    }

    static func isLineBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n"
    }
}
