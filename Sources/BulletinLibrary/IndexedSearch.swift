import BulletinCore

/// `ArchiveSearch` answered from the library index: a file whose row is
/// fresh (same size, mtime and inode) is searched in its stored folded text
/// and search record (`SearchRecord`), and only when the text holds every
/// keyword; the others are read as `ArchiveSearch` reads them. The hits are
/// the same either way.
public enum IndexedSearch {
    /// `walk` finds the files (`ArchiveWalker`): it runs, and the files are
    /// stamped, on one core while the index is read on the other.
    public static func search(_ query: SearchQuery, index: LibraryIndex,
                              files walk: () -> Result<[String], BulletinError>) throws(SQLiteError) -> Result<ArchiveSearch.Outcome, BulletinError> {
        let (fromIndex, fromDisk) = Parallel.both(
            { Result { () throws(SQLiteError) in (try index.stamps(), try index.candidates(for: query)) } },
            { walk().map { files in (files, IndexRefresh.stamps(files)) } })
        let (known, candidates) = try fromIndex.get()
        let files: [String], stamps: [(absolute: String, stamp: FileStamp)?]
        switch fromDisk {
        case .success(let found): (files, stamps) = found
        case .failure(let error): return .failure(error)
        }
        var found: [Int: (path: String, order: Int)] = [:]
        var stale: [Int] = []
        for (i, path) in files.enumerated() {
            guard path != "-", let file = stamps[i], let row = known[file.absolute], row.stamp == file.stamp else {
                stale.append(i)
                continue
            }
            if candidates.contains(row.id) { found[row.id] = (path, i) }
        }
        // Rows are read on this thread (one connection) and searched on all
        // cores, a batch at a time; a row whose record does not fit its text
        // (a damaged index) is searched in its file.
        var hits: [SearchHit] = []
        var batch: [(id: Int, folded: [UInt8], record: [UInt8])] = []
        func searchBatch() {
            let rows = batch, places = rows.map { found[$0.id]! }
            let results = Parallel.mapTakingTurns(count: rows.count) { k in
                rows[k].folded.withUnsafeBufferPointer { folded in
                    rows[k].record.withUnsafeBytes { record in
                        SearchRecord.hits(query, folded: folded, record: record, path: places[k].path, order: places[k].order)
                    }
                }
            }
            for (k, result) in results.enumerated() {
                if let result { hits += result } else { stale.append(found[batch[k].id]!.order) }
                found[batch[k].id] = nil
            }
            batch.removeAll(keepingCapacity: true)
        }
        try index.eachSearchRow(Set(found.keys)) { id, folded, record in
            batch.append((id, Array(folded), Array(record)))
            if batch.count == batchSize { searchBatch() }
        }
        searchBatch()
        stale += found.values.map(\.order)  // candidates without a row to search
        stale.sort()
        let rest = stale.isEmpty ? ArchiveSearch.Outcome(hits: [], errors: [])
            : ArchiveSearch.search(query, files: stale.map { files[$0] }, orders: stale)
        return .success(ArchiveSearch.Outcome(hits: SearchHit.ranked(hits + rest.hits), errors: rest.errors))
    }

    static let batchSize = 512

}
