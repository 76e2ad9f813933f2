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

    public var displayTitle: String { RegionSplit.join(region: region, headline: headline) }
}

/// Comparison keys for reconciling TOC lines with headings.
struct MatchKey {
    let full: FoldedText
    let headline: FoldedText

    init(region: String?, headline: String) {
        full = FoldedText((region ?? "") + headline)
        self.headline = FoldedText(headline)
    }

    func similarity(to other: MatchKey, entryHasRegion: Bool) -> Double {
        let a = EditDistance.similarity(full.scalars, other.full.scalars)
        return entryHasRegion ? a : max(a, EditDistance.similarity(headline.scalars, other.headline.scalars))
    }
}

/// TOC entries' keys, indexed for the lookups outline building makes per
/// heading: exact by hash, approximate only within one TOC section.
struct TOCIndex {
    let keys: [MatchKey]
    private let exact: Set<[UInt32]>
    private let bySection: [[UInt32]: [Int]]

    init(_ entries: [TOCEntry]) {
        keys = entries.map { MatchKey(region: $0.region, headline: $0.headline) }
        var exact = Set<[UInt32]>()
        var bySection: [[UInt32]: [Int]] = [:]
        var folds = FoldCache()
        for (i, entry) in entries.enumerated() {
            exact.insert(keys[i].full.scalars)
            if entry.region == nil { exact.insert(keys[i].headline.scalars) }
            bySection[folds.scalars(entry.section ?? ""), default: []].append(i)
        }
        self.exact = exact
        self.bySection = bySection
    }

    func exactMatch(_ key: MatchKey) -> Bool {
        exact.contains(key.full.scalars) || exact.contains(key.headline.scalars)
    }

    /// Exactly, or approximately against the entries of TOC section `section`
    /// (or of a TOC without sections).
    func matches(_ key: MatchKey, inSection section: String) -> Bool {
        if exactMatch(key) { return true }
        let pool = (bySection[FoldedText(section).scalars] ?? []) + (bySection[[]] ?? [])
        return pool.contains { keys[$0].similarity(to: key, entryHasRegion: true) >= EditDistance.threshold }
    }
}

enum EditDistance {
    static let threshold = 0.8

    /// 1 - distance / longer length; 0 when lengths alone rule out the threshold.
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        if Double(abs(a.count - b.count)) > Double(longer) * (1 - threshold) { return 0 }
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
