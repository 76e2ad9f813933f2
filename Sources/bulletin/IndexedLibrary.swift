import BulletinCore
import BulletinLibrary
import BulletinReader

/// The reader's library of many files, read through the index: the index
/// brought up to date (only changed files parsed, on all cores), then every
/// bulletin a stub made from its row, newest first, but the one shown first,
/// parsed whole. Stubs are read from their files when the reader needs
/// them; a search asks the index's folded text which ones to read.
enum IndexedLibrary {
    static func read(_ files: [String], roots: [String], first: String?, encoding: TextEncoding?,
                     progress: @escaping @Sendable (Int, Int) -> Void) throws(BulletinError) -> Library {
        var (index, notice) = LibraryStore.openIndexQuietly()
        let outcome: IndexRefresh.Outcome
        do {
            outcome = try IndexRefresh.refresh(index, files: files, roots: roots, encoding: encoding, progress: progress)
        } catch {
            // An index that cannot be written now (a full disk): one in memory.
            notice = "cannot use the index (\(error.description)); working from one in memory"
            do {
                index = try LibraryIndex(path: StoreFile.inMemory)
                outcome = try IndexRefresh.refresh(index, files: files, roots: roots, encoding: encoding, progress: progress)
            } catch {
                throw BulletinError.unreadable(path: index.path, reason: error.description)
            }
        }
        var indexed: [(file: String, row: IndexedBulletin)] = []
        for (file, row) in zip(files, outcome.rows) { if let row { indexed.append((file, row)) } }
        guard !indexed.isEmpty else { throw outcome.errors.first ?? BulletinError.unreadable(path: files.first ?? "", reason: "no bulletin") }
        indexed.sort { IndexedBulletin.newestFirst($0.row, $1.row) }
        let stubs = indexed.map { file, row in
            BulletinStub(id: row.id, path: file, title: row.title, identity: row.identity, sections: row.sections, articles: row.articles)
        }
        var read: [Int: Bulletin] = [:]
        if let first, let k = stubs.firstIndex(where: { $0.path == first }) { read[k] = try? BulletinParser.parse(path: first, encoding: encoding) }
        let shelf = LibraryShelf(load: { stub in
            Result { () throws(BulletinError) in try BulletinParser.parse(path: stub.path, encoding: encoding) }
        }, candidates: { [index = SharedIndex(index), all = Set(indexed.map(\.row.id))] query in
            // An index that cannot answer sends the search to every stub.
            (try? index.index.candidates(for: query)) ?? all
        })
        return Library(stubs: stubs, read: read, unreadable: outcome.errors, shelf: shelf, notices: notice.map { [$0] } ?? [])
    }

    /// The index, asked by the reader's thread once the library is built
    /// on another: one thread at a time, never both.
    final class SharedIndex: @unchecked Sendable {
        let index: LibraryIndex
        init(_ index: LibraryIndex) { self.index = index }
    }
}
