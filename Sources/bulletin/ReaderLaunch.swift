import BulletinCore
import BulletinReader
import BulletinTerminal

/// Opening the reader, whatever parsed the command line: `ReadCommand`, or
/// `BulletinCommand.main` directly for a plain `bulletin [FILE...]`.
struct ReaderLaunch {
    var paths: [String] = []
    var theme: String?
    var ambiguousWide = false
    var encoding: TextEncoding?

    func run() -> Never {
        let environment = Environment.current
        let themeName = theme ?? (environment["NO_COLOR"] != nil ? ThemeCatalog.noColorName : ThemeCatalog.defaultName)
        let chosen = orFail { () throws(ThemeError) in try ThemeCatalog(environment: environment).load(themeName) }
        let files = paths.isEmpty || paths == ["-"] ? paths : orFail { () throws(BulletinError) in try ArchiveWalker.files(for: paths) }
        // One big file: paint its opening now, swap in the whole when parsed.
        if files.count == 1, let opening = orFail({ () throws(BulletinError) in try BulletinOpening.read(path: files[0], encoding: encoding) }) {
            let pending = PendingUpdate { [encoding] in
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
        if files.isEmpty {
            read(Library([BulletinParser.parse(SampleBulletin.text, path: SampleBulletin.path)]), theme: chosen, loading: false, pending: nil)
        }
        // Of several files, those that cannot be read are listed under `w`;
        // the reader still opens if any can.
        var bulletins: [Bulletin] = [], unreadable: [BulletinError] = []
        for result in BulletinParser.parse(paths: files, encoding: encoding) {
            switch result {
            case .success(let bulletin): bulletins.append(bulletin)
            case .failure(let error): unreadable.append(error)
            }
        }
        if bulletins.isEmpty { fail(unreadable[0]) }
        read(Library(bulletins, unreadable: unreadable), theme: chosen, loading: false, pending: nil)
    }

    /// Runs the reader and exits with its status.
    func read(_ library: Library, theme: Theme, loading: Bool, pending: PendingUpdate?) -> Never {
        let status: Int32
        do {
            status = try ReaderSession.run({ ReaderState(library: library, width: $0, height: $1, ambiguousWide: ambiguousWide, loading: loading) },
                                           theme: theme, pending: pending)
        } catch {
            printError("bulletin: \(error)")
            finish(2, keeping: library)
        }
        finish(status, keeping: library)
    }
}
