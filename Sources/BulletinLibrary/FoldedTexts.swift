import BulletinCore

/// Every indexed bulletin's folded search text in one buffer, for a reader
/// that searches as the user types: one byte search over it answers a
/// keystroke in a few milliseconds, where reading the rows again takes
/// ten on 10,000 bulletins. The same candidates as `LibraryIndex.candidates(for:)`.
public final class FoldedTexts: @unchecked Sendable {
    /// Row ids, and where each row's text starts in `bytes` (one more: the end).
    let ids: [Int]
    let starts: [Int]
    let bytes: [UInt8]

    /// The texts of every row; nil when they hold more than `limit` bytes
    /// (a library too big to keep them in memory asks SQLite instead).
    public init?(_ index: LibraryIndex, limit: Int) throws(SQLiteError) {
        guard try index.searchTextBytes() <= limit else { return nil }
        var ids: [Int] = [], starts: [Int] = [], bytes: [UInt8] = []
        try index.eachSearchText { id, text in
            ids.append(id)
            starts.append(bytes.count)
            bytes.append(contentsOf: text)
            bytes.append(0)  // a keyword never spans two rows
        }
        starts.append(bytes.count)
        self.ids = ids
        self.starts = starts
        self.bytes = bytes
    }

    /// Ids of the rows holding every keyword.
    public func candidates(for query: SearchQuery) -> Set<Int> {
        var result: Set<Int>?
        for needle in query.needles {
            var rows = Set<Int>()
            bytes.withUnsafeBufferPointer { haystack in
                var offset = 0
                while offset < haystack.count, let at = ByteSearch.first(needle, in: UnsafeBufferPointer(rebasing: haystack[offset...])) {
                    let row = SortedSearch.lastIndex(in: starts, atMost: offset + at) ?? 0
                    rows.insert(row)
                    offset = starts[row + 1]  // on to the next row: one hit is enough
                }
            }
            result = result.map { $0.intersection(rows) } ?? rows
            if result?.isEmpty == true { break }
        }
        return Set((result ?? []).map { ids[$0] })
    }
}
