import ArgumentParser
import BulletinCore
import BulletinReader
import BulletinTerminal
import Glibc

/// The interactive reader: the default command, so `bulletin FILE...` and
/// plain `bulletin` (the built-in sample) open it.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open bulletins in the interactive reader (the default command).",
        discussion: """
        With no paths, opens a sample bulletin built into the program. Several paths or a \
        directory open them all, one after another; '-' reads a bulletin from standard input \
        while keys come from the terminal. Press ? in the reader for its keys.

        Examples:
          bulletin
          bulletin digest.md
          bulletin archive/2021/ --theme light
          curl -s https://example.org/digest.md | bulletin -
        """
    )

    @Argument(help: "Bulletin files or directories ('-' for standard input).")
    var paths: [String] = []

    @Option(help: "Theme name (see `bulletin themes`) or path to a theme file.")
    var theme: String?

    @OptionGroup var widths: WidthOptions

    @OptionGroup var input: InputOptions

    func run() throws {
        let environment = Environment.current
        let themeName = theme ?? (environment["NO_COLOR"] != nil ? ThemeCatalog.noColorName : ThemeCatalog.defaultName)
        let chosen = orFailTheme { () throws(ThemeError) in try ThemeCatalog(environment: environment).load(themeName) }
        let files = paths.isEmpty || paths == ["-"] ? paths : orFail { () throws(BulletinError) in try ArchiveWalker.files(for: paths) }
        let encoding = try input.resolvedEncoding()
        // One big file: paint its opening now, swap in the whole when parsed.
        if files.count == 1, let opening = orFail({ () throws(BulletinError) in try BulletinOpening.read(path: files[0], encoding: encoding) }) {
            let pending = PendingUpdate {
                switch Result(catching: { () throws(BulletinError) in
                    (try BulletinParser.parse(path: files[0], encoding: encoding), try opening.lineOffset())
                }) {
                case .success(let (bulletin, lineOffset)):
                    let full = Library([bulletin])
                    return { $0.finishLoading(full, lineOffset: lineOffset) }
                case .failure(let error):
                    return { $0.loadingFailed("bulletin: \(error.description)") }
                }
            }
            read(Library([opening.bulletin]), theme: chosen, loading: true, pending: pending)
        }
        let bulletins = files.isEmpty ? [BulletinParser.parse(SampleBulletin.text, path: SampleBulletin.path)] : try files.map(input.load)
        read(Library(bulletins), theme: chosen, loading: false, pending: nil)
    }

    /// Runs the reader and exits with its status.
    func read(_ library: Library, theme: Theme, loading: Bool, pending: PendingUpdate?) -> Never {
        let status: Int32
        do {
            status = try ReaderSession.run({ ReaderState(library: library, width: $0, height: $1, ambiguousWide: widths.ambiguousWide, loading: loading) },
                                           theme: theme, pending: pending)
        } catch {
            printError("bulletin: \(error)")
            finish(2, keeping: library)
        }
        finish(status, keeping: library)
    }
}

func orFailTheme<T>(_ body: () throws(ThemeError) -> T) -> T {
    switch Result(catching: body) {
    case .success(let value): return value
    case .failure(let error):
        printError("bulletin: theme \(error.description)")
        exit(2)
    }
}

/// The process environment as a dictionary (no Foundation).
enum Environment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") { result[String(text[..<eq])] = String(text[text.index(after: eq)...]) }
            pointer += 1
        }
        return result
    }
}
