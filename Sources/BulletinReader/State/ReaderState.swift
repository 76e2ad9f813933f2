import BulletinCore

/// Everything the reader shows, as one value. `update` changes it; `render`
/// draws it. Positions are global node indices of the `Library`.
public struct ReaderState: Sendable {
    public enum Pane: Sendable { case toc, article }
    public enum Overlay: Equatable, Sendable {
        case help, warnings
        /// The links of a node (`f`): one selected, opened with Enter or its number.
        case links(node: Int)
    }

    /// Where the article pane starts: line `line` of node `node`'s layout.
    public struct Position: Equatable, Sendable {
        public var node: Int
        public var line: Int
    }

    public struct Search: Sendable {
        public var text = ""
        public var editing = true
        /// Matching articles (global nodes, in order).
        public var matches: [Int] = []
        /// Stubs that may hold more hits, not read yet (bulletins, in order).
        public var pending: [Int] = []
        public var query: SearchQuery { SearchQuery(text) }
        /// The hits read so far, `+` while stubs may hold more.
        public var hitCount: String { "\(matches.count)\(pending.isEmpty ? "" : "+")" }
    }

    public internal(set) var library: Library
    var layouts: LayoutCache
    /// True while only the opening of a big bulletin is shown and the whole
    /// file is still being parsed (see `finishLoading`).
    public internal(set) var loading = false
    /// How far loading is (`indexing 3,120/10,000`), shown while `loading`.
    public internal(set) var progress: String?
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var focus: Pane = .article
    public internal(set) var tocShown = true
    /// Chosen TOC width; nil until `<`/`>`: about a third of the screen.
    public internal(set) var chosenTOCWidth: Int?
    /// Folded nodes: bulletins' first nodes and sections, nothing else
    /// (folding an article folds its section).
    public internal(set) var folded: Set<Int> = []
    /// The `★ Starred` group is folded (it has no node of its own for `folded`).
    public internal(set) var starredFolded = false
    /// A library's policy: every bulletin folded but the one being read.
    public internal(set) var foldsOtherBulletins = false
    /// Whether reading state is kept (not for the sample, not with
    /// `--no-state`): only then are articles marked, counted and styled.
    public internal(set) var tracksReading: Bool
    /// Articles read and starred (see `ReadingUpdate`); the init takes nil to keep no state.
    public internal(set) var reading: ReadingMarks
    /// `mark-read = "scroll"`: an article is read once its end is on screen
    /// (else only `m` marks it).
    public internal(set) var marksReadOnScroll: Bool
    /// Where reading resumes (`resume`), kept for when a library still
    /// loading has the bulletin it names.
    public internal(set) var resumeTarget: ResumeTarget?
    /// The position the reader started at: while it is unchanged, a library
    /// that finishes loading opens at `resumeTarget`, else its newest bulletin.
    var startPosition = Position(node: 0, line: 0)
    /// Files that shrank while open (`noteShrunkFiles`).
    public internal(set) var shrunkPaths: [String] = []
    /// Bulletins a rescan found that were not there before (until opened).
    public internal(set) var newPaths: Set<String> = []
    /// Stubs whose files could not be read: not tried again.
    var unloadable: Set<String> = []
    /// A rescan is under way: another waits for it.
    public internal(set) var rescanning = false
    /// Visible TOC rows, after folding or search filtering.
    public internal(set) var rows: [TOCRow]
    public internal(set) var cursor = 0
    public internal(set) var tocTop = 0
    public internal(set) var position = Position(node: 0, line: 0)
    public internal(set) var search: Search?
    public internal(set) var overlay: Overlay?
    public internal(set) var overlayTop = 0
    /// In the link list: the selected link (index) and the digits typed so far.
    public internal(set) var linkSelected = 0
    var linkDigits = ""
    /// One line for the status bar (a jump that found nothing, a search with no hit).
    public internal(set) var message: String?

    public init(library: Library, width: Int, height: Int, ambiguousWide: Bool = false, loading: Bool = false,
                foldsOtherBulletins: Bool = false, reading: ReadingMarks? = nil, marksReadOnScroll: Bool = true,
                tocWidth: Int? = nil) {
        self.library = library
        self.loading = loading
        self.foldsOtherBulletins = foldsOtherBulletins
        tracksReading = reading != nil
        self.reading = reading ?? ReadingMarks()
        self.marksReadOnScroll = marksReadOnScroll
        chosenTOCWidth = tocWidth
        layouts = LayoutCache(library: library, ambiguousWide: ambiguousWide)
        self.width = width
        self.height = height
        rows = library.allRows
        shrunkPaths = Self.shrunkPaths(in: library)
        if tracksReading { rebuildRows() }  // the starred group
        followPosition()
        foldOtherBulletins()
        startPosition = position
    }

    // MARK: Geometry

