/// Why a keymap could not be loaded, worded for the person who wrote the file: each message
/// starts with "file:line:" (as compilers do, so editors can jump there) and names the key.
public enum KeymapError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No folder of built-in keymaps was found beside the program or in `SCRUTINY_KEYMAPS`.
    case builtInFolderNotFound(searched: [String])
    case noSuchBuiltIn(name: String, available: [String])
    case fileNotFound(file: String)
    case unreadable(file: String, reason: String)
    /// The file is not valid TOML (as reported by the TOML parser).
    case syntax(file: String, line: Int, column: Int, message: String)
    /// A binding outside any `[context]` table.
    case notInContext(file: String, line: Int?, key: String)
    case unknownContext(file: String, line: Int?, context: String, key: String?)
    case unknownKey(file: String, line: Int?, context: KeyContext, key: String)
    case unknownAction(file: String, line: Int?, context: KeyContext, key: String, action: String)
    /// The value is a number, a table, a list…: not an action name.
    case notAnActionName(file: String, line: Int?, context: KeyContext, key: String)
    /// Two spellings of one key ("enter" and "ret") in one context.
    case duplicateKey(file: String, line: Int?, context: KeyContext, key: String, sameAs: String, sameAsLine: Int?)
    /// "g" and "g g" bound in one context: "g g" could never be typed.
    case prefixClash(file: String, line: Int?, context: KeyContext, key: String, other: String, otherLine: Int?)
    /// A plain character in the editor must type itself.
    case typesText(file: String, line: Int?, key: String)

    public var description: String {
        switch self {
        case .builtInFolderNotFound(let searched):
            return "cannot find the built-in keymaps (looked for keymaps/default.toml in "
                + searched.joined(separator: ", ")
                + "); set \(BuiltInKeymaps.environmentVariable) to the folder that holds default.toml"
        case .noSuchBuiltIn(let name, let available):
            return "there is no built-in keymap named \"\(name)\"; the built-in keymaps are "
                + available.joined(separator: ", ")
                + " (to use a file, give its path, e.g. ./\(name).toml)"
        case .fileNotFound(let file):
            return "\(file): no such keymap file"
        case .unreadable(let file, let reason):
            return "\(file): cannot read this keymap file: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): not valid TOML: \(message)"
        case .notInContext(let file, let line, let key):
            return "\(at(file, line))key \"\(key)\" is not inside a context; put it under one of "
                + KeymapError.contextList
        case .unknownContext(let file, let line, let context, let key):
            let which = key.map { " (holding key \"\($0)\")" } ?? ""
            return "\(at(file, line))unknown context [\(context)]\(which); the contexts are " + KeymapError.contextList
                + KeymapError.suggestion(for: context, among: KeyContext.allCases.map(\.rawValue), bracketed: true)
        case .unknownKey(let file, let line, let context, let key):
            return "\(at(file, line))unknown key name \"\(key)\" in [\(context.rawValue)]; "
                + "write keys like \"a\", \"A\", \"?\", \"C-s\", \"A-enter\", \"S-tab\", \"F5\", \"space\" or \"g g\""
        case .unknownAction(let file, let line, let context, let key, let action):
            return "\(at(file, line))key \"\(key)\" in [\(context.rawValue)] is bound to unknown action \"\(action)\""
                + KeymapError.suggestion(for: action, among: Action.allCases.map(\.rawValue) + ["none"], bracketed: false)
        case .notAnActionName(let file, let line, let context, let key):
            return "\(at(file, line))key \"\(key)\" in [\(context.rawValue)] must be bound to an action name "
                + "in quotes, such as \"quit\" (or \"none\" to unbind it)"
        case .duplicateKey(let file, let line, let context, let key, let sameAs, let sameAsLine) where key == sameAs:
            return "\(at(file, line))key \"\(key)\" in [\(context.rawValue)] is already bound\(onLine(sameAsLine)); "
                + "bind each key once"
        case .duplicateKey(let file, let line, let context, let key, let sameAs, let sameAsLine):
            return "\(at(file, line))key \"\(key)\" in [\(context.rawValue)] is the same key as \"\(sameAs)\"\(onLine(sameAsLine)); "
                + "bind each key once"
        case .prefixClash(let file, let line, let context, let key, let other, let otherLine):
            let (short, long) = key.split(separator: " ").count < other.split(separator: " ").count
                ? (key, other) : (other, key)
            return "\(at(file, line))key \"\(key)\" in [\(context.rawValue)] clashes with \"\(other)\"\(onLine(otherLine)): "
                + "\"\(long)\" could never be typed while \"\(short)\" is bound on its own"
        case .typesText(let file, let line, let key):
            return "\(at(file, line))key \"\(key)\" in [editor] types text, so it cannot run an action there; "
                + "bind it with a modifier, such as \"C-\(key)\" or \"A-\(key)\""
        }
    }

    private func at(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0): " } ?? "\(file): "
    }

    private func onLine(_ line: Int?) -> String {
        line.map { " on line \($0)" } ?? ""
    }

    private static let contextList = KeyContext.allCases.map { "[\($0.rawValue)]" }.joined(separator: ", ")

    /// "; did you mean …?" when one known name is a small typo away (at most two edits).
    private static func suggestion(for word: String, among names: [String], bracketed: Bool) -> String {
        let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }
        guard let best = scored.min(by: { $0.1 < $1.1 })?.0 else { return "" }
        return bracketed ? "; did you mean [\(best)]?" : "; did you mean \"\(best)\"?"
    }

    /// Levenshtein distance over Characters; names here are short, so the plain table is fine.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
