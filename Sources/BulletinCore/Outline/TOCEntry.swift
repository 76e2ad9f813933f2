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

    func similarity(to other: MatchKey, entryHasRegion: Bool) -> Double {
        let a = EditDistance.couldReach(full.count, other.full.count)
            ? EditDistance.similarity(SearchFolding.key((regionText ?? "") + headlineText),
                                      SearchFolding.key((other.regionText ?? "") + other.headlineText)) : 0
        guard !entryHasRegion, EditDistance.couldReach(headline.count, other.headline.count) else { return a }
        return max(a, EditDistance.similarity(SearchFolding.key(headlineText), SearchFolding.key(other.headlineText)))
    }
}

/// TOC entries' keys, indexed for the lookups outline building makes per
/// heading: exact by hash, approximate only within one TOC section.
struct TOCIndex {
    let keys: [MatchKey]
    private let exact: FoldedKeyTable
    private let bySection: [FoldedKey: [Int]]

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
        let pool = (bySection[section] ?? []) + (bySection[.empty] ?? [])
        return pool.contains { keys[$0].similarity(to: key, entryHasRegion: true) >= EditDistance.threshold }
    }
}

enum EditDistance {
    static let threshold = 0.8

    /// Whether texts of these lengths could be similar enough at all.
    static func couldReach(_ a: Int, _ b: Int) -> Bool {
        Double(abs(a - b)) <= Double(max(a, b)) * (1 - threshold)
    }

    /// 1 - distance / longer length; 0 when lengths alone rule out the threshold.
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        if !couldReach(a.count, b.count) { return 0 }
        return 1 - Double(distance(a, b)) / Double(longer)
    }

    static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
