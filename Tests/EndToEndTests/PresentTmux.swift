import Foundation
import XCTest

/// A private tmux server (its own socket, so it never meets the user's sessions) running the
/// real `scrutiny` binary in detached windows of a fixed size: send keys, read the screen, and
/// wait for the screen to show something, with a deadline instead of fixed sleeps.
final class PresentTmux {
    let socket = "scrutiny-present-\(UUID().uuidString.prefix(8))"
    let home: URL

    init(home: URL) {
        self.home = home
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// The `scrutiny` that `swift build` put beside the test bundle.
    static var binary: URL {
        get throws {
            let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                              URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                              URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                                  .deletingLastPathComponent().appendingPathComponent(".build/debug")]
            for folder in candidates {
                let url = folder.appendingPathComponent("scrutiny")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
            throw XCTSkip("the scrutiny binary was not found: run `swift build` first")
        }
    }

    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs tmux on this server; returns what it printed when `output` is asked for.
    ///
    /// Spawned with posix_spawn rather than Foundation's `Process`: the server that
    /// `new-session` starts would inherit the socket `Process` watches to see its child end, and
    /// `waitUntilExit` would then wait for the server, forever. Here the child gets /dev/null
    /// (or a file for `capture-pane`) for its standard descriptors, and the server is killed
    /// when the test ends.
    @discardableResult
    func tmux(_ arguments: [String], output: Bool = false) throws -> String {
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)")
        defer { unlink(outFile.path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ? outFile.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ)
        guard status == 0 else {
            throw NSError(domain: "tmux", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "tmux did not start"])
        }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        return output ? ((try? String(contentsOf: outFile, encoding: .utf8)) ?? "") : ""
    }

    /// Starts `scrutiny ARGUMENTS` in a new detached session named `name`, in a UTF-8 locale,
    /// with HOME and XDG_CONFIG_HOME in the test's folder so no user keymap applies.
    func start(_ name: String, _ arguments: [String], width: Int = 120, height: Int = 40) throws {
        let binary = try Self.binary
        let quoted = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME='\(home.path)' "
            + "XDG_CONFIG_HOME='\(home.path)/config' " + quoted.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        // Keep the window after the program ends, so a crash's last screen can be read.
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Key names as tmux knows them ("Enter", "Escape", "Down", "F5", "C-r").
    func keys(_ name: String, _ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Text typed as it is, character by character.
    func type(_ name: String, _ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen(_ name: String) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name], output: true)
    }

    /// Waits until the program in `name` has ended (its pane is kept, dead, for reading).
    func waitForExit(_ name: String, upTo deadline: Double = 5, file: StaticString = #filePath, line: UInt = #line) throws {
        let start = Date()
        while Date().timeIntervalSince(start) < deadline {
            let state = try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"], output: true)
            if state.hasPrefix("1") || state.isEmpty { return }
            usleep(10_000)
        }
        XCTFail("\(name) did not end within \(deadline) s", file: file, line: line)
    }

    /// Polls the screen until `condition` holds; returns the time it took, or fails the test
    /// with the last screen when `deadline` seconds pass first.
    @discardableResult
    func wait(_ name: String, upTo deadline: Double = 5, file: StaticString = #filePath, line: UInt = #line,
              for what: String, until condition: (String) -> Bool) throws -> Double {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < deadline {
            last = try screen(name)
            if condition(last) { return Date().timeIntervalSince(start) }
            usleep(10_000)
        }
        XCTFail("\(name) did not show \(what) within \(deadline) s; its screen:\n\(last)", file: file, line: line)
        return deadline
    }
}
