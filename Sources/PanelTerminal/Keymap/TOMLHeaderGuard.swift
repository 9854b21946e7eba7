/// Refuses table headers that would crash the TOML parser instead of being reported.
///
/// toml++ (inside TOMLKit) asserts, aborting the whole program, when a table header's first
/// key starts with a character that cannot start a key (`[=x]`, `[ .a]`, `[[-…`). A keymap is
/// a file a user edits by hand, so a typo there must be an error naming the line, never a
/// crash: this check runs first and reports such headers itself. (Found by `scripts/fuzz
/// keymap`; reproducer in Tests/Fixtures/fuzz/keymap-table-header-equals.toml.)
enum TOMLHeaderGuard {
    /// The line and column (1-based) of the first header whose key cannot start there, if any.
    static func firstBadHeader(in text: String) -> (line: Int, column: Int)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let chars = Array(line)
            var i = 0
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            guard i < chars.count, chars[i] == "[" else { continue }
            i += 1
            if i < chars.count, chars[i] == "[" { i += 1 }
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            guard i < chars.count else { continue }  // "[" alone: the parser reports it
            let c = chars[i]
            let startsKey = c == "]" || c == "\"" || c == "'" || c == "_" || c == "-"
                || (c.isASCII && (c.isLetter || c.isNumber))
            if !startsKey { return (lineNumber, i + 1) }
        }
        return nil
    }
}
