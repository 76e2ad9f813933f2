/// One line of a bulletin's table of contents and the article it was
/// reconciled with.
public struct TOCEntry: Equatable, Sendable {
    public var line: Int
    public var region: String?
    public var headline: String
    /// The TOC's own section heading above this entry, if any.
    public var section: String?
    /// Index of the matching article node.
    public var article: Int?
    /// Matched by edit distance rather than by normalised equality.
    public var approximate = false
    /// `section` folded, computed once per TOC section.
    var sectionKey: FoldedKey?

    public var displayTitle: String { RegionSplit.join(region: region, headline: headline) }
}

/// Comparison keys for reconciling TOC lines with headings. A struct: one
/// exists for every heading and TOC line, and a class would be one more
/// allocation each. Scalar arrays are folded only for approximate
/// comparisons that pass the length check, which few do.
struct MatchKey {
    /// Folded region and headline together, and the headline alone.
    let full: FoldedKey
    let headline: FoldedKey
    private let regionText: String?
    private let headlineText: String

    init(region: String?, headline: String) {
        self.headline = FoldedKey(headline)
        full = region.map { FoldedKey($0).appending(headline) } ?? self.headline
        regionText = region
        headlineText = headline
    }

    /// Folded scalars for edit distance, made only for the few keys that
    /// reach an approximate comparison.
    var foldedFull: [UInt32] { SearchFolding.key((regionText ?? "") + headlineText) }
    var foldedHeadline: [UInt32] { SearchFolding.key(headlineText) }
}

/// TOC entries' keys, indexed for the lookups outline building makes per
/// heading: exact by hash, approximate only within one TOC section.
struct TOCIndex {
    let keys: [MatchKey]
    private let exact: FoldedKeyTable
    private let bySection: [FoldedKey: [Int]]
    /// Per TOC section, built the first time a heading is checked against it.
    private let approximate = ApproximateCache()

    final class ApproximateCache {
        var bySection: [FoldedKey: ApproximateIndex] = [:]
    }

    init(_ entries: [TOCEntry]) {
        keys = Parallel.map(entries) { MatchKey(region: $0.region, headline: $0.headline) }
        var exact = FoldedKeyTable(capacity: entries.count * 2)
        var bySection: [FoldedKey: [Int]] = [:]
        for (i, entry) in entries.enumerated() {
            exact.updateValue(i, forKey: keys[i].full)
            if entry.region == nil { exact.updateValue(i, forKey: keys[i].headline) }
            bySection[entry.sectionKey ?? .empty, default: []].append(i)
        }
        self.exact = exact
        self.bySection = bySection
    }

    func exactMatch(_ key: MatchKey) -> Bool {
        exact[key.full] != nil || exact[key.headline] != nil
    }

    /// Exactly, or approximately against the entries of the TOC section with
    /// folded title `section` (or of a TOC without sections).
    func matches(_ key: MatchKey, inSection section: FoldedKey) -> Bool {
        if exactMatch(key) { return true }
        let index = approximate.bySection[section] ?? {
            let pool = (bySection[section] ?? []) + (section == .empty ? [] : bySection[.empty] ?? [])
            let built = ApproximateIndex(pool.map { keys[$0] })
            approximate.bySection[section] = built
            return built
        }()
        return index.best(for: key, entryHasRegion: true) != nil
    }
}

enum EditDistance {
    static let threshold = 0.8

    /// Whether texts of these lengths could be similar enough at all.
    static func couldReach(_ a: Int, _ b: Int) -> Bool {
        Double(abs(a - b)) <= Double(max(a, b)) * (1 - threshold)
    }

    /// 1 - distance / longer length, or 0 once the distance is known to be
    /// too large for `atLeast`: only a band of the table around its
    /// diagonal is computed, and the loop stops when the band exceeds it.
    static func similarity(_ a: [UInt32], _ b: [UInt32], atLeast: Double = 0) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        if !couldReach(a.count, b.count) { return 0 }
        let limit = Int((Double(longer) * (1 - atLeast) + 1e-9).rounded(.down))
        guard let d = distance(a, b, limit: limit) else { return 0 }
        return 1 - Double(d) / Double(longer)
    }

    /// The edit distance, or nil when it is over `limit`.
    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let over = limit + 1
        var previous = (0...b.count).map { min($0, over) }
        var current = [Int](repeating: over, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, over) : over
            var rowMin = current[low - 1]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over)
                    current[j] = value
                    rowMin = min(rowMin, value)
                }
            }
            if high < b.count { current[high + 1] = over }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
