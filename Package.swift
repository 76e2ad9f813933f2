// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bulletin",
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .library(name: "BulletinCore", targets: ["BulletinCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Bytes to bulletin model and outline nodes; search; width and wrapping. No terminal code.
        .target(name: "BulletinCore", dependencies: ["CByteScan"]),
        // The two whole-file byte loops, in C: the UTF-8 cleanliness check and
        // the substring search of archive search's prefilter.
        .target(name: "CByteScan"),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BulletinCoreTests", dependencies: ["BulletinCore"], exclude: ["Fixtures"]),
        // Runs the built `bulletin` binary: exit codes, stdout/stderr, JSON shapes.
        .testTarget(name: "BulletinCLITests", dependencies: ["bulletin"]),
    ]
)
