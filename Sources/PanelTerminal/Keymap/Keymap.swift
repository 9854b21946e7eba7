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

    /// Every key sequence bound to `action` in `context` (shortest first, then by name), for
    /// hints and help.
    public func keys(for action: Action, in context: KeyContext) -> [[Key]] {
        (bindings[context] ?? [:]).filter { $0.value == action }.map(\.key)
            .sorted { ($0.count, KeyName.format($0)) < ($1.count, KeyName.format($1)) }
    }
}
