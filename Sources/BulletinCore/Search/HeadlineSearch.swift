/// A headline query: whitespace-separated keywords, all of which must match.
public struct SearchQuery: Sendable {
    public let keywords: [FoldedText]

    public init(_ text: String) {
        keywords = text.unicodeScalars.split { $0.properties.isWhitespace }
            .map { FoldedText(String(String.UnicodeScalarView($0))) }
            .filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { keywords.isEmpty }
}

/// One article that matches a query, with where each keyword matched.
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
    static func ranksBefore(_ a: SearchHit, _ b: SearchHit) -> Bool {
        if a.rank.headlineKeywords != b.rank.headlineKeywords { return a.rank.headlineKeywords > b.rank.headlineKeywords }
        if a.rank.firstPosition != b.rank.firstPosition { return a.rank.firstPosition < b.rank.firstPosition }
        if a.rank.coverage != b.rank.coverage { return a.rank.coverage > b.rank.coverage }
        if a.bulletinOrder != b.bulletinOrder { return a.bulletinOrder < b.bulletinOrder }
        return a.line < b.line
    }
}

/// Matches a query against every article's headline, region and section
/// title, with the core's folding (case, width, NFKC, whitespace).
public enum HeadlineSearch {
    public static func search(_ query: SearchQuery, in bulletin: Bulletin, order: Int = 0) -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        let outline = bulletin.outline
        var sectionFolds: [Int: FoldedText] = [:]  // by section node: titles repeat for every article
        var hits: [SearchHit] = []
        for index in outline.articleIndices {
            let node = outline[index]
            let sectionIndex = outline.section(containing: index)
            let sectionTitle = sectionIndex.map { outline[$0].text }
            let fields: [(SearchHit.Field, FoldedText)] = [
                (.headline, FoldedText(node.headline)),
                (.region, FoldedText(node.region ?? "")),
                (.section, sectionIndex.map { i in sectionFolds[i] ?? { sectionFolds[i] = FoldedText(outline[i].text); return sectionFolds[i]! }() } ?? FoldedText("")),
            ]
            guard let hit = match(query, fields: fields) else { continue }
            hits.append(SearchHit(path: bulletin.path, node: index, line: node.line, section: sectionTitle, region: node.region,
                                  headline: node.headline, matches: hit.matches, rank: hit.rank, bulletinOrder: order))
        }
        return hits.sorted(by: SearchHit.ranksBefore)
    }

    static func match(_ query: SearchQuery, fields: [(SearchHit.Field, FoldedText)])
        -> (matches: [SearchHit.Match], rank: (headlineKeywords: Int, firstPosition: Int, coverage: Double))? {
        var matches: [SearchHit.Match] = []
        var inHeadline = 0
        var firstPosition = Int.max
        var covered = 0
        for keyword in query.keywords {
            var found = false
            for (field, folded) in fields {
                guard let start = folded.firstIndex(of: keyword) else { continue }
                found = true
                let range = folded.originalRange(start: start, count: keyword.scalars.count)
                matches.append(.init(field: field, start: range.lowerBound, length: range.count))
                if field == .headline {
                    inHeadline += 1
                    firstPosition = min(firstPosition, range.lowerBound)
                    covered += keyword.scalars.count
                }
            }
            if !found { return nil }
        }
        let headlineLength = max(1, fields[0].1.scalars.count)
        return (matches, (inHeadline, firstPosition, Double(covered) / Double(headlineLength)))
    }
}
