/// Checks, line by line, that a keymap holds only what keymaps use — `[context]` headers,
/// `"key" = "action"` lines, comments and blank lines — before the TOML parser sees it.
///
/// Why: toml++ (inside TOMLKit) asserts, aborting the whole program, on some malformed TOML
/// (`[=x]`, a `[` alone at the end of a line, `"a" = [}`: found by `scripts/fuzz keymap`,
/// reproducers in Tests/Fixtures/fuzz/). A keymap is edited by hand, so a typo must be an error
/// naming its line, never a crash. Refusing every construct keymaps don't need (arrays, inline
/// tables, dotted keys, multi-line strings, arrays of tables) keeps the parser on the small,
/// well-trodden part of TOML, and says plainly what a keymap line looks like.
enum KeymapLineCheck {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func firstProblem(in text: String) -> Problem? {
        var number = 0
        // Swift reads CR LF as one Character, so split on it as well as on LF: a file with
        // Windows line ends must be checked line by line too, not as one long comment.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = Array(raw)
            if let (column, message) = check(line) {
                return Problem(line: number, column: column + 1, message: message)
            }
        }
        return nil
    }

    private static let headerMessage = "a table header is one context name in brackets, such as [grid]"
    private static let bindingMessage = #"a binding is a key name, "=", and one action name in quotes, such as "C-r" = "redo""#

    /// nil when the line is fine, else the 0-based column of the problem and what it is.
    private static func check(_ c: [Character]) -> (Int, String)? {
        var i = skipSpace(c, 0)
        guard i < c.count, c[i] != "#" else { return nil }
        if c[i] == "[" {
            i = skipSpace(c, i + 1)
            guard let afterName = name(c, i) else { return (i, headerMessage) }
            i = skipSpace(c, afterName)
            guard i < c.count, c[i] == "]" else { return (i, headerMessage) }
            return rest(c, i + 1, headerMessage)
        }
        guard let afterKey = name(c, i) else { return (i, bindingMessage) }
        i = skipSpace(c, afterKey)
        guard i < c.count, c[i] == "=" else { return (i, bindingMessage) }
        i = skipSpace(c, i + 1)
        guard let afterValue = value(c, i) else { return (i, bindingMessage) }
        return rest(c, afterValue, bindingMessage)
    }

    /// After a header or binding only spaces and a comment may follow.
    private static func rest(_ c: [Character], _ from: Int, _ message: String) -> (Int, String)? {
        let i = skipSpace(c, from)
        return i == c.count || c[i] == "#" ? nil : (i, message)
    }

    private static func skipSpace(_ c: [Character], _ from: Int) -> Int {
        var i = from
        while i < c.count, c[i] == " " || c[i] == "\t" { i += 1 }
        return i
    }

    /// A bare key (letters, digits, "_", "-") or one quoted string; returns the index after it.
    private static func name(_ c: [Character], _ from: Int) -> Int? {
        if from < c.count, c[from] == "\"" || c[from] == "'" { return quoted(c, from) }
        var i = from
        while i < c.count, c[i].isASCII, c[i].isLetter || c[i].isNumber || c[i] == "_" || c[i] == "-" { i += 1 }
        return i > from ? i : nil
    }

    /// A quoted string, or a plain word (a number, true, a misspelt action) that the parser and
    /// the loader then report in their own words. No lists, tables or multi-line strings.
    private static func value(_ c: [Character], _ from: Int) -> Int? {
        if from < c.count, c[from] == "\"" || c[from] == "'" { return quoted(c, from) }
        var i = from
        while i < c.count, c[i].isASCII, c[i].isLetter || c[i].isNumber || "_-+.:".contains(c[i]) { i += 1 }
        return i > from ? i : nil
    }

    /// One "basic" or 'literal' string on this line, escapes checked; the index after its closing quote.
    private static func quoted(_ c: [Character], _ from: Int) -> Int? {
        let quote = c[from]
        if from + 2 < c.count, c[from + 1] == quote, c[from + 2] == quote { return nil }  // multi-line
        var i = from + 1
        while i < c.count {
            let ch = c[i]
            if ch == quote { return i + 1 }
            if let ascii = ch.asciiValue, (ascii < 0x20 && ascii != 0x09) || ascii == 0x7F { return nil }
            if ch == "\\" && quote == "\"" {
                guard i + 1 < c.count else { return nil }
                switch c[i + 1] {
                case "b", "t", "n", "f", "r", "\"", "\\": i += 2
                case "u": guard hexDigits(c, i + 2, 4) else { return nil }; i += 6
                case "U": guard hexDigits(c, i + 2, 8) else { return nil }; i += 10
                default: return nil
                }
                continue
            }
            i += 1
        }
        return nil
    }

    private static func hexDigits(_ c: [Character], _ from: Int, _ count: Int) -> Bool {
        from + count <= c.count && c[from..<from + count].allSatisfy(\.isHexDigit)
    }
}
