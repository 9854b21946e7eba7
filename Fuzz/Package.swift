// swift-tools-version:6.0
// Fuzz targets for Scrutiny's parsers of outside input, built with libFuzzer:
//   swift build --package-path Fuzz --sanitize=fuzzer   (scripts/fuzz does this)
// A separate package so the main one never carries fuzzer flags or targets.
import PackageDescription

// Each target is a file of `@_cdecl("LLVMFuzzerTestOneInput")`; libFuzzer supplies `main`.
let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "ScrutinyFuzz",
    dependencies: [.package(name: "Scrutiny", path: "..")],
    targets: [
        .executableTarget(name: "FuzzStore", dependencies: [.product(name: "PanelModel", package: "Scrutiny")],
                          swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzReport", dependencies: [.product(name: "PanelModel", package: "Scrutiny")],
                          swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzJournal", dependencies: [.product(name: "PanelModel", package: "Scrutiny")],
                          swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzKeymap", dependencies: [.product(name: "PanelTerminal", package: "Scrutiny")],
                          swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzPaste", dependencies: [.product(name: "PanelTerminal", package: "Scrutiny")],
                          swiftSettings: fuzzSettings),
        // Not a fuzz target: times StoreSession.record and snapshot (see its main.swift).
        .executableTarget(name: "JournalBench", dependencies: [.product(name: "PanelModel", package: "Scrutiny")]),
    ],
    swiftLanguageModes: [.v6]
)
