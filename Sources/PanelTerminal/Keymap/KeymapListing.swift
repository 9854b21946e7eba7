/// The active bindings as text, context by context: each action with the keys bound to it,
/// aligned, and the files they came from. What `scrutiny keymap show` prints.
public enum KeymapListing {
    /// The mark after a key that the user file bound (over the chosen map).
    public static let userMark = "*"

    public static func render(_ resolved: ResolvedKeymap) -> String {
        let keymap = resolved.keymap
        let width = Action.allCases.map(\.rawValue.count).max() ?? 0
        let chosen = resolved.files.first
        var out: [String] = []

        out.append("Keymap: \(chosen ?? "(none)")")
        for file in resolved.files.dropFirst() {
            out.append("User overrides: \(file) (keys marked \(userMark))")
        }
        out.append("Keys not bound in a pane fall back to [global]; the editor has no fall-back.")

        for context in KeyContext.allCases {
            let rows: [String] = Action.allCases.compactMap { action in
                let keys = keymap.keys(for: action, in: context)
                guard !keys.isEmpty else { return nil }
                let names = keys.map { keys in
                    let mark = resolved.origins[context]?[keys] == chosen ? "" : userMark
                    return KeyName.format(keys) + mark
                }
                let name = action.rawValue
                return "  " + name + String(repeating: " ", count: width + 2 - name.count)
                    + names.joined(separator: ", ")
            }
            guard !rows.isEmpty else { continue }
            out.append("")
            out.append("[\(context.rawValue)]")
            out.append(contentsOf: rows)
        }

        let bound = Set(keymap.bindings.values.flatMap(\.values))
        let unbound = Action.allCases.filter { !bound.contains($0) }
        if !unbound.isEmpty {
            out.append("")
            out.append("No key runs: " + unbound.map(\.rawValue).joined(separator: ", "))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
