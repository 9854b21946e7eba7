import TOMLKit

/// One keymap file, read and checked: the bindings it writes, in file order, each with its line.
///
/// The format (see docs/KEYMAPS.md) is a TOML table per context mapping key names to action
/// names, `"C-r" = "redo"`, where the action "none" unbinds the key. Everything a person could
/// get wrong is caught here, with the file, line and key in the message, so that a keymap that
/// loads is one the workspace can use as it is.
public struct KeymapFile: Equatable, Sendable {
    public struct Binding: Equatable, Sendable {
        public var context: KeyContext
        public var keys: [Key]
        /// nil for "none": take the key away.
        public var action: Action?
        public var line: Int?
    }

    /// How the file is named in messages and listings.
    public var label: String
    public var bindings: [Binding]

    /// The action name that unbinds a key.
    public static let unbind = "none"

    /// Parses and checks `text`, naming it `label` in errors.
    public static func parse(_ text: String, label: String) throws(KeymapError) -> KeymapFile {
        let lines = TOMLKeyLines(text)
        let root = try readTOML(text, label: label, lines: lines)
        // TOMLKit hands keys back sorted by name; report and bind in the order they were written
        // (each key's line looked up once, not in every comparison of the sort).
        func inFileOrder(_ names: [String], line: (String) -> Int?) -> [String] {
            names.map { (line($0) ?? .max, $0) }.sorted { $0 < $1 }.map(\.1)
        }
        let contextNames = inFileOrder(root.keys) { lines.tables[$0] ?? lines.line(of: $0, in: nil) }
        var bindings: [Binding] = []
        for name in contextNames {
            guard let table = root[name]?.table else {
                throw .notInContext(file: label, line: lines.line(of: name, in: nil), key: name)
            }
            let keyNames = inFileOrder(table.keys) { lines.line(of: $0, in: name) }
            guard let context = KeyContext(rawValue: name) else {
                throw .unknownContext(file: label, line: lines.tables[name], context: name, key: keyNames.first)
            }
            bindings += try checkedBindings(keyNames.map { ($0, table[$0]?.string, lines.line(of: $0, in: name)) },
                                            in: context, label: label)
        }
        return KeymapFile(label: label, bindings: bindings)
    }

    private static func readTOML(_ text: String, label: String, lines: TOMLKeyLines) throws(KeymapError) -> TOMLTable {
        if let problem = KeymapLineCheck.firstProblem(in: text) {
            throw .syntax(file: label, line: problem.line, column: problem.column, message: problem.message)
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // The TOML parser words a key written twice as "cannot redefine existing string";
            // say it the way the two spellings of one key are said.
            if let again = lines.firstRepeat, again.line == error.source.begin.line,
               let context = again.table.flatMap(KeyContext.init(rawValue:)) {
                throw .duplicateKey(file: label, line: again.line, context: context, key: again.key,
                                    sameAs: again.key, sameAsLine: again.earlierLine)
            }
            throw .syntax(file: label, line: error.source.begin.line, column: error.source.begin.column,
                          message: error.description)
        } catch {
            throw .unreadable(file: label, reason: "\(error)")
        }
    }

    /// Checks one context's entries (key name, action name if the value is a string, line),
    /// given in file order, so the first mistake reported is the first one written.
    private static func checkedBindings(_ entries: [(key: String, action: String?, line: Int?)],
                                        in context: KeyContext, label: String) throws(KeymapError) -> [Binding] {
        var bindings: [Binding] = []
        var names: [String] = []  // the spelling of each binding, for messages
        for (keyName, actionName, line) in entries {
            guard let actionName else {
                throw .notAnActionName(file: label, line: line, context: context, key: keyName)
            }
            guard let keys = KeyName.parse(keyName) else {
                throw .unknownKey(file: label, line: line, context: context, key: keyName)
            }
            let action = Action(rawValue: actionName)
            guard action != nil || actionName == unbind else {
                throw .unknownAction(file: label, line: line, context: context, key: keyName, action: actionName)
            }
            if context == .editor, keys.count == 1, typesText(keys[0]) {
                throw .typesText(file: label, line: line, key: keyName)
            }
            if let i = bindings.firstIndex(where: { $0.keys == keys }) {
                throw .duplicateKey(file: label, line: line, context: context, key: keyName,
                                    sameAs: names[i], sameAsLine: bindings[i].line)
            }
            // A sequence and its own start cannot both be bound: "g" would act before "g g"
            // could be finished.
            if let i = bindings.firstIndex(where: { isStrictPrefix($0.keys, of: keys) || isStrictPrefix(keys, of: $0.keys) }) {
                throw .prefixClash(file: label, line: line, context: context, key: keyName,
                                   other: names[i], otherLine: bindings[i].line)
            }
            bindings.append(Binding(context: context, keys: keys, action: action, line: line))
            names.append(keyName)
        }
        return bindings
    }

    /// A key that, in the editor, must insert its character rather than run anything.
    static func typesText(_ key: Key) -> Bool {
        guard case .character = key.base else { return false }
        return !key.ctrl && !key.alt
    }
}

/// True when `short` is the start of `long` and shorter: "g" of "g g".
func isStrictPrefix(_ short: [Key], of long: [Key]) -> Bool {
    short.count < long.count && Array(long.prefix(short.count)) == short
}
