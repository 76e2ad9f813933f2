import BulletinCore
import BulletinReader
import BulletinTerminal
import Glibc

/// Opening the reader, whatever parsed the command line: `ReadCommand`, or
/// `BulletinCommand.main` directly for a plain `bulletin [FILE...]`.
struct ReaderLaunch {
    var paths: [String] = []
    var theme: String?
    var ambiguousWide = false
    var encoding: TextEncoding?

    func run() -> Never {
        if paths.contains("-") && isatty(0) != 0 {
            // Reading the keyboard as the bulletin would look like a hang.
            fail(TerminalError(description: "standard input is a terminal: pipe a bulletin into `bulletin -`, or name a file"))
        }
        // Errors in the theme, then in the files, before the terminal is touched.
        let chosen = orFail { () throws(ThemeError) in try loadTheme() }
        let opening = LibraryOpening(paths: paths, encoding: encoding, standardInputIsData: Self.standardInputIsData)
        let plan = orFail { () throws(BulletinError) in try opening.plan() }
        read(plan, theme: chosen)
    }

    func loadTheme() throws(ThemeError) -> Theme {
        // no-color.org: present and not empty.
        let noColor = Environment.value("NO_COLOR").map { !$0.isEmpty } ?? false
        let name = theme ?? (noColor ? ThemeCatalog.noColorName : ThemeCatalog.defaultName)
        return try ThemeCatalog(environment: Environment.value).load(name)
    }

    /// Standard input is a pipe or a regular file (not a terminal, nor
    /// /dev/null as a test harness or service manager may give).
    static var standardInputIsData: Bool {
        var info = stat()
        guard fstat(0, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG
    }

    /// Runs the reader and exits with its status; the plan's background
    /// work loads the rest of the library.
    func read(_ plan: LibraryOpening.Plan, theme: Theme) -> Never {
        let status: Int32
        do {
            status = try ReaderSession.run({ ReaderState(library: plan.first, width: $0, height: $1, ambiguousWide: ambiguousWide,
                                                         loading: plan.background != nil) },
                                           theme: theme, background: plan.background)
        } catch {
            printError("bulletin: \(error)")
            finish(2, keeping: plan.first)
        }
        finish(status, keeping: plan.first)
    }
}
