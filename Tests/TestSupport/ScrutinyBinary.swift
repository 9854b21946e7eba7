import Foundation

/// Finds the `scrutiny` executable the tests run: the one built beside the test bundle
/// (`swift test` builds every product first), else the package's `.build/debug`, building it
/// once if it is missing, so the end-to-end tests never run an absent or foreign binary.
public enum ScrutinyBinary {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path() throws -> String {
        if let found = candidates().first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return found
        }
        try build()
        guard let built = candidates().first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Missing(description: "scrutiny was built but is not in \(candidates())")
        }
        return built
    }

    public static func url() throws -> URL {
        URL(fileURLWithPath: try path())
    }

    private static func candidates() -> [String] {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return [
            testBundle.deletingLastPathComponent().appendingPathComponent("scrutiny").path,
            packageRoot.appendingPathComponent(".build/debug/scrutiny").path,
        ]
    }

    private static func build() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--product", "scrutiny"]
        process.currentDirectoryURL = packageRoot
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Missing(description: "`swift build --product scrutiny` failed in \(packageRoot.path)")
        }
    }

    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }
}
