// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gtmgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gtmgen", targets: ["gtmgen"]),
        .library(name: "GTMKit", targets: ["GTMKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Used by `serve` alongside Hummingbird, at the versions Hummingbird resolves.
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // Tests only: random sites and edits for the incremental-equals-clean property.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libgit2: the content's history, read in-process (no `git` process per build or file).
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // Traditional → Simplified Chinese data, so search folds both scripts alike.
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev", "libopencc-data"])]
        ),
        .target(name: "CSystemShims"),
        // The Mustache engine: depends on nothing else of gtmgen.
        .target(name: "MustacheEngine"),
        .target(
            name: "GTMKit",
            dependencies: [
                "CCmarkGFM",
                "CGit2",
                "COpenCC",
                "CSystemShims",
                "MustacheEngine",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "gtmgen",
            dependencies: [
                "GTMKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // mimalloc (Debian libmimalloc-dev) replaces the C library's malloc for the whole
            // process: a build allocates millions of small strings, arrays and cmark nodes on
            // every core, and glibc's arenas spent a sixth of a 10k build's processor time on
            // them (bench/RESULTS.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "MustacheEngineTests", dependencies: ["MustacheEngine"]),
        .testTarget(
            name: "GTMKitTests",
            dependencies: [
                "GTMKit", "gtmgen", "MustacheEngine",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