    public static let minimumWidth = 40, minimumHeight = 10
    public static let minimumTOCWidth = 20

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// Rows for the panes: all but the status line and, while typing, the prompt.
    public var paneHeight: Int { max(0, height - 1 - (search?.editing == true ? 1 : 0)) }

    public var tocWidth: Int {
        guard tocShown else { return 0 }
        let wanted = chosenTOCWidth ?? width / 3
        return max(Self.minimumTOCWidth, min(wanted, width - Self.minimumTOCWidth - 1))
    }

    /// The article pane's left edge (after the TOC and its `│`).
    public var articleX: Int { tocShown ? tocWidth + 1 : 0 }
    public var articleWidth: Int { width - articleX }
    /// Wrapping width of the article text: one column of margin each side.
    public var textWidth: Int { max(1, articleWidth - 2) }

    // MARK: Article positions

    func lineCount(_ node: Int) -> Int { layouts.lineCount(node, width: textWidth) }

    public func lines(_ node: Int) -> [LayoutLine] { layouts.lines(node, width: textWidth) }

    /// The layout line on each row of the article pane, top first (fewer
    /// at the end of the text). Drawing, clicks and the link list's choice
    /// of node all read the screen through this one walk.
    var paneRows: [Position] {
        var rows: [Position] = []
        var p = position
        while rows.count < paneHeight && p.node < library.nodeCount {
            // Nodes without lines (an empty preamble) take no room.
            if p.line < lineCount(p.node) { rows.append(p) }
            p = p.line + 1 < lineCount(p.node) ? Position(node: p.node, line: p.line + 1) : Position(node: p.node + 1, line: 0)
        }
        return rows
    }

    /// `position` moved by `delta` lines across node boundaries, stopping at
    /// the first line and at the last line of the library.
    func moved(_ position: Position, by delta: Int) -> Position {
        var p = position
        var remaining = delta
        while remaining > 0 {
            let count = lineCount(p.node)
            let step = min(remaining, count - 1 - p.line)
            if step > 0 { p.line += step; remaining -= step; continue }
            guard p.node + 1 < library.nodeCount else { break }
            p = Position(node: p.node + 1, line: 0)
            remaining -= 1
            while p.node + 1 < library.nodeCount && lineCount(p.node) == 0 { p.node += 1 }
        }
        while remaining < 0 {
            if p.line > 0 {
                let step = min(-remaining, p.line)
                p.line -= step; remaining += step; continue
            }
            var previous = p.node - 1
            while previous >= 0 && lineCount(previous) == 0 { previous -= 1 }
            guard previous >= 0 else { break }
            p = Position(node: previous, line: lineCount(previous) - 1)
            remaining += 1
        }
        return p
    }

    /// The top position that puts the library's last line at the bottom of the pane.
    var lastPageTop: Position {
        var last = library.nodeCount - 1
        while last > 0 && lineCount(last) == 0 { last -= 1 }
        let end = Position(node: last, line: max(0, lineCount(last) - 1))
        return moved(end, by: -(paneHeight - 1))
    }

    static func isBefore(_ a: Position, _ b: Position) -> Bool {
        a.node < b.node || (a.node == b.node && a.line < b.line)
    }

    /// The node the reader is in: the top line's node.
    public var currentNode: Int { position.node }

    // MARK: TOC

    /// Keeps the TOC cursor on the row of the current node (or its nearest
    /// visible ancestor) and that row on screen.
    mutating func followPosition() {
        if let row = treeRow(atMost: currentNode) { cursor = row }
        keepCursorVisible()
    }

    mutating func keepCursorVisible() {
        cursor = max(0, min(cursor, rows.count - 1))
        let h = max(1, paneHeight)
        if cursor < tocTop { tocTop = cursor }
        if cursor >= tocTop + h { tocTop = cursor - h + 1 }
        tocTop = max(0, min(tocTop, max(0, rows.count - h)))
    }

    /// The last row of the tree (below the `★ Starred` group, in node
    /// order) whose node is at most `node`.
    func treeRow(atMost node: Int) -> Int? {
        let offset = rows.prefix(while: \.inStarredGroup).count
        return SortedSearch.lastIndex(rows.count - offset, atMost: node) { rows[offset + $0].node }.map { offset + $0 }
    }

    /// The starred articles that are in the library, in library order:
    /// looked up by identity, not by asking every article whether it is starred.
    var starredNodes: [Int] {
        guard tracksReading else { return [] }
        return reading.starred.compactMap(library.node(of:)).sorted()
    }

    /// Rebuilds `rows` from folds, stars and the search filter.
    mutating func rebuildRows() {
        if let search, !search.text.isEmpty {
            rows = Self.filteredRows(library, matches: search.matches) { [library] g in
                TOCRow(node: g, kind: .heading, depth: library.node(g).depth)
            }
        } else {
            rows = starredRows + Self.foldedRows(library.allRows, folded: folded)
        }
    }

