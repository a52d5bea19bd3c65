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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CSystemShims"),
        .target(
            name: "GTMKit",
            dependencies: [
                "CCmarkGFM",
                "CSystemShims",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "gtmgen",
            dependencies: [
                "GTMKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "GTMKitTests",
            dependencies: ["GTMKit", "gtmgen"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
