import ArgumentParser
import BulletinCore
import BulletinLibrary
import Glibc

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or refresh the library index of bulletin folders, or say how stale it is.",
        discussion: """
        The index ($XDG_CACHE_HOME/bulletin/index.sqlite, by default \
        ~/.cache/bulletin/index.sqlite) holds each bulletin's outline, so `list`, `search` \
        and the reader need not parse files that have not changed. Only files whose size, \
        mtime or inode changed are read again; rows of deleted files are dropped. It can \
        be deleted at any time: nothing but time is lost.

        Examples:
          bulletin index archive/
          bulletin index --status
          bulletin index --status archive/
        """
    )

    @Argument(help: "Bulletin files or directories.")
    var paths: [String] = []

    @Flag(help: "Print what is indexed and how much of it is stale, without changing anything.")
    var status = false

    func validate() throws {
        if !status && paths.isEmpty { throw ValidationError("name the folders or files to index (or use --status)") }
    }

    func run() throws {
        if status { printStatus(); return }
        let (_, files, outcome) = LibraryStore.refreshed(paths)
        print("indexed \(files.count - outcome.errors.count) bulletins: \(outcome.parsed) read, \(files.count - outcome.errors.count - outcome.parsed) unchanged, \(outcome.removed) removed")
        finish(outcome.errors.isEmpty ? 0 : 2, keeping: outcome)
    }

    /// Every row checked against its file; with paths, files not yet indexed are counted too.
    func printStatus() {
        let index = LibraryStore.openIndex()
        let rows = orFail { () throws(SQLiteError) in try index.allBulletins() }
        var fresh = 0, changed = 0, missing = 0, bytes = 0
        let indexed = Array(rows.values)
        // All at once: each folder is opened once, not once per row.
        for (row, now) in zip(indexed, IndexRefresh.stamps(indexed.map(\.path))) {
            bytes += row.stamp.size
            guard let now else { missing += 1; continue }
            if now.stamp == row.stamp { fresh += 1 } else { changed += 1 }
        }
        print("index: \(index.path)")
        print("bulletins: \(Figures.grouped(rows.count)) indexed (\(Figures.grouped(bytes / 1024)) KiB), \(Figures.grouped(fresh)) fresh, \(Figures.grouped(changed)) changed, \(Figures.grouped(missing)) missing")
        if !paths.isEmpty {
            let files = orFail { () throws(BulletinError) in try ArchiveWalker.files(for: paths) }
            let new = IndexRefresh.stamps(files).filter { file in file.map { rows[$0.absolute] == nil } ?? false }
            print("under \(paths.map(ControlFilter.escaped).joined(separator: " ")): \(Figures.grouped(files.count)) files, \(Figures.grouped(new.count)) not indexed")
        }
        let updated = (try? index.meta("updated")).flatMap { $0.flatMap { Int($0) } }
        print("last updated: " + (updated.map(UTCTime.readable) ?? "never"))
    }
}
