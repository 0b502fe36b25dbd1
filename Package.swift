// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Tsunagari",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TsunagariKit", targets: ["TsunagariKit"]),
        .library(name: "TsunagariMaps", targets: ["TsunagariMaps"]),
        .library(name: "TsunagariReport", targets: ["TsunagariReport"]),
        .executable(name: "tsunagari", targets: ["tsunagari"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Model, import and diagnostics: pure Swift, no C.
        .target(name: "TsunagariKit", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The Graphviz C library, found through pkg-config.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // The only code that calls into Graphviz.
        .target(name: "TsunagariMaps", dependencies: ["TsunagariKit", "CGraphviz"]),
        // What the meeting report and a comparison consist of: their maps, charts and HTML.
        .target(name: "TsunagariReport", dependencies: ["TsunagariKit", "TsunagariMaps", .product(name: "Mustache", package: "swift-mustache")],
                resources: [.copy("Resources")]),
        .executableTarget(
            name: "tsunagari",
            dependencies: [
                "TsunagariKit", "TsunagariMaps", "TsunagariReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Stage timings for `make bench`.
        .executableTarget(name: "tsunagari-bench", dependencies: ["TsunagariKit", "TsunagariMaps"]),
        .testTarget(
            name: "TsunagariKitTests",
            dependencies: ["TsunagariKit", "TsunagariReport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TsunagariMapsTests", dependencies: ["TsunagariMaps", "TsunagariKit"]),
        .testTarget(name: "tsunagariCLITests", dependencies: ["tsunagari"], resources: [.copy("Fixtures")]),
    ]
)
