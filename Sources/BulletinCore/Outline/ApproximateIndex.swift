/// Approximate matching of TOC lines and headings in bounded work.
///
/// Comparing every TOC line with every heading of a section is quadratic, and
/// a hostile section of 10,000 near-identical lines made it take minutes. A
/// pool of at most `smallPool` items is still compared whole (ordinary
/// bulletins, unchanged results). A larger pool compares each query only
/// with the items that share the most of its rarer bigrams, and with the
/// items that follow the last match in document order (a TOC lists articles
/// in order), and each comparison stops as soon as the threshold is out of
/// reach. Work per query is then bounded whatever the pool holds.
struct ApproximateIndex {
    static let smallPool = 64
    /// Bigrams shared by more items than this say nothing about which is meant.
    static let maxPosting = 64
    /// Best bigram candidates compared per query.
    static let gramCandidates = 16
    /// Items after the last match compared per query.
    static let window = 8

    /// The folded text of each item: region and headline together, and the headline alone.
    private let full: [[UInt32]]
    private let headlines: [[UInt32]]
    private let postings: [UInt64: [Int32]]

    init(_ keys: [MatchKey]) {
        full = keys.map(\.foldedFull)
        headlines = keys.map(\.foldedHeadline)
        var postings: [UInt64: [Int32]] = [:]
        if keys.count > Self.smallPool {
            for (i, text) in full.enumerated() {
                for gram in Set(Self.bigrams(text)) { postings[gram, default: []].append(Int32(i)) }
            }
        }
        self.postings = postings
    }

    var count: Int { full.count }

    /// The item most similar to `key` (at least `EditDistance.threshold`),
    /// among those `isFree` accepts; ties go to the earlier item. `after`:
    /// the position after the previous query's match, where the next match
    /// most likely is.
    func best(for key: MatchKey, entryHasRegion: Bool, after cursor: Int = 0,
              isFree: (Int) -> Bool = { _ in true }) -> (item: Int, similarity: Double)? {
        var best: (item: Int, similarity: Double)?
        let query = key.foldedFull, queryHeadline = key.foldedHeadline
        for i in candidates(query, after: cursor, isFree: isFree) {
            var score = EditDistance.similarity(query, full[i], atLeast: EditDistance.threshold)
            if !entryHasRegion {
                score = max(score, EditDistance.similarity(queryHeadline, headlines[i], atLeast: EditDistance.threshold))
            }
            if score >= EditDistance.threshold, score > best?.similarity ?? -1 || (score == best?.similarity && i < best!.item) {
                best = (i, score)
            }
        }
        return best
    }

    private func candidates(_ query: [UInt32], after cursor: Int, isFree: (Int) -> Bool) -> [Int] {
        if count <= Self.smallPool { return (0..<count).filter(isFree) }
        var shared: [Int32: Int] = [:]
        for gram in Set(Self.bigrams(query)) {
            guard let items = postings[gram], items.count <= Self.maxPosting else { continue }
            for item in items { shared[item, default: 0] += 1 }
        }
        var picked = shared.filter { isFree(Int($0.key)) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(Self.gramCandidates).map { Int($0.key) }
        var i = min(max(cursor, 0), count), added = 0, looked = 0
        while i < count, added < Self.window, looked < Self.window * 8 {
            if isFree(i), !picked.contains(i) { picked.append(i); added += 1 }
            i += 1
            looked += 1
        }
        return picked
    }

    private static func bigrams(_ text: [UInt32]) -> [UInt64] {
        guard text.count >= 2 else { return text.map { UInt64($0) } }
        return (1..<text.count).map { UInt64(text[$0 - 1]) << 32 | UInt64(text[$0]) }
    }
}
