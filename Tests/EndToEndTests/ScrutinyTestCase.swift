import Foundation
import ScrutinyTestSupport
import XCTest

/// The fixture every end-to-end test starts from: a temporary folder of its own (the program's
/// HOME too), the store's path in it, and the real `scrutiny` in `TmuxSession`s. When the test
/// ends, every session is closed and the folder removed, whether it passed or not.
class ScrutinyTestCase: XCTestCase {
    private(set) var folder: URL!
    private var sessions: [TmuxSession] = []

    /// The store the tests open: `panel.json` in the folder. A subclass may put it elsewhere
    /// inside the folder; its parent folder is created before the test.
    var store: URL { folder.appendingPathComponent("panel.json") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        sessions.forEach { $0.close() }
        sessions = []
        if let folder { try? FileManager.default.removeItem(at: folder) }
        try super.tearDownWithError()
    }

    /// `scrutiny ARGUMENTS` in a new tmux session, started in `directory` (the folder unless given).
    func scrutiny(_ arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
                  directory: URL? = nil) throws -> TmuxSession {
        try tmux([try ScrutinyBinary.path()] + arguments, width: width, height: height, environment: environment,
                 directory: directory)
    }

    /// Any command in a new tmux session that is closed with the test.
    func tmux(_ command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
              directory: URL? = nil) throws -> TmuxSession {
        let session = try TmuxSession(command, width: width, height: height, environment: environment,
                                      directory: directory ?? folder)
        sessions.append(session)
        return session
    }
}
