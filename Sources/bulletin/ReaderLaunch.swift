import BulletinCore
import BulletinLibrary
import BulletinReader
import BulletinTerminal
import CMalloc
import Glibc

/// Opening the reader, whatever parsed the command line: `ReadCommand`, or
/// `BulletinCommand.main` directly for a plain `bulletin [FILE...]`.
struct ReaderLaunch {
    var paths: [String] = []
    var theme: String?
    var ambiguousWide = false
    var encoding: TextEncoding?
    /// False with --no-state.
    var keepsState = true
    /// --toc-width and --mark-read; nil: the config file's, else the defaults.
    var tocWidth: Int?
    var marksReadOnScroll: Bool?

    func run() -> Never {
        // The config file first: options given here win over it.
        let config = orFail { () throws(ConfigError) in
            guard let path = ReaderConfig.path(environment: Environment.value) else { return ReaderConfig() }
            return try ReaderConfig.load(path: path, home: Environment.value("HOME"))
        }
        var launch = self
        if paths.isEmpty, !Self.standardInputIsData, let library = config.library { launch.paths = [library] }
        launch.theme = theme ?? config.theme
        launch.tocWidth = tocWidth ?? config.tocWidth
        launch.marksReadOnScroll = marksReadOnScroll ?? config.marksReadOnScroll
        launch.openReader()
    }

    private func openReader() -> Never {
        // Two malloc arenas, not eight per core: the threads that index a
        // library in the background would each keep the memory they freed
        // (30 MB of a cold start on 100,000 bulletins).
        malloc_limit_arenas(2)
        if paths.contains("-") && isatty(0) != 0 {
            // Reading the keyboard as the bulletin would look like a hang.
            fail(TerminalError(description: "standard input is a terminal: pipe a bulletin into `bulletin -`, or name a file"))
        }
        // Errors in the theme, then in the files, before the terminal is touched.
        let chosen = orFail { () throws(ThemeError) in try loadTheme() }
        let readingState = keepsState
        var opening = LibraryOpening(paths: paths, encoding: encoding, standardInputIsData: Self.standardInputIsData) { roots in
            LibraryStore.preferredFirst(roots: roots, readingState: readingState)
        }
        opening.throughIndex = { [paths, encoding] files, first, reporting throws(BulletinError) in
            try IndexedLibrary.read(files, roots: paths, first: first, encoding: encoding, reporting: reporting,
                                    open: LibraryStore.openIndexQuietly)
        }
        let plan = orFail { () throws(BulletinError) in try opening.plan() }
        read(plan, opening: opening, theme: chosen)
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
    func read(_ plan: LibraryOpening.Plan, opening: LibraryOpening, theme: Theme) -> Never {
        let status: Int32
        // The sample is nobody's reading. The state is opened once the first
        // frame is up (SQLite's open and schema check are a millisecond the
        // first paint need not wait for); its marks and place follow at once.
        let tracking = keepsState && !paths.isEmpty
        let store = StateStore(tracking: tracking)
        let loading = plan.background != nil
        do {
            status = try ReaderSession.run({ width, height in
                ReaderState(library: plan.first, width: width, height: height, ambiguousWide: ambiguousWide, loading: loading,
                            foldsOtherBulletins: true, marksReadOnScroll: marksReadOnScroll ?? true, tocWidth: tocWidth)
            }, theme: theme, work: ReaderSession.Work(
                background: plan.background, save: { Self.save($0, to: store.state) },
                afterFirstFrame: tracking ? { Self.reading(store.state, library: plan.first, loading: loading) } : nil,
                rescan: opening.rescan, watched: { [opening] in opening.folders() }, finish: { store.close() }))
        } catch {
            printError("bulletin: \(error)")
            finish(2, keeping: plan.first)
        }
        finish(status, keeping: plan.first)
    }

    /// The reading state, opened when first asked for.
    final class StateStore {
        let tracking: Bool
        private var opened: ReadingState?

        init(tracking: Bool) { self.tracking = tracking }

        var state: ReadingState {
            if let opened { return opened }
            let state = tracking ? LibraryStore.openState(quiet: true) : ReadingState.none()
            opened = state
            return state
        }

        /// Closes the state if it was opened (never opening it to close it).
        func close() { opened?.close() }
    }

    /// What the reader needs of the state: the marks, where to resume (the
    /// last bulletin read when it is, or may be once loaded, in `library`,
    /// else where its first was left), and the notice to show.
    static func reading(_ state: ReadingState, library: Library, loading: Bool) -> ReaderMessage {
        let identities = library.bulletins.indices.map(library.identity(ofBulletin:))
        var resume: ResumeTarget?
        if let last = state.lastBulletin, loading || identities.contains(last), let position = state.position(of: last) {
            resume = ResumeTarget(bulletin: last, node: position.node, line: position.line)
        } else if let first = identities.first, let position = state.position(of: first) {
            resume = ResumeTarget(bulletin: first, node: position.node, line: position.line)
        }
        return .readingLoaded(marks(state), resume: resume, notice: state.notice)
    }

    static func marks(_ state: ReadingState) -> ReadingMarks {
        var read = Set<ArticleID>()
        for (bulletin, articles) in state.readMarks() {
            for article in articles { read.insert(ArticleID(bulletin: bulletin, article: article)) }
        }
        return ReadingMarks(read: read, starred: Set(state.starred().map { ArticleID(bulletin: $0.0, article: $0.1) }))
    }

    static func save(_ change: ReadingChange, to state: ReadingState) {
        switch change {
        case .read(let id, let read): state.setRead(read, bulletin: id.bulletin, article: id.article)
        case .starred(let id, let starred): state.setStarred(starred, bulletin: id.bulletin, article: id.article)
        case .position(let bulletin, let node, let line): state.setPosition(.init(node: node, line: line), bulletin: bulletin)
        }
    }
}
