// swift-tools-version: 6.0
// libFuzzer targets, kept out of the main package: they build only with `-sanitize=fuzzer`.
// Run them with `make fuzz` from the repository's top.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "TsunagariFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "TsunagariKit", package: root)]),
        .executableTarget(name: "FuzzImport", dependencies: ["FuzzSupport", .product(name: "TsunagariKit", package: root)]),
        .executableTarget(name: "FuzzWorkbook", dependencies: ["FuzzSupport", .product(name: "TsunagariKit", package: root)]),
        .executableTarget(name: "FuzzForms", dependencies: ["FuzzSupport", .product(name: "TsunagariKit", package: root)]),
        .executableTarget(name: "FuzzDOT", dependencies: [
            "FuzzSupport", .product(name: "TsunagariKit", package: root), .product(name: "TsunagariMaps", package: root),
        ]),
    ]
)
