// swift-tools-version:6.0
// Scrutiny: a keyboard-only terminal workspace for a council scrutiny panel.
import PackageDescription

let package = Package(
    name: "Scrutiny",
    products: [
        .executable(name: "scrutiny", targets: ["scrutiny"]),
        .library(name: "PanelModel", targets: ["PanelModel"]),
        // For the fuzz targets in Fuzz/, a separate package that reaches the front end's parsers.
        .library(name: "PanelTerminal", targets: ["PanelTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // The panel's data, its edits and its file format. Knows nothing of terminals.
        .target(
            name: "PanelModel",
            dependencies: [.product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        // The C surface of libncursesw, nothing more (see shim.h for why it is hand-written).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The front end: screen buffer, panes, editor, keymaps, and the one adapter that calls ncurses.
        .target(
            name: "PanelTerminal",
            dependencies: [
                "PanelModel", "CNcurses",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "scrutiny",
            dependencies: [
                "PanelModel", "PanelTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release binary carries the Swift runtime and Foundation inside it (as
            // `--static-swift-stdlib` would): loading them as a dozen shared libraries cost
            // 15 M instructions of symbol binding and 5 MiB of their pages before the first
            // frame, and it then runs without the toolchain's libraries installed. Set on this
            // target alone: unsafe flags on the library targets would bar Fuzz/ from using them.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // What every test target that runs the built `scrutiny` shares: finding it, running it.
        .target(name: "ScrutinyTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PanelModelTests", dependencies: ["PanelModel", "ScrutinyTestSupport"]),
        .testTarget(name: "PanelTerminalTests", dependencies: ["PanelTerminal", "PanelModel", "ScrutinyTestSupport"]),
        // Drive the real binary (in tmux, or as a command) and read the store it wrote.
        .testTarget(name: "EndToEndTests", dependencies: ["PanelModel", "ScrutinyTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
