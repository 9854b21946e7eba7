import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// The real `scrutiny` binary in a detached tmux window of a fixed size, on a private tmux
/// server (its own socket, so it never meets anyone's sessions): send keys, read the screen,
/// and wait for something to show, with a deadline rather than fixed sleeps.
final class LiveTmux {
    let socket = "scrutiny-live-\(UUID().uuidString.prefix(8))"
    let session = "live"
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// The `scrutiny` that `swift build` put in .build/debug.
    static func binary() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent(".build/debug/scrutiny")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw NSError(domain: "LiveTmux", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "\(url.path) is not there: run `swift build` first"])
        }
        return url
    }

    /// Runs tmux on this server and returns what it printed. Through `sh`, with its output in
    /// a file rather than a pipe (the server the first command starts would inherit a pipe and
    /// keep it open), and waited for with `waitpid`: Foundation's `Process.waitUntilExit` was
    /// seen to leave the finished child unreaped here and wait for ever.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = folder.appendingPathComponent("tmux-output")
        let quoted = (["tmux", "-L", socket] + arguments).map(Self.quote).joined(separator: " ")
        let status = Self.run(["/bin/sh", "-c", "\(quoted) </dev/null >\(Self.quote(output.path)) 2>/dev/null"])
        guard status >= 0 else {
            throw NSError(domain: "LiveTmux", code: 3, userInfo: [NSLocalizedDescriptionKey: "could not run tmux"])
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// posix_spawn and waitpid: the exit status, or -1 when it could not start.
    static func run(_ argv: [String]) -> Int32 {
        var pid: pid_t = 0
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnvironment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        guard posix_spawn(&pid, argv[0], nil, nil, &cArguments, &cEnvironment) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs `scrutiny ARGUMENTS` in a UTF-8 locale, in UTC, with HOME and XDG_CONFIG_HOME in the
    /// test's folder so no user keymap applies; the window stays after it exits.
    func start(_ arguments: [String], width: Int = 120, height: Int = 40) throws {
        let quoted = ([try Self.binary().path] + arguments).map(Self.quote)
        let command = "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC HOME='\(folder.path)' "
            + "XDG_CONFIG_HOME='\(folder.path)/config' " + quoted.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
        try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    /// Key names as tmux knows them: "Enter", "Escape", "Tab", "C-r", or a plain character.
    func keys(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", session, key]) }
    }

    /// Text typed as it is.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
    }

    var hasExited: Bool {
        (try? tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]))?.hasPrefix("1") ?? true
    }

    /// Polls until `condition` holds on the screen; fails with the last screen after `deadline` s.
    func wait(for what: String, upTo deadline: Double = 10, file: StaticString = #filePath, line: UInt = #line,
              until condition: (String) -> Bool) throws {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < deadline {
            last = try screen()
            if condition(last) { return }
            usleep(20_000)
        }
        XCTFail("the screen did not show \(what) within \(deadline) s; it shows:\n\(last)", file: file, line: line)
        throw NSError(domain: "LiveTmux", code: 2, userInfo: [NSLocalizedDescriptionKey: "timed out waiting for \(what)"])
    }
}
