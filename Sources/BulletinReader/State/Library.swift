import BulletinCore

/// The bulletins open in the reader as one sequence of nodes: node `g` of
/// the library is node `g - start(b)` of bulletin `b`. Section and article
/// lists, the TOC rows and the search index are built once here, so moves
/// and searches on huge bulletins never scan the whole outline.
///
/// A library read from the index holds most bulletins as stubs
/// (`stubs`): a folded bulletin is its index row, one node, until it
/// is opened, unfolded or searched (`Shelving`), so memory follows what is
/// read, not the size of the archive.
public struct Library: Sendable {
    /// Each bulletin's index row; nil for one not from the index.
    public let stubs: [BulletinStub?]
    /// The bulletins read, by position: every one of a library not from the
    /// index, only the few needed of one that is.
    let read: [Int: Bulletin]
    /// Reads stubs' files and asks the index which stubs a search must read.
    public let shelf: LibraryShelf?
    /// Global index of each bulletin's first node; one extra entry: the total.
    let starts: [Int]
    /// Global node indices of every section and article, in order.
    public let sections: [Int]
    public let articles: [Int]
    /// Every TOC row with nothing folded or filtered.
    let allRows: [TOCRow]
    /// For each row of `allRows`: the row of its bulletin, and of its
    /// section (-1 when none); a bulletin or section row is its own. The
    /// search filter finds a match's ancestors with these, not by a walk.
    let rowBulletin: [Int32]
    let rowSection: [Int32]
    /// The headline index of each bulletin read.
    let indexes: [Int: HeadlineIndex]
    /// Files that were asked for but could not be opened; the others are shown.
    public let unreadable: [BulletinError]
    public let notices: [String]
    /// Warnings of all bulletins together as `file:line: message`,
    /// unreadable files first (the status line shows the count).
    public let warningLines: [String]
    public var warningCount: Int { warningLines.count }
    /// What reading state knows each bulletin by, and each article node's
    /// key: worked out when first asked for, off the first paint.
    private let readingKeys: ReadingKeys
    /// Stubs by identity, made when first asked for and shared by every
    /// library made from this one with the same stubs.
    private let stubIdentities: StubIdentities

    public init(_ bulletins: [Bulletin], unreadable: [BulletinError] = []) {
        self.init(stubs: Array(repeating: nil, count: bulletins.count),
                  read: Dictionary(uniqueKeysWithValues: bulletins.enumerated().map { ($0.offset, $0.element) }), unreadable: unreadable)
    }

    /// A library from the index: `stubs` for every bulletin, `read` those
    /// already parsed. `notices`: what to tell once about the library as a
    /// whole (an index set aside), first under `w`.
    public init(stubs: [BulletinStub?], read: [Int: Bulletin], unreadable: [BulletinError] = [],
                shelf: LibraryShelf? = nil, notices: [String] = []) {
        self.init(stubs: stubs, read: read, unreadable: unreadable, shelf: shelf, notices: notices, stubIdentities: StubIdentities(stubs))
    }

    private init(stubs: [BulletinStub?], read: [Int: Bulletin], unreadable: [BulletinError], shelf: LibraryShelf?,
                 notices: [String], stubIdentities: StubIdentities) {
        self.stubs = stubs
        self.read = read
        self.shelf = shelf
        self.notices = notices
        self.unreadable = unreadable
        self.stubIdentities = stubIdentities
        var starts = [0], sections: [Int] = [], articles: [Int] = [], rows: [TOCRow] = []
        starts.reserveCapacity(stubs.count + 1)
        rows.reserveCapacity(stubs.count)
        for b in stubs.indices {
            let base = starts.last!
            guard let bulletin = read[b] else {
                // A stub's row folds what its file holds, though none of it is read.
                var row = TOCRow(node: base, kind: .bulletin, depth: 0)
                row.hasChildren = stubs[b].map { $0.sections + $0.articles > 0 } ?? false
                rows.append(row)
                starts.append(base + 1)
                continue
            }
            let first = rows.count
            for (i, node) in bulletin.outline.nodes.enumerated() {
                switch node.kind {
                case .bulletin: rows.append(TOCRow(node: base + i, kind: .bulletin, depth: 0))
                case .section:
                    sections.append(base + i)
                    rows.append(TOCRow(node: base + i, kind: .section, depth: 1))
                case .article:
                    articles.append(base + i)
                    rows.append(TOCRow(node: base + i, kind: .article, depth: node.parent.map { bulletin.outline[$0].kind == .section } == true ? 2 : 1))
                case .preamble, .heading: break
                }
            }
            for i in first..<rows.count { rows[i].hasChildren = i + 1 < rows.count && rows[i + 1].depth > rows[i].depth }
            starts.append(base + bulletin.outline.count)
        }
        self.starts = starts
        self.sections = sections
        self.articles = articles
        allRows = rows
        var rowBulletin = [Int32](repeating: -1, count: rows.count), rowSection = [Int32](repeating: -1, count: rows.count)
        var bulletinRow: Int32 = -1, sectionRow: Int32 = -1
        for (i, row) in rows.enumerated() {
            switch row.kind {
            case .bulletin: bulletinRow = Int32(i); sectionRow = -1
            case .section: sectionRow = Int32(i)
            default: break
            }
            rowBulletin[i] = bulletinRow
            rowSection[i] = sectionRow
        }
        self.rowBulletin = rowBulletin
        self.rowSection = rowSection
        indexes = read.mapValues(HeadlineIndex.init)
        readingKeys = ReadingKeys(Bulletins(stubs: stubs, read: read))
        let order = read.keys.sorted()
        warningLines = notices + unreadable.map { "\($0.description) (not opened)" } + order.flatMap { b in
            read[b]!.warnings.map { "\(read[b]!.path)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" }
        }
    }

