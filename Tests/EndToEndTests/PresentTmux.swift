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

    /// Runs tmux on this server; returns what it printed.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
        try tmux(["capture-pane", "-p", "-t", name])
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
