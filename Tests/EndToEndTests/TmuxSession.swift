import Foundation
import XCTest

/// The real `scrutiny` binary running in a detached tmux session: type into it, read its
/// screen, resize it, signal it. Each session has its own tmux server (a unique `-L` socket,
/// no user configuration), so tests never touch anyone's tmux and can run as root in CI.
final class TmuxSession {
    let socket: String
    private let configuration: URL
    private let tmux: String

    /// Starts `arguments` (the first is the program) in a new `width`×`height` session.
    /// The program runs under a small shell that, when it ends, prints "exited N" and stays,
    /// so the tests can read its exit status and the terminal modes it left behind.
    init(_ arguments: [String], width: Int = 120, height: Int = 40,
         environment: [String: String] = [:], directory: URL) throws {
        tmux = try Self.findTmux()
        socket = "scrutiny-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        configuration = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        try "set -g history-limit 0\n".write(to: configuration, atomically: true, encoding: .utf8)
        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": directory.path, "PATH": "/usr/bin:/bin"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let wrapper = "\"$@\"; echo \"exited $?\"; exec sleep 600"
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", directory.path, "-s", "e2e",
                 "--", "env", "-i"] + assignments + ["sh", "-c", wrapper, "sh"] + arguments)
    }

    deinit { close() }

    /// Stops the tmux server and everything in it.
    func close() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: configuration)
    }

    // MARK: Input

    /// Presses keys by tmux's names: "Enter", "Down", "C-c", "Escape"…
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", "e2e"] + keys)
    }

    /// Types text literally, character by character.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "e2e", "-l", text])
    }

    /// Pastes text the way a terminal does when bracketed paste is on (tmux turns newlines into
    /// carriage returns, as a terminal would).
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e", text])
        try run(["paste-buffer", "-p", "-d", "-b", "e2e", "-t", "e2e"])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: Output

    /// The screen as text, one line per row.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", "e2e"])
    }

    /// The screen with its attributes as SGR escape sequences (`capture-pane -e`).
    func screenWithAttributes() throws -> String {
        try run(["capture-pane", "-e", "-p", "-t", "e2e"])
    }

    /// A tmux format value for the pane, e.g. "pane_pid", "pane_dead", "alternate_on".
    func pane(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "e2e", "#{\(format)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Any other tmux command on this session's own server, e.g. `["list-buffers"]` or
    /// `["set-option", "-g", "set-clipboard", "on"]`; returns what tmux printed.
    @discardableResult
    func command(_ arguments: [String]) throws -> String {
        try run(arguments)
    }

    /// The pid of the program, a child of the pane's shell, or nil once it has ended.
    func programPID() throws -> pid_t? {
        let shell = try pane("pane_pid")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid_t($0) }.first { pid in
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
            return !name.hasPrefix("sleep")
        }
    }

    /// Sends a signal to the program.
    func signal(_ number: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let pid = try programPID() else {
            XCTFail("the program is not running", file: file, line: line)
            throw Timeout()
        }
        kill(pid, number)
    }

    /// Polls the screen until it contains `text`; fails with the last screen at the deadline.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath,
                 line: UInt = #line) throws -> String {
        try poll(timeout: timeout, failure: "\"\(text)\" did not appear within \(timeout) s", file: file, line: line) {
            $0.contains(text)
        }
    }

    /// Polls until the title bar says "saved HH:MM:SS" with a time no earlier than `moment`
    /// (to the second): proof that a change made after `moment` was saved, where the words
    /// "saved …" alone would also match the state the store was opened in. Tests backdate the
    /// store (`backdate`) so that the opening state is never mistaken for a new save.
    @discardableResult
    func waitForSave(after moment: Date, timeout: TimeInterval = 10, file: StaticString = #filePath,
                     line: UInt = #line) throws -> String {
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        clock.timeZone = .current
        let wanted = clock.string(from: moment)
        return try poll(timeout: timeout, failure: "no save at or after \(wanted) within \(timeout) s", file: file,
                        line: line) { screen in
            guard let found = screen.range(of: #"saved \d\d:\d\d:\d\d"#, options: .regularExpression) else { return false }
            return String(screen[found].dropFirst("saved ".count)) >= wanted
        }
    }

    /// Makes a store look an hour old, so the "saved" time it opens with is an hour ago.
    static func backdate(_ store: URL) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: store.path)
    }

    /// Polls until the screen no longer contains `text`.
    func waitForAbsence(of text: String, timeout: TimeInterval = 10, file: StaticString = #filePath,
                        line: UInt = #line) throws {
        try poll(timeout: timeout, failure: "\"\(text)\" was still there after \(timeout) s", file: file, line: line) {
            !$0.contains(text)
        }
    }

    /// Polls until `condition` holds on the screen (`what` names it in the failure); returns that screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: (String) -> Bool) throws -> String {
        try poll(timeout: timeout, failure: "the screen did not show \(what) within \(timeout) s", file: file, line: line,
                 until: condition)
    }

    /// The one polling loop behind every wait: a deadline, never a fixed sleep, and the last
    /// screen in the failure so a timed-out test shows what was there instead.
    @discardableResult
    private func poll(timeout: TimeInterval, failure: String, file: StaticString, line: UInt,
                      until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        } while Date() < deadline
        XCTFail("\(failure). The screen was:\n\(last)", file: file, line: line)
        throw Timeout()
    }

    /// Waits for the program to end; returns its exit status.
    func waitForExit(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> Int32 {
        let screen = try waitFor("exited ", timeout: timeout, file: file, line: line)
        let status = screen.components(separatedBy: "exited ").last?.prefix { $0.isNumber } ?? ""
        return Int32(status) ?? -1
    }

    struct Timeout: Error {}

    struct CommandFailed: Error, CustomStringConvertible {
        let description: String
    }

    // MARK: Running tmux

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        // Output goes through files, and tmux is started with posix_spawn and waited for with
        // waitpid: the server that `new-session` forks inherits the client's descriptors, and
        // Foundation's Process waits for those to close, that is, for the server to end.
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID()).out")
        let errorFile = outputFile.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let argv = [tmux, "-L", socket, "-f", configuration.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")  // even when the tests run inside tmux
        let envp = environment.map { "\($0.key)=\($0.value)" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in posix_spawn(&pid, tmux, &actions, nil, cArgv, cEnvp) }
        }
        guard spawned == 0 else {
            throw CommandFailed(description: "could not start \(tmux): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitedCleanly = (status & 0x7F) == 0 && ((status >> 8) & 0xFF) == 0
        let output = String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
        guard exitedCleanly || arguments.first == "kill-server" else {
            let errors = String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
            throw CommandFailed(description: "tmux \(arguments.joined(separator: " ")): \(errors)")
        }
        return output
    }

    private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    private static func findTmux() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw CommandFailed(description: "tmux is needed for the end-to-end tests: apt-get install -y tmux")
    }
}
