/// A headline query: whitespace-separated keywords, all of which must match.
public struct SearchQuery: Sendable {
    public let keywords: [FoldedText]
    /// The keywords as the UTF-8 of folded text (`HeadlineIndex.foldedText`),
    /// and their lengths in scalars: made once, asked of every row searched.
    public let needles: [[UInt8]]
    let lengths: [Int]

    public init(_ text: String) {
        keywords = text.unicodeScalars.split { $0.properties.isWhitespace }
            .map { FoldedText(String(scalars: $0)) }
            .filter { !$0.isEmpty }
        needles = keywords.map { Array($0.string.utf8) }
        lengths = keywords.map(\.scalars.count)
    }

    public var isEmpty: Bool { keywords.isEmpty }
}

/// One node (an article, a section or a deeper heading) that matches a
/// query, with where each keyword matched. `headline` is the node's own
/// text; `section` the section it is in (none for a section itself).
public struct SearchHit: Sendable {
    public enum Field: String, Sendable { case headline, region, section }

    public struct Match: Equatable, Sendable {
        public var field: Field
        /// Offsets in Unicode scalars of that field's text.
        public var start: Int
        public var length: Int
    }

    public var path: String
    public var node: Int
    public var kind: OutlineNode.Kind
    public var line: Int
    public var section: String?
    public var region: String?
    public var headline: String
    public var matches: [Match]
    /// Sort key: keywords found in the headline (more first), earliest
    /// headline position, share of the headline covered.
    var rank: (headlineKeywords: Int, firstPosition: Int, coverage: Double)
    /// Order of the bulletin among those searched, for ties.
    var bulletinOrder = 0

    public var displayTitle: String { RegionSplit.join(region: region, headline: headline) }

    /// True if `a` ranks before `b`.
    public static func ranksBefore(_ a: SearchHit, _ b: SearchHit) -> Bool { a.sortKey.isBefore(b.sortKey) }

    /// What ranking compares, apart from the hit's strings.
    public struct SortKey: Sendable {
        var headlineKeywords: Int, firstPosition: Int, coverage: Double, bulletinOrder: Int, line: Int

        /// Indices of `keys`, the best first (ties in the order given). Each
        /// key is packed into words compared as unsigned integers, the index
        /// last: sorting a common word's 128,000 keys through closures over
        /// five fields took 25 ms.
        static func ranking(_ keys: [SortKey]) -> [Int] { keys.enumerated().map { Packed($1, index: $0) }.sorted().map(\.index) }

        /// `isBefore` as `<` of words: more headline keywords first (their
        /// complement), then the earliest position, then more coverage (the
        /// complement of a non-negative double's bits, which order as its
        /// values), then bulletin order, line and index.
        struct Packed: Comparable {
            var words: (UInt64, UInt64, UInt64, UInt64)
            var index: Int

            init(_ key: SortKey, index: Int) {
                words = (UInt64(UInt32.max - UInt32(clamping: key.headlineKeywords)) << 32 | UInt64(UInt32(clamping: key.firstPosition)),
                         ~key.coverage.bitPattern, UInt64(clamping: key.bulletinOrder), UInt64(clamping: key.line))
                self.index = index
            }

            static func < (a: Packed, b: Packed) -> Bool {
                a.words != b.words ? a.words < b.words : a.index < b.index
            }

            static func == (a: Packed, b: Packed) -> Bool { a.words == b.words && a.index == b.index }
        }

        func isBefore(_ b: SortKey) -> Bool {
            if headlineKeywords != b.headlineKeywords { return headlineKeywords > b.headlineKeywords }
            if firstPosition != b.firstPosition { return firstPosition < b.firstPosition }
            if coverage != b.coverage { return coverage > b.coverage }
            if bulletinOrder != b.bulletinOrder { return bulletinOrder < b.bulletinOrder }
            return line < b.line
        }
    }

    var sortKey: SortKey {
        SortKey(headlineKeywords: rank.headlineKeywords, firstPosition: rank.firstPosition, coverage: rank.coverage,
                bulletinOrder: bulletinOrder, line: line)
    }

    /// `hits` best first (`ranksBefore`, ties in the order given). The keys
    /// are sorted, not the hits: a hit is a dozen fields and strings, and
    /// moving 100,000 of them through a merge sort was most of a common
    /// word's search.
    public static func ranked(_ hits: [SearchHit]) -> [SearchHit] {
        SortKey.ranking(hits.map(\.sortKey)).map { hits[$0] }
    }
}

/// Matches a query against every heading node's own text, articles'
/// regions and the titles of their sections, with the core's folding
/// (case, width, NFKC, whitespace).
public enum HeadlineSearch {
    public static func search(_ query: SearchQuery, in bulletin: Bulletin, order: Int = 0) -> [SearchHit] {
        HeadlineIndex(bulletin).hits(query, order: order)
    }

    static func match(_ query: SearchQuery, fields: [(SearchHit.Field, FoldedSlice)])
        -> (matches: [SearchHit.Match], rank: (headlineKeywords: Int, firstPosition: Int, coverage: Double))? {
        var matches: [SearchHit.Match] = []
        var rank = Rank()
        for keyword in query.keywords {
            var found = false
            for (field, folded) in fields {
                guard let start = folded.firstIndex(of: keyword) else { continue }
                found = true
                let range = folded.originalRange(start: start, count: keyword.scalars.count)
                matches.append(.init(field: field, start: range.lowerBound, length: range.count))
                if field == .headline { rank.headlineMatch(range, keyword: keyword.scalars.count) }
            }
            if !found { return nil }
        }
        return (matches, rank.rank(headlineLength: fields[0].1.count))
    }

    /// What ranking counts of a node's matches in its headline (the rule
    /// for a parsed bulletin and for an index's search record alike):
    /// keywords found there, the earliest place one starts, and the share
    /// of the headline's folded scalars the keywords cover.
    struct Rank {
        var inHeadline = 0, firstPosition = Int.max, covered = 0

        /// A keyword of `keyword` folded scalars matched at original scalars `range`.
        mutating func headlineMatch(_ range: Range<Int>, keyword: Int) {
            inHeadline += 1
            firstPosition = min(firstPosition, range.lowerBound)
            covered += keyword
        }

        func rank(headlineLength: Int) -> (headlineKeywords: Int, firstPosition: Int, coverage: Double) {
            (inHeadline, firstPosition, Double(covered) / Double(max(1, headlineLength)))
        }
    }
}
