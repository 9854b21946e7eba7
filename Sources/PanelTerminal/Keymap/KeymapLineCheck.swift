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
        // Lines end at LF or CR LF (a file with Windows line ends must be checked line by line
        // too, not as one long comment). A line of plain ASCII is checked byte by byte, where
        // each byte is a Character; any other line Character by Character, as Swift reads it.
        for (index, line) in KeymapTextLines.atLineFeeds(text).enumerated() {
            let problem = line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? check(Array(line.utf8)) : check(Array(line))
            if let (column, message) = problem {
                return Problem(line: index + 1, column: column + 1, message: message)
            }
        }
        return nil
    }

    private static let headerMessage = "a table header is one context name in brackets, such as [grid]"
    private static let bindingMessage = #"a binding is a key name, "=", and one action name in quotes, such as "C-r" = "redo""#

    /// nil when the line is fine, else the 0-based column of the problem and what it is.
    static func check<U: LineUnit>(_ c: [U]) -> (Int, String)? {
        var i = skipSpace(c, 0)
        guard i < c.count, c[i].ascii != 0x23 else { return nil }  // "#"
        if c[i].ascii == 0x5B {  // "["
            i = skipSpace(c, i + 1)
            guard let afterName = name(c, i) else { return (i, headerMessage) }
            i = skipSpace(c, afterName)
            guard i < c.count, c[i].ascii == 0x5D else { return (i, headerMessage) }  // "]"
            return rest(c, i + 1, headerMessage)
        }
        guard let afterKey = name(c, i) else { return (i, bindingMessage) }
        i = skipSpace(c, afterKey)
        guard i < c.count, c[i].ascii == 0x3D else { return (i, bindingMessage) }  // "="
        i = skipSpace(c, i + 1)
        guard let afterValue = value(c, i) else { return (i, bindingMessage) }
        return rest(c, afterValue, bindingMessage)
    }

    /// After a header or binding only spaces and a comment may follow.
    private static func rest<U: LineUnit>(_ c: [U], _ from: Int, _ message: String) -> (Int, String)? {
        let i = skipSpace(c, from)
        return i == c.count || c[i].ascii == 0x23 ? nil : (i, message)
    }

    private static func skipSpace<U: LineUnit>(_ c: [U], _ from: Int) -> Int {
        var i = from
        while i < c.count, c[i].ascii == 0x20 || c[i].ascii == 0x09 { i += 1 }
        return i
    }

    /// A bare key (letters, digits, "_", "-") or one quoted string; returns the index after it.
    private static func name<U: LineUnit>(_ c: [U], _ from: Int) -> Int? {
        if from < c.count, c[from].isQuote { return quoted(c, from) }
        var i = from
        while i < c.count, let a = c[i].ascii, isAlphanumeric(a) || a == 0x5F || a == 0x2D { i += 1 }
        return i > from ? i : nil
    }

    /// A quoted string, or a plain word (a number, true, a misspelt action) that the parser and
    /// the loader then report in their own words. No lists, tables or multi-line strings.
    private static func value<U: LineUnit>(_ c: [U], _ from: Int) -> Int? {
        if from < c.count, c[from].isQuote { return quoted(c, from) }
        var i = from
        // Letters, digits and "_-+.:".
        while i < c.count, let a = c[i].ascii, isAlphanumeric(a) || [0x5F, 0x2D, 0x2B, 0x2E, 0x3A].contains(a) { i += 1 }
        return i > from ? i : nil
    }

    /// One "basic" or 'literal' string on this line, escapes checked; the index after its closing quote.
    private static func quoted<U: LineUnit>(_ c: [U], _ from: Int) -> Int? {
        let quote = c[from]
        if from + 2 < c.count, c[from + 1] == quote, c[from + 2] == quote { return nil }  // multi-line
        var i = from + 1
        while i < c.count {
            let ch = c[i]
            if ch == quote { return i + 1 }
            if let ascii = ch.ascii, (ascii < 0x20 && ascii != 0x09) || ascii == 0x7F { return nil }
            if ch.ascii == 0x5C && quote.ascii == 0x22 {  // a backslash in a "basic" string
                guard i + 1 < c.count else { return nil }
                switch c[i + 1].ascii {
                case 0x62, 0x74, 0x6E, 0x66, 0x72, 0x22, 0x5C: i += 2  // b t n f r " \
                case 0x75: guard hexDigits(c, i + 2, 4) else { return nil }; i += 6  // u
                case 0x55: guard hexDigits(c, i + 2, 8) else { return nil }; i += 10  // U
                default: return nil
                }
                continue
            }
            i += 1
        }
        return nil
    }

    private static func hexDigits<U: LineUnit>(_ c: [U], _ from: Int, _ count: Int) -> Bool {
        from + count <= c.count && c[from..<from + count].allSatisfy(\.isHexDigit)
    }

    private static func isAlphanumeric(_ a: UInt8) -> Bool {
        (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5A) || (a >= 0x61 && a <= 0x7A)
    }
}

/// One unit of a line as the check reads it: a byte of a line of plain ASCII, or a Character.
protocol LineUnit: Equatable {
    /// Its ASCII code; nil for anything else (a Character of several scalars included).
    var ascii: UInt8? { get }
    var isHexDigit: Bool { get }
}

extension LineUnit {
    var isQuote: Bool { ascii == 0x22 || ascii == 0x27 }
}

extension UInt8: LineUnit {
    var ascii: UInt8? { self < 0x80 ? self : nil }
    var isHexDigit: Bool { (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66) }
}

extension Character: LineUnit {
    // "\r\n" has an ASCII value (LF) too, but never appears inside a line.
    var ascii: UInt8? { asciiValue }
}
