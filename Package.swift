// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bulletin",
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .library(name: "BulletinCore", targets: ["BulletinCore"]),
        .library(name: "BulletinReader", targets: ["BulletinReader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Bytes to bulletin model and outline nodes; search; width and wrapping. No terminal code.
        .target(name: "BulletinCore", dependencies: ["CByteScan", "CMappedFile"]),
        // The two whole-file byte loops, in C: the UTF-8 cleanliness check and
        // the substring search of archive search's prefilter.
        .target(name: "CByteScan"),
        // File mappings that survive their file shrinking: a SIGBUS past the
        // end is answered with zero pages and reported, not a crash.
        .target(name: "CMappedFile"),
        .target(name: "CMalloc"),
        // The theme model and its TOML reader: used by the reader for user
        // themes, and at build time to compile the built-in ones.
        .target(name: "BulletinThemes", dependencies: ["CTOMLReader"]),
        // toml++ (Debian's libtomlplusplus-dev, header-only) behind a C event
        // stream: TOML without TOMLKit, which brought all of Foundation into
        // every launch.
        .target(name: "CTOMLReader"),
        // The reader as values: state, actions, update, render to a cell grid,
        // key map and themes. No terminal code either, so every screen is testable.
        .target(name: "BulletinReader", dependencies: ["BulletinCore", "BulletinThemes", "BulletinLibrary"], plugins: ["EmbedThemes"]),
        // ncursesw with the wide-character API, through one header of our own.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // ncurses' output held for a frame, to write it at once (`make binary` only).
        .target(name: "CNcursesOutput"),
        // The thin ncurses backend: cell grid to screen, input to events, signals.
        .target(name: "BulletinTerminal", dependencies: ["BulletinReader", "CNcursesw", "CNcursesOutput", "CMappedFile"]),
        // SQLite, the system library (Debian libsqlite3-dev): no Foundation,
        // which GRDB would bring into every launch, and linked statically by
        // `make binary`.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The library of many bulletins: the persistent index and reading
        // state in SQLite, identities that survive renames. No terminal code.
        .target(name: "BulletinLibrary", dependencies: ["BulletinCore", "CSQLite", "CByteScan"]),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinCore", "BulletinReader", "BulletinTerminal", "BulletinLibrary", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Writes go through Sources/CNcursesOutput, which holds the
            // reader's to the terminal while ncurses starts and while a frame
            // is drawn: each goes out in one write. Only ncurses linked in
            // (`make binary`) writes through it; a shared one writes as ever.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--wrap=write"])]
        ),
        // Themes/*.toml parsed at build time and compiled into the binary, so
        // themes work wherever it is copied and a broken one fails the build.
        .executableTarget(name: "ThemeEmbedder", dependencies: ["BulletinThemes"]),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        // What must hold for any input: checked by the fuzz target and the property tests.
        .target(name: "BulletinInvariants", dependencies: ["BulletinCore", "BulletinReader", "BulletinLibrary"]),
        // The libFuzzer target (fuzz/run.sh); without libFuzzer it replays inputs.
        .target(name: "CFuzzDriver", path: "fuzz/CFuzzDriver"),
        .executableTarget(name: "bulletin-fuzz", dependencies: ["BulletinInvariants", "CFuzzDriver"], path: "fuzz/Harness"),
        // Update and render timed on big bulletins without a terminal (bench/README.md).
        .executableTarget(name: "reader-bench", dependencies: ["BulletinReader", "BulletinLibrary"], path: "bench/ReaderBench"),
        .testTarget(name: "BulletinCoreTests", dependencies: ["BulletinCore"], exclude: ["Fixtures"]),
        .testTarget(name: "BulletinReaderTests", dependencies: ["BulletinReader"]),
        .testTarget(name: "BulletinLibraryTests", dependencies: ["BulletinLibrary"]),
        // The fuzz invariants on generated bulletins and on every saved fuzz finding.
        .testTarget(name: "BulletinPropertyTests", dependencies: ["BulletinInvariants", "BulletinCore"]),
        // Runs the built `bulletin` binary: exit codes, stdout/stderr, JSON shapes,
        // and the reader end to end in tmux.
        .testTarget(name: "BulletinCLITests", dependencies: ["bulletin"]),
    ],
    cxxLanguageStandard: .cxx17
)
