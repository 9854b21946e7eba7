import Foundation
import ScrutinyTestSupport
import XCTest

/// The model tests that check a command as a clerk types it (`new`, `check`, `import`,
/// `export`) all run the real `scrutiny` that `swift test` builds beside the test bundle, the
/// same way: in a scratch folder, with its output and errors captured.
typealias ScrutinyRun = CommandRun

extension XCTestCase {
    /// Runs `scrutiny ARGUMENTS` in `folder`, with this process's environment.
    func scrutiny(_ arguments: [String], in folder: ScratchFolder) throws -> ScrutinyRun {
        try CommandRun.run(ScrutinyBinary.url(), arguments, in: folder.url,
                           environment: ProcessInfo.processInfo.environment)
    }
}
