import BulletinCore
import BulletinLibrary
import BulletinReader
import Glibc

/// The library index where the XDG variables put it, for the commands that use it.
enum LibraryStore {
    static var paths: StorePaths { StorePaths(environment: Environment.value) }

    /// Opens (or creates) the index; a damaged one is set aside, said once
    /// on stderr. One that cannot be written (a read-only cache folder) is
    /// said once too, and the command works from an index in memory.
    static func openIndex() -> LibraryIndex {
        let (index, notice) = openIndexQuietly()
        if let notice { printError("bulletin: \(notice)") }
        return index
    }

    /// `openIndex` with what to say returned, for the reader to show.
    static func openIndexQuietly() -> (LibraryIndex, notice: String?) {
        do {
            let index = try LibraryIndex(path: paths.indexFile)
            return (index, index.notice)
        } catch {
            let index = orFail { () throws(SQLiteError) in try LibraryIndex(path: StoreFile.inMemory) }
            return (index, "cannot use the index (\(error.description)); working without it")
        }
    }

    /// The reading state (none with --no-state); its notice said once on
    /// stderr, unless `quiet` (the reader shows it on its status line).
    static func openState(enabled: Bool = true, quiet: Bool = false) -> ReadingState {
        guard enabled else { return ReadingState.none() }
        let state = ReadingState(path: paths.stateFile)
        if let notice = state.notice, !quiet { printError("bulletin: \(notice)") }
        return state
    }

    /// The file a library that the index knows to be big shows first, before
    /// it is walked: the bulletin read last, else the newest, under the
    /// paths named (nil when there is no index, or it knows of no big
    /// library there: none is made for this). A few rows on the way to the
    /// first paint, read-only, not all of them; the path as the walk will
    /// spell it (the named path, then the rest).
    static func preferredFirst(roots: [String], readingState: Bool) -> String? {
        let store = paths
        guard access(store.indexFile, R_OK) == 0, let index = LibraryIndex(readingOnly: store.indexFile) else { return nil }
        let resolved = roots.map(IndexRefresh.realPath)
        guard (try? index.holdsLibrary(under: resolved.compactMap { $0 }, over: BulletinOpening.minimumFileSize)) == true else { return nil }
        func shown(_ absolute: String) -> String? {
            var info = stat()
            guard stat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            for (root, real) in zip(roots, resolved) {
                guard let real else { continue }
                if absolute == real { return root }
                if absolute.hasPrefix(real + "/") {
                    return (root.hasSuffix("/") ? String(root.dropLast()) : root) + absolute.dropFirst(real.count)
                }
            }
            return nil
        }
        if readingState, let last = ReadingState.lastBulletin(atPath: store.stateFile),
           let read = (try? index.paths(identity: last))?.lazy.compactMap(shown).first {
            return read
        }
        return (try? index.newestPaths(under: resolved.compactMap { $0 }, limit: 64))?.lazy.compactMap(shown).first
    }

    /// The index brought up to date with `roots`, with a progress bar on
    /// standard error when it is a terminal. The index is opened and its
    /// rows read on one core while the other walks the folders; then both
    /// stamp the files (`Stamping`).
    static func refreshed(_ roots: [String]) -> (index: LibraryIndex, files: [String], outcome: IndexRefresh.Outcome) {
        let ((index, known), stamping) = Stamping.walking({ Result { () throws(BulletinError) in try ArchiveWalker.files(for: roots) } }) {
            let index = openIndex()
            return (index, Result { () throws(SQLiteError) in try index.allBulletins() })
        }
        let files = orFail { () throws(BulletinError) in try stamping.walked.get() }
        let bar = isatty(2) != 0 ? ProgressBar() : nil
        let outcome = orFail { () throws(SQLiteError) in
            try IndexRefresh.refresh(index, files: files, roots: roots, known: try known.get(), found: stamping.stamps) { done, total in
                bar?.show(done, total)
            }
        }
        bar?.clear()
        for error in outcome.errors { printError("bulletin: \(error.description)") }
        return (index, files, outcome)
    }
}

/// `indexing 3,120/10,000 [#####     ]` on one terminal line, redrawn in
/// place with a carriage return: no escape sequence, so any terminal shows it.
final class ProgressBar {
    private var shown = 0

    func show(_ done: Int, _ total: Int) {
        let width = 30, filled = total > 0 ? width * done / total : width
        let line = Figures.indexing(done, of: total) + " ["
            + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "]"
        shown = line.utf8.count
        let out = "\r" + line
        write(2, out, out.utf8.count)
    }

    /// Blanks the line it drew.
    func clear() {
        guard shown > 0 else { return }
        let out = "\r" + String(repeating: " ", count: shown) + "\r"
        write(2, out, out.utf8.count)
    }
}
