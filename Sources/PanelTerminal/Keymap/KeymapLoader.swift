import Foundation

/// Builds the active `Keymap`: a chosen map (built-in by name, or a file by path), then the
/// user's own file on top of it, key by key.
public enum KeymapLoader {
    /// `$XDG_CONFIG_HOME/scrutiny/keymap.toml`, or `~/.config/scrutiny/keymap.toml` when that is unset.
    public static var defaultUserFile: URL? {
        userFile(environment: EnvironmentValues.named("XDG_CONFIG_HOME", "HOME"))
    }

    /// Where the user file is for this environment (XDG Base Directory rules: a relative
    /// XDG_CONFIG_HOME is ignored).
    public static func userFile(environment: [String: String]) -> URL? {
        let folder: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            folder = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            folder = home + "/.config"
        } else {
            return nil
        }
        return URL(fileURLWithPath: folder).appendingPathComponent("scrutiny/keymap.toml")
    }

    /// The keymap to run with. `nameOrPath`: nil for "default", a built-in name ("vim"), or a
    /// path (anything with a "/" or ending ".toml"). `userFile` overrides single keys when it
    /// exists; pass nil to ignore it.
    public static func load(_ nameOrPath: String? = nil, userFile: URL? = KeymapLoader.defaultUserFile) throws(KeymapError) -> Keymap {
        try resolve(nameOrPath, userFile: userFile).keymap
    }

    /// Like `load`, but also says which file each binding came from (for `scrutiny keymap show`).
    /// `builtInFolder` is found by `BuiltInKeymaps.folder()` when nil, and only when needed.
    public static func resolve(
        _ nameOrPath: String? = nil,
        userFile: URL? = KeymapLoader.defaultUserFile,
        builtInFolder: URL? = nil
    ) throws(KeymapError) -> ResolvedKeymap {
        let chosen = try read(try chosenFile(nameOrPath ?? "default", builtInFolder: builtInFolder))
        var resolved = ResolvedKeymap(files: [chosen.label])
        resolved.apply(chosen)
        if let userFile, FileManager.default.fileExists(atPath: userFile.path) {
            let user = try read(userFile.path)
            resolved.files.append(user.label)
            resolved.apply(user)
        }
        return resolved
    }

    /// The path of the chosen map's file.
    private static func chosenFile(_ nameOrPath: String, builtInFolder: URL?) throws(KeymapError) -> String {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return nameOrPath
        }
        let folder: URL
        if let builtInFolder { folder = builtInFolder } else { folder = try BuiltInKeymaps.folder() }
        let file = folder.appendingPathComponent(nameOrPath + ".toml")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw .noSuchBuiltIn(name: nameOrPath, available: BuiltInKeymaps.names(in: folder))
        }
        return file.path
    }

    private static func read(_ path: String) throws(KeymapError) -> KeymapFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .fileNotFound(file: path)
        }
        guard !isFolder.boolValue else { throw .unreadable(file: path, reason: "it is a folder") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "it is not UTF-8 text")
        }
        return try KeymapFile.parse(text, label: path)
    }
}

/// The active keymap and where its bindings came from.
public struct ResolvedKeymap: Equatable, Sendable {
    public var keymap = Keymap()
    /// The files read, the chosen map first, then the user file if there was one.
    public var files: [String]
    /// The file each binding came from.
    public var origins: [KeyContext: [[Key]: String]] = [:]

    public init(files: [String]) {
        self.files = files
    }

    /// Lays `file` over what is bound so far. Binding a key replaces what it was bound to, and
    /// also whatever it would shadow or be shadowed by: binding "g" takes away "g g", binding
    /// "d x" takes away "d", so that an override never leaves a key that cannot be typed.
    public mutating func apply(_ file: KeymapFile) {
        // A file's own bindings never clash (KeymapFile refuses a key bound twice and a
        // sequence with its own start), so laid on nothing they need no search for clashes:
        // for the chosen map at start-up that search was most of the cost of applying it.
        let onNothing = keymap.bindings.isEmpty
        for binding in file.bindings {
            let context = binding.context
            let clashing = onNothing ? [] : (keymap.bindings[context] ?? [:]).keys.filter {
                $0 == binding.keys || isStrictPrefix($0, of: binding.keys) || isStrictPrefix(binding.keys, of: $0)
            }
            for keys in clashing {
                keymap.unbind(keys, in: context)
                origins[context]?[keys] = nil
            }
            if let action = binding.action {
                keymap.bind(binding.keys, to: action, in: context)
                origins[context, default: [:]][binding.keys] = file.label
            }
        }
    }
}
