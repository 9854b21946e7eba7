import Foundation
import PanelModel
import XCTest

/// One writer per store, with the real binary in tmux: a second instance is refused with who
/// holds the store and offered a read-only view; a stale lock is taken over; a lock from
/// another host is never removed; of two instances started at the same moment exactly one writes.
final class LockInTmuxTests: XCTestCase {
    private var folder: URL!
    private var store: URL!
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-lock-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("panel.json")
        try PanelStore.create(PanelTemplates.blank, at: store)
        try TmuxSession.backdate(store)
    }

    override func tearDownWithError() throws {
        sessions.forEach { $0.close() }
        try? FileManager.default.removeItem(at: folder)
    }

    private var lockPath: String { store.path + ".lock" }

    private func start(_ arguments: [String]? = nil, width: Int = 120) throws -> TmuxSession {
        let session = try TmuxSession(arguments ?? [ScrutinyBinary.path(), store.path], width: width, directory: folder)
        sessions.append(session)
        return session
    }

    /// Text without its white space: a message wrapped at the terminal's width loses the space
    /// at the end of a line when the screen is read back.
    private func unwrapped(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }

    private func firstCell() throws -> String {
        let framework = try PanelStore.load(from: store).framework
        return framework[framework.criteria[0].id, framework.dimensions[0].id]
    }

    /// The lock file's owner, as written by whoever holds it.
    private func lockOwner() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: lockPath))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testASecondInstanceIsRefusedWithWhoAndSinceAndCanLookReadOnly() throws {
        let first = try start()
        try first.waitFor("Effectiveness × Diagnosis")
        let pid = try XCTUnwrap(try first.programPID())

        let second = try start()
        let refusal = try second.waitFor("[r]ead-only / [q]uit:")
        let owner = try lockOwner()
        let since = try XCTUnwrap(owner["started"] as? String)
        let host = try XCTUnwrap(owner["host"] as? String)
        XCTAssertTrue(unwrapped(refusal).contains(unwrapped("\(store.path) is open in pid \(pid) on \(host) since \(since)")),
                      refusal)
        try second.type("r")
        try second.press("Enter")
        try second.waitFor("read-only view")
        // Undo would change the panel: refused, and nothing reaches the store.
        try second.press("u")
        try second.waitFor("read-only view: nothing can be changed here")
        try second.press("q")
        XCTAssertEqual(try second.waitForExit(), 0)
        XCTAssertEqual(try lockOwner()["pid"] as? Int, Int(pid), "the read-only view leaves the writer's lock alone")

        // The writer goes on and saves as usual.
        try first.press("Enter")
        try first.type("still mine")
        let finishing = Date()
        try first.press("Enter")
        try first.waitForSave(after: finishing)
        try first.press("q")
        XCTAssertEqual(try first.waitForExit(), 0)
        XCTAssertEqual(try firstCell(), "still mine")
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath), "the lock goes with its writer")
    }

    func testQuittingAtTheLockPromptChangesNothing() throws {
        let first = try start()
        try first.waitFor("Effectiveness × Diagnosis")
        let before = try Data(contentsOf: store)
        let second = try start()
        try second.waitFor("[r]ead-only / [q]uit:")
        try second.type("q")
        try second.press("Enter")
        XCTAssertEqual(try second.waitForExit(), 1)
        XCTAssertEqual(try Data(contentsOf: store), before)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lockPath))
    }

    func testALockFromAnotherHostIsNeverRemovedAndTheMessageSaysHow() throws {
        let foreign = #"{"host":"clerk-laptop","pid":4242,"program":"scrutiny 0.1","started":"2024-03-06T10:41:07Z"}"#
        try Data(foreign.utf8).write(to: URL(fileURLWithPath: lockPath))
        let session = try start()
        let screen = try session.waitFor("[r]ead-only / [q]uit:")
        XCTAssertTrue(unwrapped(screen).contains(unwrapped("is open in pid 4242 on clerk-laptop since 2024-03-06T10:41:07Z")),
                      screen)
        XCTAssertTrue(unwrapped(screen).contains(unwrapped("remove the lock by hand (rm '\(store.path).lock')")), screen)
        try session.type("q")
        try session.press("Enter")
        XCTAssertEqual(try session.waitForExit(), 1)
        XCTAssertEqual(try String(contentsOfFile: lockPath, encoding: .utf8), foreign, "never removed")
    }

    func testAStaleLockIsTakenOverAndTheStatusSaysWhatTheJournalRecovered() throws {
        // A clerk's session recorded two changes, then died before any snapshot: its journal holds
        // them and its lock names a pid that is no longer running.
        let (writer, _) = try StoreSession.open(store, program: "scrutiny 0.1")
        var document = try PanelStore.load(from: store)
        let key = CellKey(criterion: document.framework.criteria[0].id, dimension: document.framework.dimensions[0].id)
        for text in ["typed in the meeting", "typed in the meeting, and more"] {
            let edit = Edit.setCell(key, from: document.framework[key], to: text)
            try edit.apply(to: &document)
            try writer.record(edit)
        }
        writer.close()
        let dead = try deadPID()
        let stale = #"{"host":"\#(StoreLockHost.name)","pid":\#(dead),"program":"scrutiny 0.1","started":"2024-03-06T10:41:07Z"}"#
        try Data(stale.utf8).write(to: URL(fileURLWithPath: lockPath))

        let session = try start(width: 200)
        let screen = try session.waitFor("Took over the lock left by pid \(dead) (since 2024-03-06T10:41:07Z), "
            + "which is no longer running; replayed 2 changes")
        XCTAssertTrue(screen.contains("typed in the"), "the replayed text is in its cell:\n\(screen)")
        XCTAssertEqual(try lockOwner()["pid"] as? Int, Int(try XCTUnwrap(try session.programPID())))
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        XCTAssertEqual(try firstCell(), "typed in the meeting, and more", "the snapshot holds the replayed changes")
    }

    func testOfTwoInstancesStartedAtTheSameMomentExactlyOneWrites() throws {
        // Both wait for the same file, then start within a few milliseconds of each other.
        let go = folder.appendingPathComponent("go").path
        let command = "while [ ! -e '\(go)' ]; do sleep 0.005; done; exec '\(try ScrutinyBinary.path())' '\(store.path)'"
        let pair = try (0..<2).map { _ in try start(["sh", "-c", command]) }
        Thread.sleep(forTimeInterval: 0.2)  // Both shells are polling.
        FileManager.default.createFile(atPath: go, contents: Data())

        var winners: [TmuxSession] = []
        var refused: [TmuxSession] = []
        for session in pair {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let screen = try session.screen()
                if screen.contains("Effectiveness × Diagnosis") { winners.append(session); break }
                if screen.contains("[r]ead-only / [q]uit:") { refused.append(session); break }
                usleep(50_000)
            }
        }
        XCTAssertEqual(winners.count, 1, "exactly one opens the store for writing")
        XCTAssertEqual(refused.count, 1, "the other is refused")
        guard let winner = winners.first, let loser = refused.first else { return }
        try loser.type("q")
        try loser.press("Enter")
        XCTAssertEqual(try loser.waitForExit(), 1)
        try winner.press("Enter")
        try winner.type("the winner's note")
        let finishing = Date()
        try winner.press("Enter")
        try winner.waitForSave(after: finishing)
        try winner.press("q")
        XCTAssertEqual(try winner.waitForExit(), 0)
        XCTAssertEqual(try firstCell(), "the winner's note")
    }

    /// The pid of a process that has ended (a finished child, reaped).
    private func deadPID() throws -> pid_t {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        XCTAssertEqual(posix_spawn(&pid, "/bin/true", nil, nil, argv, nil), 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }
}

/// This machine's name as the lock writes it (gethostname).
enum StoreLockHost {
    static var name: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
