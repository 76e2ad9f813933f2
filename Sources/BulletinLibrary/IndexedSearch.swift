import BulletinCore

/// `ArchiveSearch` answered from the library index: a file whose row is
/// fresh (same size, mtime and inode) is searched in its stored folded text
/// and search record (`SearchRecord`), and only when the text holds every
/// keyword; the others are read as `ArchiveSearch` reads them. The hits are
/// the same either way.
public enum IndexedSearch {
    /// The hits, best first. `walk` finds the files (`ArchiveWalker`): it
    /// runs on one core while the index is read on the other.
    public static func search(_ query: SearchQuery, index: LibraryIndex,
                              files walk: () -> Result<[String], BulletinError>) throws(SQLiteError) -> Result<ArchiveSearch.Outcome, BulletinError> {
        try run(query, index, walk, [SearchHit]()) { hits, folded, record, path, order in
            guard let found = SearchRecord.hits(query, folded: folded, record: record, path: path, order: order) else { return false }
            hits += found
            return true
        }.map { found, rest in ArchiveSearch.Outcome(hits: SearchHit.ranked(found.flatMap { $0 } + rest.hits), errors: rest.errors) }
    }

    /// The same hits as the lines `bulletin search` prints, made from the
    /// records' bytes, and the files that could not be read.
    public static func lines(_ query: SearchQuery, index: LibraryIndex,
                             files walk: () -> Result<[String], BulletinError>) throws(SQLiteError) -> Result<(SearchLines, [BulletinError]), BulletinError> {
        try run(query, index, walk, SearchLines.Part(), finish: { $0.rank() }) { part, folded, record, path, order in
            SearchRecord.lines(query, folded: folded, record: record, path: Array(ControlFilter.escaped(path).utf8), order: order, into: &part)
        }.map { found, rest in (SearchLines(found + [SearchLines.Part(rest.hits)]), rest.errors) }
    }

    /// Finds the fresh candidates, searches their rows (`searchRows`), and
    /// searches the other files by reading them, as does a row `search`
    /// refuses (false: its record does not fit its text, a damaged index).
    /// One core walks the folders while the other reads the index's stamps
    /// and candidates; then both stamp the files (`Stamping`): stamping is
    /// the longest part of a search for a rare word (10,000 `fstatat`).
    static func run<Found>(_ query: SearchQuery, _ index: LibraryIndex, _ walk: () -> Result<[String], BulletinError>, _ empty: Found,
                           finish: (inout Found) -> Void = { _ in },
                           _ search: (inout Found, UnsafeBufferPointer<UInt8>, UnsafeRawBufferPointer, String, Int) -> Bool)
        throws(SQLiteError) -> Result<([Found], ArchiveSearch.Outcome), BulletinError> {
        let (fromIndex, stamping) = Stamping.walking(walk) {
            Result { () throws(SQLiteError) in try index.stampsAndCandidates(for: query) }
        }
        let (table, candidates) = try fromIndex.get()
        let files: [String]
        switch stamping.walked {
        case .success(let found): files = found
        case .failure(let error): return .failure(error)
        }
        var places = [Int: (path: String, order: Int)](minimumCapacity: min(files.count, candidates.count))
        var stale: [Int] = []
        for (i, path) in files.enumerated() {
            // A file named twice (or by two paths) is read the second time.
            guard path != "-", let file = stamping[i], let id = table.id(folder: file.folder, name: file.name, stamp: file.stamp),
                  places[id] == nil else {
                stale.append(i)
                continue
            }
            if candidates.contains(id) { places[id] = (path, i) }
        }
        let (found, unsearched) = try searchRows(places, index, empty, finish: finish, search)
        stale += unsearched.map { places[$0]!.order }
        stale.sort()
        let rest = stale.isEmpty ? ArchiveSearch.Outcome(hits: [], errors: [])
            : ArchiveSearch.search(query, files: stale.map { files[$0] }, orders: stale)
        return .success((found, rest))
    }

    /// Has `search` add each row of `places` (id to path and order) to what
    /// a core found, starting from `empty`, then `finish`es that on its
    /// core. The rows are read, and searched where they lie, on each core
    /// through a connection of its own, a chunk of ids at a time, each core
    /// taking the next chunk when done (rows differ in cost: halves finished
    /// as much as 25 ms apart). Returns what each core found, and the ids
    /// left to reading their files (refused, or without a row).
    static func searchRows<Found>(_ places: [Int: (path: String, order: Int)], _ index: LibraryIndex, _ empty: Found,
                                  finish: (inout Found) -> Void,
                                  _ search: (inout Found, UnsafeBufferPointer<UInt8>, UnsafeRawBufferPointer, String, Int) -> Bool)
        throws(SQLiteError) -> ([Found], [Int]) {
        let ids = places.keys.sorted()
        let readers = [index] + (ids.count >= minimumToShare ? index.anotherReader().map { [$0] } ?? [] : [])
        let chunks = Parallel.Chunks(count: ids.count, size: chunkSize)
        func share(_ r: Int) -> Result<(found: Found, unsearched: [Int]), SQLiteError> {
            var found = empty, unsearched: [Int] = []
            return Result { () throws(SQLiteError) in
                while let range = chunks.next() {
                    let chunk = Array(ids[range])
                    var next = 0
                    try readers[r].eachSearchRow(chunk) { id, folded, record in
                        while chunk[next] != id { unsearched.append(chunk[next]); next += 1 }
                        next += 1
                        let place = places[id]!
                        if !search(&found, folded, record, place.path, place.order) { unsearched.append(id) }
                    }
                    unsearched += chunk[next...]
                }
                finish(&found)
                return (found, unsearched)
            }
        }
        let shares: [Result<(found: Found, unsearched: [Int]), SQLiteError>]
        if readers.count == 2 {
            let (first, second) = Parallel.both({ share(0) }, { share(1) })
            shares = [first, second]
        } else {
            shares = [share(0)]
        }
        var found: [Found] = [], unsearched: [Int] = []
        for share in shares {
            let (part, left) = try share.get()
            found.append(part)
            unsearched += left
        }
        return (found, unsearched)
    }

    /// Fewer rows than this are read on one core: a connection costs more.
    static let minimumToShare = 256
    /// Rows a core takes at a time.
    static let chunkSize = 256
}
