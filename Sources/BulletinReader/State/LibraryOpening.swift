import BulletinCore
import Glibc
import Synchronization

/// Where indexing in the background reports: files indexed of those to
/// index, and the library as it is so far (the newest first, as they come).
public struct IndexReporting: Sendable {
    public var progress: @Sendable (Int, Int) -> Void
    public var partial: @Sendable (Library) -> Void

    public init(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }, partial: @escaping @Sendable (Library) -> Void = { _ in }) {
        self.progress = progress
        self.partial = partial
    }
}

/// The opening policy: which file to show first, when to show only a
/// window of a big one, and what to load in the background. The first
/// readable file (a big one's opening) is shown at once, the whole set
/// follows once parsed on all cores, newest first (`BulletinDating`).
public struct LibraryOpening: Sendable {
    public var paths: [String]
    public var encoding: TextEncoding?
    /// Whether standard input holds a bulletin (a pipe or a file, not a terminal).
    public var standardInputIsData: Bool

    /// Given the paths named: the file to show first (the last one read,
    /// or the newest) of a library that something (the index) knows to be
    /// big enough to load in the background, shown before the library is
    /// even walked; nil when nothing knows, and the library is walked
    /// first (a big one then shows its newest by name).
    public var preferredFirst: (@Sendable ([String]) -> String?)?

    /// Reads a library loading in the background through the index, as
    /// stubs (`LibraryShelf`), instead of parsing every file: given the
    /// files, the one shown first (read whole), and where to report while
    /// files are indexed.
    public var throughIndex: (@Sendable (_ files: [String], _ first: String?, _ reporting: IndexReporting) throws(BulletinError) -> Library)?

    public init(paths: [String], encoding: TextEncoding? = nil, standardInputIsData: Bool,
                preferredFirst: (@Sendable ([String]) -> String?)? = nil) {
        self.paths = paths
        self.encoding = encoding
        self.standardInputIsData = standardInputIsData
        self.preferredFirst = preferredFirst
    }

    public struct Plan: Sendable {
        public var first: Library
        /// The rest, to run off the main thread once the first screen is up;
        /// it may post messages (progress) on the way.
        public var background: (@Sendable (_ post: @escaping @Sendable (ReaderMessage) -> Void) -> ReaderMessage)?
    }

    public func plan() throws(BulletinError) -> Plan {
        // No paths: a bulletin piped or redirected in, as a pager reads it; else the sample.
        let paths = self.paths.isEmpty && standardInputIsData ? ["-"] : self.paths
        if paths.isEmpty { return Plan(first: Library([BulletinParser.parse(SampleBulletin.text, path: SampleBulletin.path)])) }
        if !paths.contains("-"), let known = preferredFirst?(paths), let plan = try? background(showing: known, of: nil) { return plan }
        let files = paths == ["-"] ? paths : try ArchiveWalker.files(for: paths)
        if files.count > 1 && !Self.exceeds(files, bytes: BulletinOpening.minimumFileSize) { return Plan(first: try library(of: files)) }
        var firstError: BulletinError?
        var order = files
        if files.count > 1, let newest = BulletinDating.byNameNewestFirst(files).first {
            order.swapAt(0, newest)  // nothing knows better yet: the newest by its name
        }
        for path in order {
            do throws(BulletinError) { return try background(showing: path, of: files) } catch { firstError = firstError ?? error }
        }
        throw firstError!
    }

    /// `path` (or its opening) shown first, the rest of `files` (nil: walked
    /// then) loaded in the background; a single small file alone.
    func background(showing path: String, of files: [String]?) throws(BulletinError) -> Plan {
        let opening = try BulletinOpening.read(path: path, encoding: encoding)
        let first = if let opening { opening.bulletin } else { try BulletinParser.parse(path: path, encoding: encoding) }
        if files?.count == 1 && opening == nil { return Plan(first: Library([first])) }
        return Plan(first: Library([first])) { [self] post in
            // The first library to arrive maps the opening's lines to the file's.
            let offset: Mutex<Int>
            do throws(BulletinError) { offset = Mutex(try opening?.lineOffset() ?? 0) } catch {
                return .loadFailed("bulletin: \(error.description)")
            }
            let taken: @Sendable () -> Int = { offset.withLock { n in defer { n = 0 }; return n } }
            let reporting = IndexReporting(progress: { post(.progress(Figures.indexing($0, of: $1))) },
                                           partial: { post(.partlyLoaded($0, lineOffset: taken())) })
            return switch Result(catching: { () throws(BulletinError) in
                let all = if let files { files } else { try ArchiveWalker.files(for: paths) }
                return try wholeLibrary(all, first: path, reporting: reporting)
            }) {
            case .success(let full): .loaded(full, lineOffset: taken())
            case .failure(let error): .loadFailed("bulletin: \(error.description)")
            }
        }
    }

    /// The library read again from the paths (for `r` and changes seen in
    /// its folders); nil for standard input or the sample, which have none.
    public var rescan: (@Sendable () -> ReaderMessage)? {
        guard !paths.isEmpty, !paths.contains("-") else { return nil }
        return { [self] in
            switch Result(catching: { () throws(BulletinError) in try wholeLibrary(ArchiveWalker.files(for: paths), first: nil, reporting: IndexReporting()) }) {
            case .success(let library): .rescanned(library)
            case .failure(let error): .loadFailed("bulletin: \(error.description)")
            }
        }
    }

    /// The folders holding the library's files (and the folders named), to watch.
    public func folders() -> [String] {
        var folders = Set<String>()
        for path in paths where path != "-" {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { folders.insert(path) }
        }
        for file in (try? ArchiveWalker.files(for: paths)) ?? [] {
            if let slash = file.lastIndex(of: "/") { folders.insert(String(file[..<slash])) } else { folders.insert(".") }
        }
        return folders.sorted()
    }

    /// A library of several files through the index when there is one to
    /// use, else every file parsed.
    func wholeLibrary(_ files: [String], first: String?, reporting: IndexReporting) throws(BulletinError) -> Library {
        guard files.count > 1, let throughIndex else { return try library(of: files) }
        return try throughIndex(files, first, reporting)
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
        // Newest first, as a news reader lists them.
        let datings = bulletins.map(BulletinDating.init)
        let order = bulletins.indices.sorted { BulletinDating.isNewer(datings[$0], bulletins[$0].path, than: datings[$1], bulletins[$1].path) }
        return Library(order.map { bulletins[$0] }, unreadable: unreadable)
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
}
