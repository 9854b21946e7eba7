import Foundation
import PanelModel

/// `:sync` on the host's side, while the workspace keeps the store's lock: snapshot the panel
/// (so the journal holds nothing the file does not), run `scrutiny sync FILE` on the plain
/// terminal (it commits, merges others' work into the file, pushes), wait for Enter so its
/// output can be read, then read the store again and start the journal afresh on it.
///
/// The order matters (docs/RELIABILITY.md): a journal left holding changes already in the old
/// file would replay them onto the merged one after a crash; one re-based on the merged file
/// replays only what comes after it.
public struct SyncRunner {
    /// Runs the child with this process's terminal; returns its exit status, or throws when it
    /// could not start.
    public typealias Child = (_ executable: String, _ arguments: [String]) throws -> Int32

    let session: StoreSession
    let executable: String
    let runChild: Child
    let waitForEnter: () -> Void
    let say: (String) -> Void

    public init(session: StoreSession, executable: String = SyncRunner.runningBinary(),
                runChild: @escaping Child = SyncRunner.spawn,
                waitForEnter: @escaping () -> Void = { _ = readLine() },
                say: @escaping (String) -> Void = { print($0); fflush(nil) }) {
        self.session = session
        self.executable = executable
        self.runChild = runChild
        self.waitForEnter = waitForEnter
        self.say = say
    }

    /// What the workspace is told. `document` is the panel as the workspace has it.
    func run(_ document: PanelDocument) -> HostReply {
        do {
            try session.snapshot(document, through: session.lastSequence)
        } catch {
            return .syncFailed(reason: "the panel could not be saved first, so nothing was synced: \(error)")
        }
        let path = session.url.path
        say("scrutiny sync \(path)")
        var succeeded = false
        do {
            succeeded = try runChild(executable, ["sync", path]) == 0
        } catch {
            say("Could not run \(executable): \(error)")
        }
        say("\nPress Enter to return to Scrutiny.")
        waitForEnter()
        do {
            return .synced(try session.adoptStoreWrittenOutside(), succeeded: succeeded)
        } catch {
            return .syncFailed(reason: "\(path) could not be read after the sync (\(error)); the panel on screen is kept "
                + "and will be saved over it — see `git status` before syncing again")
        }
    }

    /// This very program, so the sync is done by the same Scrutiny (Linux: /proc/self/exe).
    public static func runningBinary() -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Runs the child with this process's standard input, output and error (the plain terminal).
    public static func spawn(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
