import BulletinCore

/// `ArchiveSearch` answered from the library index: a file whose row is
/// fresh (same size, mtime and inode) is searched in its stored outline,
/// and only when its folded text holds every keyword; the others are read
/// as `ArchiveSearch` reads them. The hits are the same either way.
public enum IndexedSearch {
    public static func search(_ query: SearchQuery, files: [String], index: LibraryIndex) throws(SQLiteError) -> ArchiveSearch.Outcome {
        let known = try index.allBulletins()
        let candidates = try index.candidates(for: query)
        var hits: [SearchHit] = []
        var staleFiles: [String] = [], staleOrders: [Int] = []
        let stamps = IndexRefresh.stamps(files)
        for (i, path) in files.enumerated() {
            guard path != "-", let file = stamps[i], let row = known[file.absolute], row.stamp == file.stamp else {
                staleFiles.append(path)
                staleOrders.append(i)
                continue
            }
            guard candidates.contains(row.id) else { continue }
            hits += HeadlineIndex(path: path, outline: try index.outline(of: row.id)).hits(query, order: i)
        }
        let rest = ArchiveSearch.search(query, files: staleFiles, orders: staleOrders)
        return ArchiveSearch.Outcome(hits: (hits + rest.hits).sorted(by: SearchHit.ranksBefore), errors: rest.errors)
    }
}
