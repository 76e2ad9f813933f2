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
        let (library, pending) = orFail { () throws(BulletinError) in try open() }
        read(library, theme: chosen, pending: pending)
    }

    func loadTheme() throws(ThemeError) -> Theme {
        // no-color.org: present and not empty.
        let noColor = Environment.value("NO_COLOR").map { !$0.isEmpty } ?? false
        let name = theme ?? (noColor ? ThemeCatalog.noColorName : ThemeCatalog.defaultName)
        return try ThemeCatalog(environment: Environment.value).load(name)
    }

    /// What to show first, and the rest when there is much to read: the
    /// first readable file (a big one's opening) now, and the whole set
    /// once parsed on all cores.
    func open() throws(BulletinError) -> (Library, PendingUpdate?) {
        // No paths: a bulletin piped or redirected in, as a pager reads it; else the sample.
        let paths = self.paths.isEmpty && Self.standardInputIsData ? ["-"] : self.paths
        if paths.isEmpty { return (Library([BulletinParser.parse(SampleBulletin.text, path: SampleBulletin.path)]), nil) }
        let files = paths == ["-"] ? paths : try ArchiveWalker.files(for: paths)
        if files.count > 1 && !Self.exceeds(files, bytes: BulletinOpening.minimumFileSize) { return (try library(of: files), nil) }
        var firstError: BulletinError?
        for path in files {
            do throws(BulletinError) {
                let opening = try BulletinOpening.read(path: path, encoding: encoding)
                let first = if let opening { opening.bulletin } else { try BulletinParser.parse(path: path, encoding: encoding) }
                if files.count == 1 && opening == nil { return (Library([first]), nil) }
                let pending = PendingUpdate { [self] in
                    switch Result(catching: { () throws(BulletinError) in (try library(of: files), try opening?.lineOffset() ?? 0) }) {
                    case .success(let (full, lineOffset)): return { $0.finishLoading(full, lineOffset: lineOffset) }
                    case .failure(let error): return { $0.loadingFailed("bulletin: \(error.description)") }
                    }
                }
                return (Library([first]), pending)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError!
    }

    /// Every readable file of `files`, the others listed under `w`; an error
    /// only when none can be read.
    func library(of files: [String]) throws(BulletinError) -> Library {
        var bulletins: [Bulletin] = [], unreadable: [BulletinError] = []
        for result in BulletinParser.parse(paths: files, encoding: encoding) {
            switch result {
            case .success(let bulletin): bulletins.append(bulletin)
            case .failure(let error): unreadable.append(error)
            }
        }
        if bulletins.isEmpty { throw unreadable[0] }
        return Library(bulletins, unreadable: unreadable)
    }

    /// Standard input is a pipe or a regular file (not a terminal, nor
    /// /dev/null as a test harness or service manager may give).
    static var standardInputIsData: Bool {
        var info = stat()
        guard fstat(0, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG
    }

    /// Whether the files together are larger than `bytes` (stat stops once they are).
    static func exceeds(_ files: [String], bytes limit: Int) -> Bool {
        var total = 0
        for path in files where path != "-" {
            var info = stat()
            if stat(path, &info) == 0 { total += Int(info.st_size) }
            if total > limit { return true }
        }
        return false
    }

    /// Runs the reader and exits with its status; `pending`: the rest of
    /// the library, loading in the background.
    func read(_ library: Library, theme: Theme, pending: PendingUpdate? = nil) -> Never {
        let status: Int32
        do {
            status = try ReaderSession.run({ ReaderState(library: library, width: $0, height: $1, ambiguousWide: ambiguousWide, loading: pending != nil) },
                                           theme: theme, pending: pending)
        } catch {
            printError("bulletin: \(error)")
            finish(2, keeping: library)
        }
        finish(status, keeping: library)
    }
}
