import Foundation

/// Finds the folder of built-in keymaps (default.toml, vim.toml, emacs.toml).
///
/// The files are read from the checkout's top-level `keymaps/` folder itself, never from a
/// copy, so that folder stays the one source of the defaults. (A SwiftPM resource was tried:
/// resources must live inside the target folder, and a symlink to `keymaps/` is copied into
/// the bundle as a dangling relative symlink, so it does not work.)
///
/// Where it looks, first match wins:
/// 1. `$SCRUTINY_KEYMAPS`, when set: for an installed program, or to try edited maps;
/// 2. from the running program's folder upwards, `keymaps/` and `share/scrutiny/keymaps/` in
///    each folder. `.build/debug/scrutiny` (run directly or by `swift run`, from any folder)
///    and the test runner `.build/debug/*.xctest` both live inside the checkout, so this finds
///    its `keymaps/`; a program installed in `/usr/local/bin` finds `/usr/local/share/scrutiny/keymaps`.
public enum BuiltInKeymaps {
    public static let environmentVariable = "SCRUTINY_KEYMAPS"

    /// The folder holding the built-in keymaps for this process. `executable` is asked for
    /// only when `$SCRUTINY_KEYMAPS` is not set (`Bundle.main` alone touches 0.8 MiB of
    /// Foundation's pages).
    public static func folder(
        environment: [String: String] = EnvironmentValues.named(BuiltInKeymaps.environmentVariable),
        executable: @autoclosure () -> URL? = Bundle.main.executableURL
    ) throws(KeymapError) -> URL {
        if let configured = environment[environmentVariable], !configured.isEmpty {
            let folder = URL(fileURLWithPath: configured, isDirectory: true)
            guard holdsDefault(folder) else {
                throw .builtInFolderNotFound(searched: ["\(environmentVariable)=\(configured)"])
            }
            return folder
        }
        var searched: [String] = []
        var directory = executable()?.resolvingSymlinksInPath().deletingLastPathComponent()
        while let current = directory {
            for candidate in [current.appendingPathComponent("keymaps", isDirectory: true),
                              current.appendingPathComponent("share/scrutiny/keymaps", isDirectory: true)] {
                if holdsDefault(candidate) { return candidate }
            }
            searched.append(current.path)
            let parent = current.deletingLastPathComponent()
            directory = parent.path == current.path ? nil : parent
        }
        throw .builtInFolderNotFound(searched: searched.isEmpty ? ["(the program's location is unknown)"] : searched)
    }

    /// The names of the keymaps in `folder` ("default", "emacs", "vim"), sorted.
    public static func names(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }.sorted()
    }

    private static func holdsDefault(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("default.toml").path)
    }
}
