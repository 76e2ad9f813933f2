import Foundation
import Testing

/// The reader's command line outside a terminal: themes, errors, defaults.
@Suite struct ReaderCLITests {
    @Test func themesListsTheBuiltInThemes() throws {
        let result = try CLI.run(["themes"])
        #expect(result.status == 0)
        for name in ["dark", "light", "high-contrast", "monochrome"] {
            #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix(name + " ") }, "\(result.stdout)")
        }
        #expect(result.stdout.contains("[default]"))
    }

    /// A user theme's description is the user's text: its control characters
    /// are spelled out, not sent to the terminal.
    @Test func themesSpellsOutControlCharactersOfUserThemes() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("xdg-\(UUID().uuidString)")
        let themes = config.appendingPathComponent("bulletin/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        let dark = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Themes/dark.toml"), encoding: .utf8)
        let evil = dark.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("description") ? #"description = "\u001b[31mRED\u0007""# : String($0) }.joined(separator: "\n")
        try evil.write(to: themes.appendingPathComponent("evil.toml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["themes"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#"evil            \u{1B}[31mRED\u{7} ("#), "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func brokenThemeFileIsAnErrorNamingFileAndLine() throws {
        let path = NSTemporaryDirectory() + "broken-\(getpid()).toml"
        try "[body]\nfg = \"red\"\n[title\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["--theme", path, CLI.fixture("newsletter.md")])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("bulletin: theme \(path):3: "), "\(result.stderr)")
        let unknown = try CLI.run(["--theme", "nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no such theme; available: "))
    }

    @Test func missingFileFailsBeforeTheTerminalIsTouched() throws {
        let result = try CLI.run(["/nonexistent/digest.md"])
        #expect(result.status == 2)
        #expect(result.stderr == "bulletin: /nonexistent/digest.md: no such file or directory\n")
        #expect(result.stdout.isEmpty)
    }

    /// `bulletin WORD` is a subcommand or a file: the reader skips building
    /// ArgumentParser's configuration for any word outside `a-z` and `-`, so
    /// every subcommand name must be within them.
    @Test func subcommandNamesAreLowercaseWordsAndOthersAreFiles() throws {
        let help = try CLI.run(["--help"]).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let names = section.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.contains("See ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names.count >= 8, "\(help)")
        for name in names { #expect(name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }, "\(name)") }
        // Both ways in reach the same check of the files.
        for word in ["digest", "Digest.md"] {
            let result = try CLI.run([word], environment: ["HOME": "/nonexistent"])
            #expect(result.status == 2 && result.stderr == "bulletin: \(word): no such file or directory\n", "\(result.stderr)")
        }
        #expect(try CLI.run(["toc"]).stderr.contains("Usage: bulletin toc"))
    }

    @Test func readerNeedsATerminalAndSaysSo() throws {
        let result = try CLI.run([CLI.fixture("newsletter.md")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard output is not a terminal"))
        #expect(result.stdout.isEmpty)
    }
}
