/// Every article's headline and region, and every section title, folded
/// once into two flat arrays. Queries then scan memory without folding or
/// allocating per article: the reader searches as you type on bulletins of
/// tens of thousands of articles, and `HeadlineSearch` uses the same index.
public struct HeadlineIndex: Sendable {
    /// Article node indices, in document order.
    public let articles: [Int]
    let path: String
    let outline: Outline
    var scalars: [UInt32] = []
    var origin: [Int32] = []
    /// Slot `s` is `bounds[s]..<bounds[s + 1]`: article `k` has its headline
    /// in slot `2k`, its region in `2k + 1`; section titles follow.
    var bounds: [Int32] = [0]
    /// The slot of each article's section title, or -1.
    var sectionSlot: [Int32] = []

    public init(_ bulletin: Bulletin) {
        path = bulletin.path
        outline = bulletin.outline
        articles = outline.articleIndices
        sectionSlot.reserveCapacity(articles.count)
        for index in articles {
            append(outline[index].headline)
            append(outline[index].region ?? "")
        }
        var slotOfSection: [Int: Int32] = [:]
        for index in articles {
            guard let section = outline.section(containing: index) else { sectionSlot.append(-1); continue }
            if let slot = slotOfSection[section] { sectionSlot.append(slot); continue }
            let slot = Int32(bounds.count - 1)
            append(outline[section].text)
            slotOfSection[section] = slot
            sectionSlot.append(slot)
        }
    }

    mutating func append(_ text: String) {
        FoldedText.append(text, scalars: &scalars, origin: &origin)
        bounds.append(Int32(scalars.count))
    }

    /// Articles (node indices, document order) matching every keyword;
    /// only among `candidates` when given (the matches of a query this one
    /// extends: a longer query never matches more). No allocation per
    /// article: this runs on every keystroke of the reader's search.
    public func matchingArticles(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        guard !query.isEmpty else { return [] }
        return scalars.withUnsafeBufferPointer { all in
            func slotContains(_ s: Int, _ keyword: FoldedText) -> Bool {
                let range = Int(bounds[s])..<Int(bounds[s + 1])
                return FoldedSlice(scalars: UnsafeBufferPointer(rebasing: all[range]), origin: []).firstIndex(of: keyword) != nil
            }
            // Section titles repeat for every article: test each slot once per keyword.
            let firstSectionSlot = 2 * articles.count
            let sectionHits = query.keywords.map { keyword in
                (firstSectionSlot..<bounds.count - 1).map { slotContains($0, keyword) }
            }
            func matches(_ k: Int) -> Bool {
                query.keywords.indices.allSatisfy { q in
                    let section = Int(sectionSlot[k])
                    return (section >= 0 && sectionHits[q][section - firstSectionSlot])
                        || slotContains(2 * k, query.keywords[q]) || slotContains(2 * k + 1, query.keywords[q])
                }
            }
            if let candidates { return candidates.filter { articlePosition($0).map(matches) ?? false } }
            // A full scan (the first keystroke) splits the articles over the cores.
            let matched = Parallel.map(count: articles.count, matches)
            return articles.indices.filter { matched[$0] }.map { articles[$0] }
        }
    }

    /// The hit for article node `node`, with its match ranges, if it matches.
    public func hit(node: Int, _ query: SearchQuery, order: Int = 0) -> SearchHit? {
        guard !query.isEmpty, let k = articlePosition(node) else { return nil }
        return withFields { fields in makeHit(k, query, fields(k), order: order) }
    }

    /// Every matching article, best first (see `SearchHit.ranksBefore`).
    public func hits(_ query: SearchQuery, order: Int = 0) -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        return withFields { fields in
            articles.indices.compactMap { makeHit($0, query, fields($0), order: order) }
        }.sorted(by: SearchHit.ranksBefore)
    }

    func articlePosition(_ node: Int) -> Int? {
        SortedSearch.lastIndex(in: articles, atMost: node).flatMap { articles[$0] == node ? $0 : nil }
    }

    typealias Fields = [(SearchHit.Field, FoldedSlice)]

    /// Calls `body` with a function giving article `k`'s three folded fields.
    func withFields<R>(_ body: ((Int) -> Fields) -> R) -> R {
        scalars.withUnsafeBufferPointer { all in
            func slot(_ s: Int) -> FoldedSlice {
                let range = Int(bounds[s])..<Int(bounds[s + 1])
                return FoldedSlice(scalars: UnsafeBufferPointer(rebasing: all[range]), origin: origin[range])
            }
            let none = FoldedSlice(scalars: UnsafeBufferPointer(start: nil, count: 0), origin: [])
            return body { k in
                [(.headline, slot(2 * k)), (.region, slot(2 * k + 1)),
                 (.section, sectionSlot[k] >= 0 ? slot(Int(sectionSlot[k])) : none)]
            }
        }
    }

    func makeHit(_ k: Int, _ query: SearchQuery, _ fields: Fields, order: Int) -> SearchHit? {
        guard let hit = HeadlineSearch.match(query, fields: fields) else { return nil }
        let node = outline[articles[k]]
        return SearchHit(path: path, node: articles[k], line: node.line,
                         section: outline.section(containing: articles[k]).map { outline[$0].text },
                         region: node.region, headline: node.headline, matches: hit.matches, rank: hit.rank, bulletinOrder: order)
    }
}