    /// `★ Starred` and the starred articles in library order, when there
    /// are any; folded away with `starredFolded`.
    var starredRows: [TOCRow] {
        let nodes = starredNodes
        guard let first = nodes.first else { return [] }
        var header = TOCRow(node: first, kind: .starred, depth: 0)
        header.hasChildren = true
        guard !starredFolded else { return [header] }
        return [header] + nodes.map { node in
            var row = TOCRow(node: node, kind: .article, depth: 1)
            row.isStarredEntry = true
            return row
        }
    }

    static func foldedRows(_ all: [TOCRow], folded: Set<Int>) -> [TOCRow] {
        guard !folded.isEmpty else { return all }
        var rows: [TOCRow] = []
        var hideDeeperThan = Int.max
        for row in all {
            if row.depth > hideDeeperThan { continue }
            hideDeeperThan = folded.contains(row.node) ? row.depth : .max
            rows.append(row)
        }
        return rows
    }

    /// The matching nodes (sections, articles, deeper headings, which have
    /// no row of their own: `heading` makes one) with the bulletin and
    /// section rows above them, each shown once. Each match finds its row
    /// and its ancestors' by binary search: a keystroke costs the matches,
    /// not the whole tree of a library of thousands.
    static func filteredRows(_ library: Library, matches: [Int], heading: (Int) -> TOCRow) -> [TOCRow] {
        let all = library.allRows
        var rows: [TOCRow] = []
        var shownBulletin = -1, shownSection = -1
        for match in matches {
            if let r = SortedSearch.lastIndex(all.count, atMost: match, { all[$0].node }) {
                let b = Int(library.rowBulletin[r]), s = Int(library.rowSection[r])
                if b >= 0 && b != shownBulletin {
                    rows.append(all[b])
                    shownBulletin = b
                    shownSection = -1
                }
                if s >= 0 && s != shownSection {
                    rows.append(all[s])
                    shownSection = s
                }
                if all[r].node == match {
                    if all[r].isLeaf { rows.append(all[r]) }  // a section is shown as the ancestor it is
                    continue
                }
            }
            rows.append(heading(match))
        }
        return rows
    }

    // MARK: Status

    /// (bulletin index, section i of n, article j of m) for the status line; 0 = none yet.
    public var place: (bulletin: Int, section: Int, sections: Int, article: Int, articles: Int) {
        let (b, n) = library.locate(currentNode)
        let outline = library.bulletins[b].outline
        let first = library.firstNode(ofBulletin: b), end = first + outline.count - 1
        func count(_ list: [Int], containing target: Int?) -> (Int, Int) {
            let low = (SortedSearch.lastIndex(in: list, atMost: first - 1) ?? -1) + 1
            let high = (SortedSearch.lastIndex(in: list, atMost: end) ?? -1) + 1
            let index = target.flatMap { t in SortedSearch.lastIndex(in: list, atMost: t) }.map { $0 - low + 1 } ?? 0
            return (max(0, index), high - low)
        }
        let section = count(library.sections, containing: outline.section(containing: n).map { first + $0 })
        let article = count(library.articles, containing: outline.article(containing: n).map { first + $0 })
        return (b, section.0, section.1, article.0, article.1)
    }

    /// How far through the current bulletin the bottom of the pane is, 0-100.
    public var percent: Int {
        let bottom = moved(position, by: paneHeight - 1)
        let (b, n) = library.locate(bottom.node)
        let bulletin = library.bulletins[b]
        let total = max(1, bulletin.source.range.count)
        let node = bulletin.outline[n]
        let start = n > 0 ? bulletin.outline[n - 1].bodyEnd : 0
        let count = max(1, lineCount(bottom.node))
        let offset = start + (node.bodyEnd - start) * (bottom.line + 1) / count
        if bottom.node == library.nodeCount - 1 && bottom.line + 1 >= count { return 100 }
        return min(100, max(0, offset * 100 / total))
    }

    /// Every warning as `file:line: message`: files that shrank while open,
    /// the library's own (files not opened, then each bulletin's, written
    /// once), then one per bulletin for
    /// control characters removed from the article text laid out so far.
    public var warningLines: [String] {
        // A file that shrank first: it explains what is missing below it.
        shrunkPaths.map { "\($0): the file shrank while open; what was read is shown" } + library.warningLines
            + removedControlsByBulletin.map { b, count in
                "\(library.path(b)): removed \(count) control character(s) decoded from HTML entities in the article text shown so far"
            }
    }

    /// How many `warningLines` there are (the status line's count), from
    /// the same three parts, without writing the lines out every frame.
    public var warningCount: Int {
        shrunkPaths.count + library.warningCount + removedControlsByBulletin.count
    }

    /// Control characters removed from the text laid out so far, by bulletin, in order.
    private var removedControlsByBulletin: [(bulletin: Int, count: Int)] {
        var removed: [Int: Int] = [:]
        for (node, count) in layouts.removedControls { removed[library.locate(node).bulletin, default: 0] += count }
        return removed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
