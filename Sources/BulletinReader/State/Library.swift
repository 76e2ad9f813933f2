import BulletinCore

/// The bulletins open in the reader as one sequence of nodes: node `g` of
/// the library is node `g - start(b)` of bulletin `b`. Section and article
/// lists, the TOC rows and the search index are built once here, so moves
/// and searches on huge bulletins never scan the whole outline.
///
/// A library read from the index holds most bulletins as stubs
/// (`LibraryEntry`): a folded bulletin is its index row, one node, until it
/// is opened, unfolded or searched (`Shelving`), so memory follows what is
/// read, not the size of the archive.
public struct Library: Sendable {
    public let entries: [LibraryEntry]
    /// Each entry's bulletin, a placeholder (its title only) for a stub.
    public let bulletins: [Bulletin]
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
    let indexes: [HeadlineIndex]
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

    public init(_ bulletins: [Bulletin], unreadable: [BulletinError] = []) {
        self.init(entries: bulletins.map { LibraryEntry(bulletin: $0) }, unreadable: unreadable)
    }

    /// `notices`: what to tell once about the library as a whole (an index
    /// set aside), first under `w`.
    public init(entries: [LibraryEntry], unreadable: [BulletinError] = [], shelf: LibraryShelf? = nil, notices: [String] = []) {
        self.entries = entries
        self.notices = notices
        self.shelf = shelf
        let bulletins = entries.map { $0.bulletin ?? .placeholder(path: $0.stub!.path, title: $0.stub!.title) }
        self.bulletins = bulletins
        self.unreadable = unreadable
        var starts = [0], sections: [Int] = [], articles: [Int] = [], rows: [TOCRow] = []
        rows.reserveCapacity(bulletins.count)
        for bulletin in bulletins {
            let base = starts.last!
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
            starts.append(base + bulletin.outline.count)
        }
        self.starts = starts
        self.sections = sections
        self.articles = articles
        for i in rows.indices { rows[i].hasChildren = i + 1 < rows.count && rows[i + 1].depth > rows[i].depth }
        // A stub's row folds what its file holds, though none of it is read.
        for (b, entry) in entries.enumerated() where entry.bulletin == nil {
            if let stub = entry.stub, stub.sections + stub.articles > 0,
               let r = SortedSearch.lastIndex(rows.count, atMost: starts[b], { rows[$0].node }) { rows[r].hasChildren = true }
        }
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
        indexes = bulletins.map(HeadlineIndex.init)
        readingKeys = ReadingKeys(bulletins, identities: entries.map { $0.stub?.identity })
        warningLines = notices + unreadable.map { "\($0.description) (not opened)" } + bulletins.flatMap { bulletin in
            bulletin.warnings.map { "\(bulletin.path)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" }
        }
    }

    /// The same library with other entries (stubs read or put back, a bulletin added).
    func with(entries: [LibraryEntry]) -> Library {
        Library(entries: entries, unreadable: unreadable, shelf: shelf, notices: notices)
    }

    /// Whether bulletin `b` is a stub: its row only, its file not read.
    public func isShelved(_ b: Int) -> Bool { entries[b].bulletin == nil }

    public var nodeCount: Int { starts.last! }

    /// (bulletin, node within it) of global node `g`.
    public func locate(_ g: Int) -> (bulletin: Int, node: Int) {
        let b = SortedSearch.lastIndex(in: starts, atMost: g) ?? 0
        return (min(b, bulletins.count - 1), g - starts[min(b, bulletins.count - 1)])
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

    /// The bulletin known to reading state as `identity`, if it is here.
    public func bulletin(identity: String) -> Int? { readingKeys.bulletin(identity: identity) }

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
            // Every bulletin; thousands of them are split over the cores.
            return Parallel.map(count: indexes.count) { b in indexes[b].matchingNodes(query).map { starts[b] + $0 } }.flatMap { $0 }
        }
        // Only the bulletins that still hold candidates (sorted, so grouped).
        var result: [Int] = []
        var i = 0
        while i < candidates.count {
            let b = locate(candidates[i]).bulletin
            var j = i
            while j < candidates.count && candidates[j] < starts[b + 1] { j += 1 }
            let local = candidates[i..<j].map { $0 - starts[b] }
            result += indexes[b].matchingNodes(query, among: local).map { starts[b] + $0 }
            i = j
        }
        return result
    }

    public func hit(_ g: Int, _ query: SearchQuery) -> SearchHit? {
        let (b, n) = locate(g)
        return indexes[b].hit(node: n, query)
    }
}

/// A bulletin of a library read from the index, as its row there knows
/// it: what its folded TOC row shows and what finds it again.
public struct BulletinStub: Sendable, Equatable {
    /// The index's row id (what `LibraryShelf.candidates` answers).
    public var id: Int
    public var path: String
    public var title: String
    public var identity: String
    public var sections: Int
    public var articles: Int

    public init(id: Int, path: String, title: String, identity: String, sections: Int, articles: Int) {
        self.id = id
        self.path = path
        self.title = title
        self.identity = identity
        self.sections = sections
        self.articles = articles
    }
}

/// One bulletin of a library: read (`bulletin`), or a stub only.
public struct LibraryEntry: Sendable {
    /// Its index row, for a library read from the index.
    public var stub: BulletinStub?
    /// Nil while it is a stub.
    public var bulletin: Bulletin?

    public init(stub: BulletinStub? = nil, bulletin: Bulletin?) {
        self.stub = stub
        self.bulletin = bulletin
    }
}

/// What a library of stubs asks of the world: a stub's file read in full,
/// and which stubs may hold a search's hits (the index's folded text).
public struct LibraryShelf: Sendable {
    public var load: @Sendable (BulletinStub) -> Result<Bulletin, BulletinError>
    /// Index ids of the stubs whose headlines may hold every keyword.
    public var candidates: @Sendable (SearchQuery) -> Set<Int>

    public init(load: @escaping @Sendable (BulletinStub) -> Result<Bulletin, BulletinError>,
                candidates: @escaping @Sendable (SearchQuery) -> Set<Int>) {
        self.load = load
        self.candidates = candidates
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