    /// Each bulletin: the one read, else a placeholder made from its stub.
    public var bulletins: Bulletins { Bulletins(stubs: stubs, read: read) }

    /// Whether bulletin `b` is a stub: its row only, its file not read.
    public func isShelved(_ b: Int) -> Bool { read[b] == nil }

    public func path(_ b: Int) -> String { read[b]?.path ?? stubs[b]!.path }
    public func title(_ b: Int) -> String { read[b]?.title ?? stubs[b]!.title }

    /// This library with `more` read too (stubs whose files were parsed).
    func reading(_ more: [Int: Bulletin]) -> Library {
        derived(read: read.merging(more) { _, new in new })
    }

    /// This library with bulletins `bs` back to their stubs.
    func shelving(_ bs: [Int]) -> Library {
        var kept = read
        for b in bs where stubs[b] != nil { kept[b] = nil }
        return derived(read: kept)
    }

    private func derived(read: [Int: Bulletin]) -> Library {
        Library(stubs: stubs, read: read, unreadable: unreadable, shelf: shelf, notices: notices, stubIdentities: stubIdentities)
    }

    /// This library with a bulletin added at the end (a linked file opened).
    func appending(_ bulletin: Bulletin) -> Library {
        var read = self.read
        read[stubs.count] = bulletin
        return Library(stubs: stubs + [nil], read: read, unreadable: unreadable, shelf: shelf, notices: notices)
    }

    public var nodeCount: Int { starts.last! }

    /// (bulletin, node within it) of global node `g`.
    public func locate(_ g: Int) -> (bulletin: Int, node: Int) {
        let b = min(SortedSearch.lastIndex(in: starts, atMost: g) ?? 0, stubs.count - 1)
        return (b, g - starts[b])
    }

    public func node(_ g: Int) -> OutlineNode {
        let (b, n) = locate(g)
        return bulletins[b].outline[n]
    }

    public func global(bulletin b: Int, node n: Int) -> Int { starts[b] + n }

    /// The reading-state name of article node `g` (nil for other nodes).
    public func articleID(_ g: Int) -> ArticleID? {
        let (b, n) = locate(g)
        return readingKeys.articleKeys(b)[n].map { ArticleID(bulletin: readingKeys.identity(b), article: $0) }
    }

    public func identity(ofBulletin b: Int) -> String { readingKeys.identity(b) }

    /// The bulletin known to reading state as `identity`, if it is here:
    /// the first of those with a stub or read without one.
    public func bulletin(identity: String) -> Int? {
        let stub = stubIdentities.bulletin(identity: identity)
        let other = readingKeys.bulletin(identity: identity)
        return [stub, other].compactMap { $0 }.min()
    }

    /// Global node of the article `key` in bulletin `b`, if it has one.
    public func node(bulletin b: Int, articleKey key: String) -> Int? {
        readingKeys.articleKeys(b).first { $0.value == key }.map { starts[b] + $0.key }
    }

    /// Global node of article `id`, if it is in the library.
    public func node(of id: ArticleID) -> Int? {
        bulletin(identity: id.bulletin).flatMap { node(bulletin: $0, articleKey: id.article) }
    }
    public func firstNode(ofBulletin b: Int) -> Int { starts[b] }

    /// The section containing global node `g` (itself if a section).
    public func section(containing g: Int) -> Int? {
        let (b, n) = locate(g)
        return bulletins[b].outline.section(containing: n).map { starts[b] + $0 }
    }

    public func article(containing g: Int) -> Int? {
        let (b, n) = locate(g)
        return bulletins[b].outline.article(containing: n).map { starts[b] + $0 }
    }

    /// Nodes (sections, articles, deeper headings) matching `query`, as
    /// global nodes in order; only among `candidates` (global, in order) when given.
    public func matchingNodes(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        guard let candidates else {
            // Every bulletin read; thousands of them are split over the cores.
            let order = indexes.keys.sorted()
            return Parallel.map(count: order.count) { k in
                indexes[order[k]]!.matchingNodes(query).map { starts[order[k]] + $0 }
            }.flatMap { $0 }
        }
        // Only the bulletins that still hold candidates (sorted, so grouped).
        var result: [Int] = []
        var i = 0
        while i < candidates.count {
            let b = locate(candidates[i]).bulletin
            var j = i
            while j < candidates.count && candidates[j] < starts[b + 1] { j += 1 }
            let local = candidates[i..<j].map { $0 - starts[b] }
            if let index = indexes[b] { result += index.matchingNodes(query, among: local).map { starts[b] + $0 } }
            i = j
        }
        return result
    }

    public func hit(_ g: Int, _ query: SearchQuery) -> SearchHit? {
        let (b, n) = locate(g)
        return indexes[b]?.hit(node: n, query)
    }
}

/// One line of the table-of-contents tree. Deeper headings have rows only
/// in a search's filtered TOC, where they can be hits.
public struct TOCRow: Equatable, Sendable {
    /// `starred`: the `★ Starred` group's own row at the top of the tree.
    public enum Kind: Sendable { case bulletin, section, article, heading, starred }
    /// Global node index.
    public var node: Int
    public var kind: Kind
    public var depth: Int
    /// Rows below it in the whole tree: only then does it get a fold marker.
    public var hasChildren = false
    /// A starred article listed in the `★ Starred` group (it also has its own row).
    public var isStarredEntry = false

    /// The group's header and entries, which sit above the tree, out of node order.
    public var inStarredGroup: Bool { kind == .starred || isStarredEntry }

    public init(node: Int, kind: Kind, depth: Int) {
        self.node = node
        self.kind = kind
        self.depth = depth
    }

    /// An article or heading: nothing to fold.
    public var isLeaf: Bool { kind == .article || kind == .heading }
}
