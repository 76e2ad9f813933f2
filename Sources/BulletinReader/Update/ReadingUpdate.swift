import BulletinCore

/// Reading state in the reader: articles marked read once their end has
/// been on screen (or with `m`), stars, the next unread article, and where
/// reading stopped in each bulletin. Every change is an effect to save.
extension ReaderState {
    /// What an update may change that the steps after it depend on.
    struct View: Equatable {
        var open: OpenBulletin
        var position: Position
        var paneHeight: Int
        var textWidth: Int
        var nodeCount: Int
        /// What to save of `position` on leaving its bulletin, worked out
        /// before the update: reading a stub renumbers the nodes.
        var saved: ReadingChange?
    }

    var view: View {
        View(open: openBulletin, position: position, paneHeight: paneHeight, textWidth: textWidth, nodeCount: library.nodeCount,
             saved: positionToSave(position))
    }

    /// After every update: the stubs now needed read, the open bulletin
    /// unfolded (the others folded, and back to their stubs), the position
    /// in a bulletin just left saved, and, when what is on screen changed,
    /// articles whose end is on screen marked read.
    mutating func finishUpdate(from before: View) -> [ReaderEffect] {
        loadNeeded()
        if let s = search, !s.pending.isEmpty, !s.text.isEmpty { loadSearchHits() }
        let now = view
        guard now != before else { return [] }
        var effects: [ReaderEffect] = []
        // Another bulletin: the one left is saved (not after a swap for a
        // library of another size: the place only moved in the numbering),
        // and the others fold. A swap alone folds only what arrived with it.
        if now.open.path != before.open.path {
            if now.open.of == before.open.of, let left = before.saved { effects.append(.saveReading(left)) }
            foldOtherBulletins()
            newPaths.remove(library.path(openBulletin.index))
        }
        if tracksReading && marksReadOnScroll { effects += markEndsOnScreen() }
        return effects
    }

    /// Reading state from now on: the marks read from the state, the place
    /// to resume at, and the first screen counted as seen.
    mutating func startReading(_ marks: ReadingMarks, resume target: ResumeTarget?, notice: String?) -> [ReaderEffect] {
        tracksReading = true
        reading = marks
        loadStarred()
        rebuildRows()
        followPosition()
        if let target { resume(target) }
        if let notice { message = notice }
        return marksReadOnScroll ? markEndsOnScreen() : []
    }

    /// Articles whose last line is on screen now become read.
    mutating func markEndsOnScreen() -> [ReaderEffect] {
        guard !tooSmall else { return [] }
        var effects: [ReaderEffect] = []
        for p in paneRows where p.line == lineCount(p.node) - 1 {
            guard let article = library.article(containing: p.node),
                  p.node + 1 >= library.nodeCount || library.article(containing: p.node + 1) != article,
                  let id = library.articleID(article), !reading.read.contains(id) else { continue }
            reading.setRead(id, true)
            effects.append(.saveReading(.read(id, true)))
        }
        return effects
    }

    /// The article `m` and `s` act on: under the TOC cursor when the TOC
    /// has focus, else the one being read (at a section's heading: the
    /// first article on screen).
    var targetArticle: Int? {
        if focus == .toc, rows.indices.contains(cursor) { return library.article(containing: rows[cursor].node) }
        return library.article(containing: currentNode) ?? paneRows.lazy.compactMap { library.article(containing: $0.node) }.first
    }

    static let noState = "Reading state is off (the sample, or --no-state)"

    /// `targetArticle`'s identity, or nil with the reason on the status line.
    mutating func targetID() -> ArticleID? {
        guard tracksReading else { message = Self.noState; return nil }
        guard let article = targetArticle, let id = library.articleID(article) else {
            message = "Not in an article"
            return nil
        }
        return id
    }

    mutating func toggleRead() -> [ReaderEffect] {
        guard let id = targetID() else { return [] }
        let read = !reading.read.contains(id)
        reading.setRead(id, read)
        message = read ? "Marked read" : "Marked unread"
        return [.saveReading(.read(id, read))]
    }

