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
        let themeName = theme ?? (Environment.value("NO_COLOR") != nil ? ThemeCatalog.noColorName : ThemeCatalog.defaultName)
        let chosen = orFail { () throws(ThemeError) in try ThemeCatalog(environment: Environment.value).load(themeName) }
        if paths.isEmpty {
            read(Library([BulletinParser.parse(SampleBulletin.text, path: SampleBulletin.path)]), theme: chosen)
        }
        if paths.contains("-") && isatty(0) != 0 {
            // Reading the keyboard as the bulletin would look like a hang.
            fail(TerminalError(description: "standard input is a terminal: pipe a bulletin into `bulletin -`, or name a file"))
        }
        let files = paths == ["-"] ? paths : orFail { () throws(BulletinError) in try ArchiveWalker.files(for: paths) }
        if files.count > 1 && !Self.exceeds(files, bytes: BulletinOpening.minimumFileSize) {
            read(orFail { () throws(BulletinError) in try library(of: files) }, theme: chosen)
        }
        // Much to read: paint the first readable file (a big one's opening)
        // now, and swap in the whole once parsed on all cores.
        var firstError: BulletinError?
        for path in files {
            do throws(BulletinError) {
                let opening = try BulletinOpening.read(path: path, encoding: encoding)
                let first = if let opening { opening.bulletin } else { try BulletinParser.parse(path: path, encoding: encoding) }
                if files.count == 1 && opening == nil { read(Library([first]), theme: chosen) }
                let pending = PendingUpdate { [self] in
                    switch Result(catching: { () throws(BulletinError) in (try library(of: files), try opening?.lineOffset() ?? 0) }) {
                    case .success(let (full, lineOffset)): return { $0.finishLoading(full, lineOffset: lineOffset) }
                    case .failure(let error): return { $0.loadingFailed("bulletin: \(error.description)") }
                    }
                }
                read(Library([first]), theme: chosen, pending: pending)
            } catch {
                firstError = firstError ?? error
            }
        }
        fail(firstError!)
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
