import BulletinCore

/// A library read from the index keeps its folded bulletins as stubs
/// (`Library.stubs`). A stub's file is read once the reader needs its nodes:
/// it is unfolded, on screen, holds a starred article or a search's hit, or
/// a jump (`]`, `}`, `u`, resuming) goes into it. A bulletin folded away
/// again goes back to its stub, so memory follows what is read, not the
/// size of the archive. The reader stays where it is across each swap
/// (`replaceLibrary`).
extension ReaderState {
    /// Reads stubs `wanted` (bulletin indices), on all cores.
    mutating func load(_ wanted: [Int]) {
        guard let shelf = library.shelf else { return }
        let stubs = wanted.compactMap { b in
            library.isShelved(b) ? library.stubs[b].flatMap { unloadable.contains($0.path) ? nil : (b, $0) } : nil
        }
        guard !stubs.isEmpty else { return }
        let results = Parallel.mapTakingTurns(count: stubs.count) { shelf.load(stubs[$0].1) }
        var read: [Int: Bulletin] = [:]
        for ((b, stub), result) in zip(stubs, results) {
            switch result {
            case .success(let bulletin): read[b] = bulletin
            case .failure(let error):
                unloadable.insert(stub.path)
                message = "\(error.description) (only its index row is shown)"
            }
        }
        if !read.isEmpty { replaceLibrary(with: library.reading(read), lineOffset: 0) }
        search?.pending.removeAll { b in !library.isShelved(b) || unloadable.contains(library.path(b)) }
    }

    /// Reads the stubs the reader needs now: those on screen in the article
    /// pane (scrolling on into the next bulletin) and those unfolded in the
    /// TOC's window (any number may be unfolded: they are read as they come
    /// into view).
    mutating func loadNeeded() {
        guard library.shelf != nil else { return }
        // Each read changes what is on screen: a few rounds settle it.
        for _ in 0..<4 {
            var wanted = Set(paneRows.map { library.locate($0.node).bulletin })
            for row in rows[min(tocTop, rows.count)..<min(rows.count, tocTop + paneHeight)]
            where row.kind == .bulletin && !folded.contains(row.node) {
                wanted.insert(library.locate(row.node).bulletin)
            }
            let shelved = wanted.filter { library.isShelved($0) && !unloadable.contains(library.path($0)) }
            guard !shelved.isEmpty else { return }
            load(shelved.sorted())
        }
    }

    /// The bulletins holding starred articles: read, so the `★ Starred`
    /// group lists every starred article of the library.
    var starredBulletins: Set<Int> {
        guard tracksReading else { return [] }
        return Set(Set(reading.starred.map(\.bulletin)).compactMap(library.bulletin(identity:)))
    }

    mutating func loadStarred() {
        let wanted = starredBulletins.filter(library.isShelved)
        guard !wanted.isEmpty else { return }
        load(wanted.sorted())
        rebuildRows()
        followPosition()
    }

    /// Folded bulletins back to their stubs, but for the one being read,
    /// those on screen, those with stars, and all while a search shows hits.
    mutating func shelveFolded() {
        guard library.shelf != nil, search == nil else { return }
        var keep = Set(paneRows.map { library.locate($0.node).bulletin })
        keep.insert(openBulletin.index)
        let folded = library.read.keys.filter { b in
            library.stubs[b] != nil && !keep.contains(b) && self.folded.contains(library.firstNode(ofBulletin: b))
        }
        guard !folded.isEmpty else { return }
        let starred = starredBulletins
        let shelved = folded.filter { !starred.contains($0) }
        if !shelved.isEmpty { replaceLibrary(with: library.shelving(shelved), lineOffset: 0) }
    }

    /// `fresh` (the library loaded or read again) with the bulletins read
    /// here read there too, so the swap keeps the reading place.
    func keepingRead(_ fresh: Library, _ match: LibraryMatch) -> Library {
        guard let shelf = fresh.shelf else { return fresh }
        let wanted = library.read.keys.compactMap { match.places[$0] }.filter(fresh.isShelved).sorted()
        guard !wanted.isEmpty else { return fresh }
        let results = Parallel.mapTakingTurns(count: wanted.count) { shelf.load(fresh.stubs[wanted[$0]]!) }
        var more: [Int: Bulletin] = [:]
        for (b, result) in zip(wanted, results) { more[b] = try? result.get() }
        return fresh.reading(more)
    }

    /// The first stub between the bulletin being read and bulletin `limit`
    /// (exclusive; nil: the end), going `forward` or back, that `holds` says
    /// has what a jump looks for: read, so the jump can look again. False
    /// when there is none.
    mutating func loadStub(forward: Bool, before limit: Int?, where holds: (BulletinStub) -> Bool) -> Bool {
        guard library.shelf != nil else { return false }
        let open = openBulletin.index
        let candidates = forward ? Array((open + 1)..<max(open + 1, limit ?? library.bulletins.count))
            : Array((limit.map { $0 + 1 } ?? 0)..<max(limit.map { $0 + 1 } ?? 0, open)).reversed()
        guard let b = candidates.first(where: { b in
            library.isShelved(b) && library.stubs[b].map { holds($0) && !unloadable.contains($0.path) } == true
        }) else { return false }
        load([b])
        return true
    }

    /// Unread articles of a stub, from the marks kept for its identity.
    static func unreadCount(of stub: BulletinStub, _ marks: ReadingMarks) -> Int {
        max(0, stub.articles - marks.readCount(bulletin: stub.identity))
    }

    // MARK: Search

    /// Stubs that may hold hits of `query`, in library order.
    func shelvedCandidates(_ query: SearchQuery) -> [Int] {
        guard let shelf = library.shelf, !query.isEmpty else { return [] }
        let ids = shelf.candidates(query)
        guard !ids.isEmpty else { return [] }
        return library.stubs.indices.filter { b in library.isShelved(b) && library.stubs[b].map { ids.contains($0.id) } == true }
    }

    /// Stubs read for a search, a batch at a time (the newest first), until
    /// the hits fill the screen below the cursor: a keystroke costs what is
    /// shown, not every bulletin that matches (two screens' worth made the
    /// first keystroke on 10,000 bulletins take 17-20 ms), and each move
    /// down the hits reads what comes into view. `more`: one batch anyway
    /// (`n` past the last hit read).
    mutating func loadSearchHits(more: Bool = false) {
        for round in 0..<8 {
            guard let s = search, !s.pending.isEmpty,
                  (more && round == 0) || rows.count - cursor < max(1, paneHeight) else { return }
            load(Array(s.pending.prefix(Self.searchBatch)))
        }
    }

    static let searchBatch = 8
}
