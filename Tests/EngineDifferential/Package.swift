// swift-tools-version:6.0
// Renders every page of the example project, every fixture and a generated corpus through
// gtmgen's Mustache engine and through swift-mustache, the engine gtmgen used before, and
// requires identical bytes. A package of its own so that swift-mustache stays out of gtmgen:
//   swift test --package-path Tests/EngineDifferential
import PackageDescription

let package = Package(
    name: "EngineDifferential",
    dependencies: [
        .package(name: "gtmgen", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .testTarget(
            name: "EngineDifferentialTests",
            dependencies: [
                .product(name: "GTMKit", package: "gtmgen"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
    ]
)