    mutating func toggleStar() -> [ReaderEffect] {
        guard let id = targetID() else { return [] }
        let starred = !reading.starred.contains(id)
        if starred { reading.starred.insert(id) } else { reading.starred.remove(id) }
        message = starred ? "Starred" : "Star removed"
        let node = rows.indices.contains(cursor) ? rows[cursor] : nil
        rebuildRows()
        // The cursor stays on its row (the group above it grew or shrank).
        if let node, !node.inStarredGroup, let row = treeRow(atMost: node.node) { cursor = row }
        keepCursorVisible()
        return [.saveReading(.starred(id, starred))]
    }

    /// False without reading state, where the keys are not even worked out
    /// (they would cost the first paint).
    public func isRead(_ article: Int) -> Bool { tracksReading && library.articleID(article).map(reading.read.contains) == true }
    public func isStarred(_ article: Int) -> Bool { tracksReading && library.articleID(article).map(reading.starred.contains) == true }

    /// Unread articles among global nodes `range` (a bulletin's or a section's).
    func unreadCount(in range: Range<Int>) -> Int {
        let b = library.locate(range.lowerBound).bulletin
        if library.isShelved(b), let stub = library.stubs[b] { return Self.unreadCount(of: stub, reading) }
        let low = SortedSearch.firstIndex(in: library.articles, above: range.lowerBound - 1) ?? library.articles.count
        var count = 0
        var k = low
        while k < library.articles.count && library.articles[k] < range.upperBound {
            if !isRead(library.articles[k]) { count += 1 }
            k += 1
        }
        return count
    }

    /// `u`/`U`: the next (previous) unread article in library order, which
    /// is newest bulletin first.
    /// A stub with unread articles on the way is read first.
    mutating func jumpToUnread(forward: Bool) {
        guard tracksReading else { message = Self.noState; return }
        while true {
            let articles = library.articles
            let current = library.article(containing: currentNode)
            var k: Int?
            if forward {
                k = SortedSearch.firstIndex(in: articles, above: current ?? currentNode)
            } else {
                let before = (current ?? currentNode + 1) - 1
                k = before >= 0 ? SortedSearch.lastIndex(in: articles, atMost: before) : nil
            }
            while let i = k, articles.indices.contains(i), isRead(articles[i]) { k = forward ? i + 1 : i - 1 }
            let found = k.flatMap { articles.indices.contains($0) ? articles[$0] : nil }
            let marks = reading
            if loadStub(forward: forward, before: found.map { library.locate($0).bulletin }, where: { Self.unreadCount(of: $0, marks) > 0 }) { continue }
            guard let found else {
                message = forward ? "No unread article after this one" : "No unread article before this one"
                return
            }
            jump(toNode: found)
            return
        }
    }

    /// Where reading is now, to save when the reader ends other than by `q`.
    public var placeToSave: ReadingChange? { positionToSave(position) }

    /// What to save of `position`: its bulletin, node and line.
    func positionToSave(_ position: Position) -> ReadingChange? {
        guard tracksReading, position.node < library.nodeCount else { return nil }
        let (b, n) = library.locate(position.node)
        let node = library.articleID(position.node)?.article ?? "#\(n)"
        return .position(bulletin: library.identity(ofBulletin: b), node: node, line: position.line)
    }

    /// Starts where reading stopped (as `positionToSave` wrote it). A place
    /// not in the library is kept for when it has finished loading, else ignored.
    public mutating func resume(_ target: ResumeTarget) {
        resumeTarget = target
        applyResume()
        startPosition = position
    }

    /// Moves to `resumeTarget`; false when its bulletin or node is not here.
    @discardableResult
    mutating func applyResume() -> Bool {
        guard let target = resumeTarget, let b = library.bulletin(identity: target.bulletin) else { return false }
        load([b])
        let g: Int?
        if target.node.hasPrefix("#") {
            g = Int(target.node.dropFirst()).flatMap { $0 < library.bulletins[b].outline.count ? library.global(bulletin: b, node: $0) : nil }
        } else {
            g = library.node(bulletin: b, articleKey: target.node)
        }
        guard let g else { return false }
        let open = openBulletin
        jump(to: Position(node: g, line: max(0, min(target.line, lineCount(g) - 1))))
        if openBulletin.path != open.path { foldOtherBulletins() }
        return true
    }
}

/// A place to resume reading at, as the reading state keeps it.
public struct ResumeTarget: Equatable, Sendable {
    public var bulletin: String
    public var node: String
    public var line: Int

    public init(bulletin: String, node: String, line: Int) {
        self.bulletin = bulletin
        self.node = node
        self.line = line
    }
}
