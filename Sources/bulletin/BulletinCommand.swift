import ArgumentParser
import Glibc

@main
struct BulletinCommand: ParsableCommand {
    /// The release, printed by `bulletin --version` (and by the man page).
    static let version = "0.7.0"

    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Read news bulletins in the terminal: browse, outline, search and print them.",
        discussion: """
        Bulletins are Markdown-like digests (often Chinese): a table of contents, then \
        sections (##) of articles (### Region | Headline). Input may be UTF-8 (with or \
        without BOM), UTF-16 with BOM, or GB18030; control characters are removed.

        Examples:
          bulletin                      (the reader, on a built-in sample)
          bulletin digest.md            (the reader; press ? for keys)
          bulletin toc digest.md
          bulletin toc digest.md --json
          bulletin search 2021年 archive/
          bulletin search "就业 北京" a.md b.md --json
          bulletin cat digest.md --width 60
          bulletin list archive/
          bulletin index archive/
        """,
        version: BulletinCommand.version,
        subcommands: [ReadCommand.self, TocCommand.self, SearchCommand.self, CatCommand.self, LinksCommand.self, ListCommand.self,
                      IndexCommand.self, ThemesCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// Usage errors exit with 2, like every other error (the grep convention
    /// `search` promises), instead of ArgumentParser's 64.
    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if isPlainReaderRun(arguments) { ReaderLaunch(paths: arguments).run() }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }

    /// `bulletin` or `bulletin FILE...` with no options: nothing for
    /// ArgumentParser to parse, whose reflection over every command would
    /// be a good part of the reader's first paint.
    static func isPlainReaderRun(_ arguments: [String]) -> Bool {
        guard arguments.allSatisfy({ $0 == "-" || !$0.hasPrefix("-") }) else { return false }
        // A path (a `/` or a `.`) names no subcommand, and the configuration,
        // whose subcommand list alone is a tenth of a millisecond to build,
        // is not needed to tell (a test keeps every name within these letters).
        guard let first = arguments.first, first.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "-") }) else { return true }
        return !(configuration.subcommands.map { $0._commandName } + ["help"]).contains(first)
    }
}
