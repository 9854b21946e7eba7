import Foundation
import XCTest
@testable import PanelModel

/// One writer per store: a live holder refuses, a dead one is taken over, another host's lock
/// is never removed, and of many instances starting at once exactly one wins.
final class StoreLockTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_709_721_667)  // 2024-03-06T10:41:07Z

    func testTheLockSaysWhoHoldsItAndNothingElse() throws {
        let store = try StoreFixture()
        let lock = try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.1", now: now)
        XCTAssertEqual(mode(of: store.lockPath), "600")
        let owner = try JSONDecoder().decode(StoreLock.Owner.self, from: Data(contentsOf: URL(fileURLWithPath: store.lockPath)))
        XCTAssertEqual(owner, StoreLock.Owner(pid: getpid(), host: StoreLock.hostName(), started: "2024-03-06T10:41:07Z",
                                              program: "scrutiny 0.1"))
        let keys = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store.lockPath))) as? [String: Any]
        XCTAssertEqual(keys?.keys.sorted(), ["host", "pid", "program", "started"])
        XCTAssertNil(lock.takenOver)
        lock.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.lockPath))
        XCTAssertEqual(try store.scratch.names(), ["panel.json"], "no temp file left behind")
    }

    func testASecondInstanceIsRefusedWithWhoAndSince() throws {
        let store = try StoreFixture()
        let first = try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.1", now: now)
        let error = thrown(StoreLockError.self) {
            _ = try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.1")
        }
        XCTAssertEqual(error?.description, "panel.json is open in pid \(getpid()) on \(StoreLock.hostName()) since "
                       + "2024-03-06T10:41:07Z (scrutiny 0.1). Close it there, or open this copy read-only.")
        XCTAssertTrue(first.isInPlace, "the refused attempt left the lock alone")
        XCTAssertEqual(try store.scratch.names(), ["panel.json", "panel.json.lock"])
        first.release()
        XCTAssertNoThrow(try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.1").release())
    }

    func testALockLeftByADeadProcessIsTakenOverAndSaysSo() throws {
        let store = try StoreFixture()
        let dead = try deadPid()
        try writeLock(store.lockPath, pid: dead, host: StoreLock.hostName())
        let lock = try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.2", now: now)
        XCTAssertEqual(lock.takenOver?.description,
                       "took over the lock left by pid \(dead) (since 2024-03-06T09:00:00Z), which is no longer running")
        let owner = try JSONDecoder().decode(StoreLock.Owner.self, from: Data(contentsOf: URL(fileURLWithPath: store.lockPath)))
        XCTAssertEqual(owner.pid, getpid())
        XCTAssertEqual(mode(of: store.lockPath), "600")
        lock.release()
    }

    func testALiveButUnrelatedPidDoesNotKeepAStaleLock() throws {
        // pid 1 is alive, but it is not holding the lock's flock: its number was reused.
        let store = try StoreFixture()
        try writeLock(store.lockPath, pid: 1, host: StoreLock.hostName())
        let lock = try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.2")
        XCTAssertEqual(lock.takenOver?.description,
                       "took over the lock left by pid 1 (since 2024-03-06T09:00:00Z), whose number now belongs to another program")
        lock.release()
    }

    func testALockFromAnotherHostIsNeverRemoved() throws {
        let store = try StoreFixture()
        try writeLock(store.lockPath, pid: 4242, host: "clerk-laptop")
        let before = try Data(contentsOf: URL(fileURLWithPath: store.lockPath))
        let error = thrown(StoreLockError.self) {
            _ = try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.1")
        }
        XCTAssertEqual(error?.description, "panel.json is open in pid 4242 on clerk-laptop since 2024-03-06T09:00:00Z "
                       + "(scrutiny 0.1). Scrutiny cannot tell from this machine whether it is still running there. "
                       + "If it is not, remove the lock by hand (rm 'panel.json.lock') and open the panel again; "
                       + "or open it read-only.")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.lockPath)), before)
        XCTAssertEqual(try store.scratch.names(), ["panel.json", "panel.json.lock"])
    }

    func testAnUnreadableLockHeldByALiveProcessIsRefused() throws {
        let store = try StoreFixture()
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: store.lockPath))
        let holder = open(store.lockPath, O_RDONLY)
        defer { close(holder) }
        XCTAssertEqual(flock(holder, LOCK_EX), 0)
        let error = thrown(StoreLockError.self) {
            _ = try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny 0.1")
        }
        XCTAssertEqual(error, .heldByUnknown(lockFile: "panel.json.lock", storeName: "panel.json"))
    }

    func testAFolderWithoutRoomForALockIsReported() throws {
        let error = thrown(StoreLockError.self) {
            _ = try StoreLock.acquire(for: "/nonexistent-folder/panel.json", displayName: "panel.json", program: "s")
        }
        XCTAssertEqual(error?.description, "Could not create the lock panel.json.lock: the folder /nonexistent-folder "
                       + "does not exist. The panel can still be opened read-only.")
    }

    func testOfManyInstancesStartingAtOnceExactlyOneWins() throws {
        for round in 0..<25 {
            let store = try StoreFixture()
            if round % 2 == 1 { try writeLock(store.lockPath, pid: try deadPid(), host: StoreLock.hostName()) }
            let path = store.path
            let results = race(8) { () -> StoreLock? in
                try? StoreLock.acquire(for: path, displayName: "panel.json", program: "scrutiny")
            }
            let winners = results.compactMap { $0 }
            XCTAssertEqual(winners.count, 1, "round \(round) (\(round % 2 == 1 ? "stale lock" : "no lock"))")
            XCTAssertTrue(winners.first?.isInPlace ?? false)
            winners.forEach { $0.release() }
            XCTAssertEqual(try store.scratch.names(), ["panel.json"], "round \(round): no temp file left behind")
        }
    }

    func testOfManyProcessesStartingAtOnceExactlyOneWins() throws {
        // Each contender is this test binary run again with `testAContenderTakesTheLock`, told by
        // the environment which store to lock; all wait for a "go" file, then race.
        let store = try StoreFixture()
        let go = store.scratch.file("go").path
        var children: [Process] = []
        for k in 0..<6 {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["PanelModelTests.StoreLockTests/testAContenderTakesTheLock"]
            child.environment = ProcessInfo.processInfo.environment.merging([
                "SCRUTINY_LOCK_RACE_STORE": store.path, "SCRUTINY_LOCK_RACE_GO": go,
                "SCRUTINY_LOCK_RACE_OUT": store.scratch.file("result-\(k)").path,
            ]) { $1 }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            children.append(child)
        }
        // Wait until every child is up and polling for "go", so they really race (each says so
        // with a ready-K file); the winner holds the lock until all have answered.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline,
              (try store.scratch.names()).filter({ $0.hasPrefix("ready-") }).count < 6 { usleep(5_000) }
        XCTAssertEqual((try store.scratch.names()).filter { $0.hasPrefix("ready-") }.count, 6, "every contender started")
        FileManager.default.createFile(atPath: go, contents: nil)
        children.forEach { $0.waitUntilExit() }
        let results = try (0..<6).map {
            try String(contentsOf: store.scratch.file("result-\($0)"), encoding: .utf8)
        }
        XCTAssertEqual(results.filter { $0 == "won" }.count, 1, "\(results)")
        XCTAssertEqual(results.filter { $0.hasPrefix("refused: ") }.count, 5, "\(results)")
    }

    /// A contender for the test above when run with its environment; on its own, a plain check
    /// that taking and releasing a lock leaves nothing behind.
    func testAContenderTakesTheLock() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["SCRUTINY_LOCK_RACE_STORE"], let go = environment["SCRUTINY_LOCK_RACE_GO"],
              let out = environment["SCRUTINY_LOCK_RACE_OUT"] else {
            let store = try StoreFixture()
            try StoreLock.acquire(for: store.path, displayName: "panel.json", program: "scrutiny").release()
            XCTAssertEqual(try store.scratch.names(), ["panel.json"])
            return
        }
        let outURL = URL(fileURLWithPath: out)
        let ready = outURL.deletingLastPathComponent()
            .appendingPathComponent(outURL.lastPathComponent.replacingOccurrences(of: "result-", with: "ready-"))
        FileManager.default.createFile(atPath: ready.path, contents: nil)
        while !FileManager.default.fileExists(atPath: go) { usleep(500) }
        do {
            let lock = try StoreLock.acquire(for: path, displayName: "panel.json", program: "scrutiny")
            try Data("won".utf8).write(to: URL(fileURLWithPath: out))
            // Hold it until every contender has tried and written its result.
            let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
            for _ in 0..<60_000 {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                if names.filter({ $0.hasPrefix("result-") }).count == 6 { break }
                usleep(1000)
            }
            lock.release()
        } catch {
            try Data("refused: \(error)".utf8).write(to: URL(fileURLWithPath: out))
        }
    }

    // MARK: - Helpers

    private func writeLock(_ path: String, pid: Int32, host: String) throws {
        let owner = StoreLock.Owner(pid: pid, host: host, started: "2024-03-06T09:00:00Z", program: "scrutiny 0.1")
        try Data(StoreLock.ownerJSON(owner).utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
    }

    /// The pid of a process that has ended (and been reaped), so `kill(pid, 0)` says ESRCH.
    private func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Runs `body` on `count` threads released at the same moment; returns their results.
    private func race<T: Sendable>(_ count: Int, _ body: @escaping @Sendable () -> T) -> [T] {
        let results = Results<T>()
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for _ in 0..<count {
            group.enter()
            Thread {
                start.wait()
                results.append(body())
                group.leave()
            }.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
        return results.values
    }
}

private final class Results<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [T] = []
    func append(_ value: T) { lock.withLock { storage.append(value) } }
    var values: [T] { lock.withLock { storage } }
}
