import BulletinCore

/// A library read from the index keeps its folded bulletins as stubs
/// (`LibraryEntry`). A stub's file is read once the reader needs its nodes:
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
            library.isShelved(b) ? library.entries[b].stub.flatMap { unloadable.contains($0.path) ? nil : (b, $0) } : nil
        }
        guard !stubs.isEmpty else { return }
        let results = Parallel.map(count: stubs.count) { shelf.load(stubs[$0].1) }
        var entries = library.entries, changed = false
        for ((b, stub), result) in zip(stubs, results) {
            switch result {
            case .success(let bulletin):
                entries[b].bulletin = bulletin
                changed = true
            case .failure(let error):
                unloadable.insert(stub.path)
                message = "\(error.description) (only its index row is shown)"
            }
        }
        if changed { replaceLibrary(with: library.with(entries: entries), lineOffset: 0, sameBulletins: true) }
        search?.pending.removeAll { b in !library.isShelved(b) || unloadable.contains(library.bulletins[b].path) }
    }

    /// Reads the stubs the reader needs now: those unfolded, those on screen
    /// (scrolling on into the next bulletin) and, once, those with stars.
    mutating func loadNeeded() {
        guard library.shelf != nil else { return }
        // Each read changes what is on screen: a few rounds settle it.
        for _ in 0..<4 {
            var wanted = Set(paneRows.map { library.locate($0.node).bulletin })
            for row in rows where row.kind == .bulletin && !folded.contains(row.node) { wanted.insert(library.locate(row.node).bulletin) }
            let shelved = wanted.filter { library.isShelved($0) && !unloadable.contains(library.bulletins[$0].path) }
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
        guard let shelf = library.shelf, search == nil else { return }
        var keep = Set(paneRows.map { library.locate($0.node).bulletin })
        keep.insert(openBulletin.index)
        var entries = library.entries, changed = false
        var starred: Set<Int>?
        for b in entries.indices where entries[b].stub != nil && entries[b].bulletin != nil
            && folded.contains(library.firstNode(ofBulletin: b)) && !keep.contains(b) {
            starred = starred ?? starredBulletins
            guard starred?.contains(b) == false else { continue }
            entries[b].bulletin = nil
            changed = true
        }
        if changed { replaceLibrary(with: library.with(entries: entries), lineOffset: 0, sameBulletins: true) }
    }

    /// `fresh` (the library loaded or read again) with the bulletins read
    /// here read there too, by path, so the swap keeps the reading place.
    func keepingRead(_ fresh: Library) -> Library {
        guard let shelf = fresh.shelf else { return fresh }
        let read = Set(library.entries.indices.filter { !library.isShelved($0) }.map { library.bulletins[$0].path })
        let wanted = fresh.entries.indices.filter { fresh.isShelved($0) && read.contains(fresh.bulletins[$0].path) }
        guard !wanted.isEmpty else { return fresh }
        var entries = fresh.entries
        let results = Parallel.map(count: wanted.count) { shelf.load(entries[wanted[$0]].stub!) }
        for (b, result) in zip(wanted, results) { entries[b].bulletin = try? result.get() }
        return fresh.with(entries: entries)
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
            library.isShelved(b) && library.entries[b].stub.map { holds($0) && !unloadable.contains($0.path) } == true
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
        return library.entries.indices.filter { b in library.isShelved(b) && library.entries[b].stub.map { ids.contains($0.id) } == true }
    }

    /// Stubs read for a search, a batch at a time (the newest first), until
    /// the hits fill two screens below the cursor: a keystroke costs what
    /// is shown, not every bulletin that matches. `more`: one batch anyway
    /// (`n` past the last hit read).
    mutating func loadSearchHits(more: Bool = false) {
        for round in 0..<8 {
            guard let s = search, !s.pending.isEmpty,
                  (more && round == 0) || rows.count - cursor < 2 * max(1, paneHeight) else { return }
            load(Array(s.pending.prefix(Self.searchBatch)))
        }
    }

    static let searchBatch = 8
}
