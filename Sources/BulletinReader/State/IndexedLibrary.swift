import BulletinCore
import BulletinLibrary
import Glibc

/// The reader's library of many files, read through the index: the index
/// brought up to date (only changed files parsed, on all cores), then every
/// bulletin a stub made from its row, newest first, but the one shown first,
/// parsed whole. Stubs are read from their files when the reader needs
/// them; a search asks the index's folded text which ones to read.
public enum IndexedLibrary {
    /// `open`: the index to use, and what to say about it (one set aside);
    /// not asked for with a forced `encoding`.
    public static func read(_ files: [String], roots: [String], first: String?, encoding: TextEncoding?,
                            reporting: IndexReporting = IndexReporting(),
                            open: () -> (LibraryIndex, notice: String?)) throws(BulletinError) -> Library {
        let firstBulletin = first.flatMap { try? BulletinParser.parse(path: $0, encoding: encoding) }
        let firstAbsolute = first.flatMap { IndexRefresh.absolutePaths([$0]).first ?? nil }
        // While a library new to the index is indexed: the rows so far, shown
        // every half second, the first `partialRows` of them (the newest, as
        // names tell: past those, remaking the library each time would cost
        // the indexing its pace and a copy of the library's memory). One the
        // index knows comes whole, its few changed files read first.
        var fileOf: [String: String]?
        var soFar: [(file: String, row: IndexedBulletin)] = []
        var shown = monotonicSeconds(), showing = true
        let refresh = { (index: LibraryIndex) throws(SQLiteError) -> IndexRefresh.Outcome in
            let real = roots.compactMap(IndexRefresh.realPath)
            showing = (try? index.newestPaths(under: real, limit: 1))?.isEmpty ?? true
            return try IndexRefresh.refresh(index, files: files, roots: roots, encoding: encoding, progress: reporting.progress) { rows in
                guard showing else { return }
                let table = fileOf ?? Dictionary(IndexRefresh.absolutePaths(files).enumerated().compactMap { i, path in
                    path.map { ($0, files[i]) }
                }) { a, _ in a }
                fileOf = table
                soFar += rows.compactMap { row in table[row.path].map { ($0, row) } }
                guard monotonicSeconds() - shown > 0.5 else { return }
                shown = monotonicSeconds()
                // The index is being written on this thread: a search meanwhile reads every stub.
                let ids = Set(soFar.map(\.row.id))
                reporting.partial(library(soFar, first: firstBulletin, firstAbsolute: firstAbsolute, encoding: encoding, errors: [], notice: nil) { _ in ids })
                if soFar.count >= partialRows { (fileOf, soFar, showing) = (nil, [], false) }
            }
        }
        // The index holds what auto-detection read (the commands trust it so):
        // bulletins read with a forced encoding are indexed in memory only.
        var (index, notice) = encoding == nil ? open() : ((try? LibraryIndex(path: StoreFile.inMemory)) ?? open().0, nil)
        var outcome: IndexRefresh.Outcome
        do {
            outcome = try refresh(index)
        } catch {
            // An index that cannot be written now (a full disk): one in memory.
            notice = "cannot use the index (\(error.description)); working from one in memory"
            do {
                index = try LibraryIndex(path: StoreFile.inMemory)
                outcome = try refresh(index)
            } catch {
                throw BulletinError.unreadable(path: index.path, reason: error.description)
            }
        }
        var indexed: [(file: String, row: IndexedBulletin)] = []
        indexed.reserveCapacity(files.count)
        for (file, row) in zip(files, outcome.rows) { if let row { indexed.append((file, row)) } }
        outcome.rows = []  // held once, in `indexed`, while the library is made
        guard !indexed.isEmpty else { throw outcome.errors.first ?? BulletinError.unreadable(path: files.first ?? "", reason: "no bulletin") }
        let all = Set(indexed.map(\.row.id))
        // A library of thousands keeps its folded texts in memory for search
        // as you type; a bigger one asks the index each time.
        let texts = try? FoldedTexts(index, limit: foldedTextsLimit)
        return library(indexed, first: firstBulletin, firstAbsolute: firstAbsolute, encoding: encoding, errors: outcome.errors, notice: notice) {
            [index = SharedIndex(index), texts] query in
            // An index that cannot answer sends the search to every stub.
            texts?.candidates(for: query) ?? (try? index.index.candidates(for: query)) ?? all
        }
    }

    /// Stubs of `indexed` newest first, `first` read among them.
    static func library(_ indexed: [(file: String, row: IndexedBulletin)], first: Bulletin?, firstAbsolute: String?, encoding: TextEncoding?,
                        errors: [BulletinError], notice: String?,
                        candidates: @escaping @Sendable (SearchQuery) -> Set<Int>) -> Library {
        // Places sorted, not the rows: a copy of 100,000 of them is 20 MB.
        let order = indexed.indices.sorted { IndexedBulletin.newestFirst(indexed[$0].row, indexed[$1].row) }
        var stubs = order.map { k in
            let (file, row) = indexed[k]
            return BulletinStub(id: row.id, path: file, title: row.title, identity: row.identity, sections: row.sections, articles: row.articles)
        }
        var read: [Int: Bulletin] = [:]
        // The first bulletin as it was shown (its path maybe spelt otherwise than the walk's).
        if let first, let k = order.firstIndex(where: { indexed[$0].row.path == firstAbsolute }) ?? stubs.firstIndex(where: { $0.path == first.path }) {
            read[k] = first
            stubs[k].path = first.path
        }
        let shelf = LibraryShelf(load: { stub in
            Result { () throws(BulletinError) in try BulletinParser.parse(path: stub.path, encoding: encoding) }
        }, candidates: candidates)
        return Library(stubs: stubs, read: read, unreadable: errors, shelf: shelf, notices: notice.map { [$0] } ?? [])
    }

    /// About 20,000 bulletins of 20 articles.
    static let foldedTextsLimit = 32 << 20
    /// Bulletins shown while indexing, at most (the rest come with the whole).
    static let partialRows = 20_000

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The index, asked by the reader's thread once the library is built
    /// on another: one thread at a time, never both.
    final class SharedIndex: @unchecked Sendable {
        let index: LibraryIndex
        init(_ index: LibraryIndex) { self.index = index }
    }
}
