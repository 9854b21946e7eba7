/// Which keys do what, per context. Built from the TOML files in `keymaps/` (see
/// `KeymapLoader`); this type only answers look-ups, so the workspace never knows where the
/// bindings came from.
///
/// A binding is a sequence of keys ("g g" is two), so a key can be the start of a longer
/// binding: `lookup` then says `.prefix` and the workspace waits for the next key.
public struct Keymap: Equatable, Sendable {
    public enum Match: Equatable, Sendable {
        case action(Action)
        case prefix
        case none
    }

    /// context → key sequence → action
    public private(set) var bindings: [KeyContext: [[Key]: Action]]

    public init(bindings: [KeyContext: [[Key]: Action]] = [:]) {
        self.bindings = bindings
    }

    public mutating func bind(_ keys: [Key], to action: Action, in context: KeyContext) {
        bindings[context, default: [:]][keys] = action
    }

    public mutating func unbind(_ keys: [Key], in context: KeyContext) {
        bindings[context]?[keys] = nil
    }

    /// Looks in `context` first, then in `global` (unless the context is the editor, where
    /// typed letters must never run global commands). The first context that knows the keys
    /// answers, whether with an action or `.prefix`: so a pane's "d d" makes "d" wait for the
    /// next key there even if `global` bound "d" alone, as a pane's bindings win over global ones.
    public func lookup(_ keys: [Key], in context: KeyContext) -> Match {
        let contexts: [KeyContext] = context == .editor || context == .global ? [context] : [context, .global]
        for c in contexts {
            guard let table = bindings[c] else { continue }
            if let action = table[keys] { return .action(action) }
            if table.keys.contains(where: { $0.count > keys.count && Array($0.prefix(keys.count)) == keys }) {
                return .prefix
            }
        }
        return .none
    }

    /// Every key sequence bound to `action` in `context`, for hints and help, in the order a
    /// reader wants them: shortest sequence, then fewest modifiers, then named keys before
    /// letters ("up" before "k", "home" before "C-a"), then by name.
    public func keys(for action: Action, in context: KeyContext) -> [[Key]] {
        (bindings[context] ?? [:]).filter { $0.value == action }.map(\.key)
            .sorted { Self.readingOrder($0) < Self.readingOrder($1) }
    }

    private static func readingOrder(_ keys: [Key]) -> (Int, Int, Int, String) {
        let modifiers = keys.reduce(0) { $0 + [$1.ctrl, $1.alt, $1.shift].filter { $0 }.count }
        let characters = keys.filter { if case .character = $0.base { true } else { false } }.count
        return (keys.count, modifiers, characters, KeyName.format(keys))
    }
}
