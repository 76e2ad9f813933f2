import BulletinCore

/// `ArchiveSearch` answered from the library index: a file whose row is
/// fresh (same size, mtime and inode) is searched in its stored outline,
/// and only when its folded text holds every keyword; the others are read
/// as `ArchiveSearch` reads them. The hits are the same either way.
public enum IndexedSearch {
    public static func search(_ query: SearchQuery, files: [String], index: LibraryIndex) throws(SQLiteError) -> ArchiveSearch.Outcome {
        let known = try index.stamps()
        let candidates = try index.candidates(for: query)
        var found: [(path: String, id: Int, order: Int)] = []
        var staleFiles: [String] = [], staleOrders: [Int] = []
        let stamps = IndexRefresh.stamps(files)
        for (i, path) in files.enumerated() {
            guard path != "-", let file = stamps[i], let row = known[file.absolute], row.stamp == file.stamp else {
                staleFiles.append(path)
                staleOrders.append(i)
                continue
            }
            if candidates.contains(row.id) { found.append((path, row.id, i)) }
        }
        // Outlines are read on this thread (one connection), a batch at a
        // time, and searched on all cores.
        var hits: [SearchHit] = []
        for start in stride(from: 0, to: found.count, by: batch) {
            let part = found[start..<min(found.count, start + batch)]
            let outlines = try part.map { entry throws(SQLiteError) in try index.outline(of: entry.id) }
            let entries = Array(part)
            hits += Parallel.mapTakingTurns(count: outlines.count) { k in
                HeadlineIndex(path: entries[k].path, outline: outlines[k]).hits(query, order: entries[k].order)
            }.flatMap { $0 }
        }
        let rest = ArchiveSearch.search(query, files: staleFiles, orders: staleOrders)
        return ArchiveSearch.Outcome(hits: SearchHit.ranked(hits + rest.hits), errors: rest.errors)
    }

    static let batch = 512
}
