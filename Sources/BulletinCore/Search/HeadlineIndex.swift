/// The text of every heading node (sections, articles, deeper headings),
/// each article's region, and the section titles articles are also found
/// by, folded once into two flat arrays. Queries then scan memory without
/// folding or allocating per node: the reader searches as you type on
/// bulletins of tens of thousands of articles, and `HeadlineSearch` uses
/// the same index.
public struct HeadlineIndex: Sendable {
    /// Searchable node indices (sections, articles, headings), in document order.
    public let nodes: [Int]
    let path: String
    let outline: Outline
    var scalars: [UInt32] = []
    var origin: [Int32] = []
    /// Slot `s` is `bounds[s]..<bounds[s + 1]`: node `k` has its own text
    /// (an article's headline) in slot `2k`, its region in `2k + 1`;
    /// section titles follow.
    var bounds: [Int32] = [0]
    /// The slot of the section title an article is also found by, or -1
    /// (sections and deeper headings match by their own text only).
    var sectionSlot: [Int32] = []

    static func isSearchable(_ kind: OutlineNode.Kind) -> Bool {
        kind == .section || kind == .article || kind == .heading
    }

    public init(_ bulletin: Bulletin) { self.init(path: bulletin.path, outline: bulletin.outline) }

    /// An outline read back from the library index searches as its bulletin did.
    public init(path: String, outline: Outline) {
        self.path = path
        self.outline = outline
        nodes = outline.nodes.indices.filter { Self.isSearchable(outline[$0].kind) }
        let slots = Self.slots(outline, nodes: nodes)
        for text in slots.texts { append(text) }
        sectionSlot = slots.sectionSlot
    }

    /// What the slots hold, in order: node `k`'s own text (an article's
    /// headline) in `2k` and its region in `2k + 1`, then the title of each
    /// section articles are found by. With each node's section slot (or
    /// -1), and the slot of each of those sections (`SearchRecord` stores
    /// the same texts).
    static func slots(_ outline: Outline, nodes: [Int]) -> (texts: [String], sectionSlot: [Int32], slotOfSection: [Int: Int]) {
        var texts: [String] = [], sectionSlot: [Int32] = [], slotOfSection: [Int: Int] = [:]
        texts.reserveCapacity(2 * nodes.count)
        sectionSlot.reserveCapacity(nodes.count)
        for index in nodes {
            let node = outline[index]
            texts.append(node.kind == .article ? node.headline : node.text)
            texts.append(node.kind == .article ? node.region ?? "" : "")
        }
        for index in nodes {
            guard outline[index].kind == .article, let section = outline.section(containing: index) else {
                sectionSlot.append(-1)
                continue
            }
            if slotOfSection[section] == nil {
                slotOfSection[section] = texts.count
                texts.append(outline[section].text)
            }
            sectionSlot.append(Int32(slotOfSection[section]!))
        }
        return (texts, sectionSlot, slotOfSection)
    }

    /// Every folded field, each followed by U+0001 (which folding never
    /// makes): a keyword found nowhere in it matches no node, so an index
    /// can rule a bulletin out by a substring test (`FoldedText.string`).
    public var foldedText: String {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3 + bounds.count)
        for s in 0..<(bounds.count - 1) {
            FoldedText.appendUTF8(slot(s), to: &out)
            out.append(0x01)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded scalars of slot `s`.
    func slot(_ s: Int) -> ArraySlice<UInt32> { scalars[Int(bounds[s])..<Int(bounds[s + 1])] }

    /// `BulletinIdentity.articleKeys` of the outline, from the headlines folded here.
    public var articleKeys: [Int: String] {
        BulletinIdentity.articleKeys(nodes.indices.lazy.filter { outline[nodes[$0]].kind == .article }.map { (nodes[$0], slot(2 * $0)) })
    }

    mutating func append(_ text: String) {
        FoldedText.append(text, scalars: &scalars, origin: &origin)
        bounds.append(Int32(scalars.count))
    }

    /// Nodes (indices, document order) matching every keyword; only among
    /// `candidates` when given (the matches of a query this one extends: a
    /// longer query never matches more). No allocation per node: this runs
    /// on every keystroke of the reader's search.
    public func matchingNodes(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        guard !query.isEmpty else { return [] }
        return scalars.withUnsafeBufferPointer { all in
            func slotContains(_ s: Int, _ keyword: FoldedText) -> Bool {
                let range = Int(bounds[s])..<Int(bounds[s + 1])
                return FoldedSlice(scalars: UnsafeBufferPointer(rebasing: all[range]), origin: []).firstIndex(of: keyword) != nil
            }
            // Section titles repeat for every article: test each slot once per keyword.
            let firstSectionSlot = 2 * nodes.count
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
            if let candidates { return candidates.filter { position($0).map(matches) ?? false } }
            // A full scan (the first keystroke): one pass over all the folded
            // text per keyword, marking the slots it occurs in, rather than a
            // search started in every slot.
            let hits = query.keywords.map { slotsContaining($0, all) }
            return nodes.indices.filter { k in
                hits.allSatisfy { hit in
                    let section = Int(sectionSlot[k])
                    return hit[2 * k] || hit[2 * k + 1] || (section >= 0 && hit[section])
                }
            }.map { nodes[$0] }
        }
    }

    /// Whether each slot holds `keyword`, in one scan of `all` (no match
    /// may cross from one slot into the next).
    func slotsContaining(_ keyword: FoldedText, _ all: UnsafeBufferPointer<UInt32>) -> [Bool] {
        var hit = [Bool](repeating: false, count: bounds.count - 1)
        keyword.scalars.withUnsafeBufferPointer { needle in
            let n = needle.count, first = needle[0]
            var i = 0, slot = 0
            while i + n <= all.count {
                guard all[i] == first else { i += 1; continue }
                var k = 1
                while k < n && all[i + k] == needle[k] { k += 1 }
                guard k == n else { i += 1; continue }
                while Int(bounds[slot + 1]) <= i { slot += 1 }
                let end = Int(bounds[slot + 1])
                if i + n <= end {
                    hit[slot] = true
                    i = end  // the rest of this slot cannot add anything
                } else {
                    i += 1
                }
            }
        }
        return hit
    }

    /// The hit for node `node`, with its match ranges, if it matches.
    public func hit(node: Int, _ query: SearchQuery, order: Int = 0) -> SearchHit? {
        guard !query.isEmpty, let k = position(node) else { return nil }
        return withFields { fields in makeHit(k, query, fields(k), order: order) }
    }

    /// Every matching node, best first (see `SearchHit.ranksBefore`).
    public func hits(_ query: SearchQuery, order: Int = 0) -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        return SearchHit.ranked(withFields { fields in
            nodes.indices.compactMap { makeHit($0, query, fields($0), order: order) }
        })
    }

    func position(_ node: Int) -> Int? {
        SortedSearch.lastIndex(in: nodes, atMost: node).flatMap { nodes[$0] == node ? $0 : nil }
    }

    typealias Fields = [(SearchHit.Field, FoldedSlice)]

    /// Calls `body` with a function giving node `k`'s three folded fields.
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
        let index = nodes[k]
        let node = outline[index]
        // A section is its own title; a heading says which section it is in.
        let section = node.kind == .section ? nil : outline.section(containing: index).map { outline[$0].text }
        let isArticle = node.kind == .article
        return SearchHit(path: path, node: index, kind: node.kind, line: node.line, section: section,
                         region: isArticle ? node.region : nil, headline: isArticle ? node.headline : node.text,
                         matches: hit.matches, rank: hit.rank, bulletinOrder: order)
    }
}
