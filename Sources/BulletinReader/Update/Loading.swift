import BulletinCore

/// Swapping the library for another version of it (the whole of a big
/// bulletin once parsed, or the folders read again), keeping the reader
/// where they are: bulletins are matched by path, nodes by their line in
/// the file, since indices differ between the two.
extension ReaderState {
    /// `lineOffset`: file lines before the opening's first line.
    public mutating func finishLoading(_ full: Library, lineOffset: Int) {
        let untouched = position == startPosition, match = LibraryMatch(library, full)
        replaceLibrary(with: keepingRead(full, match), lineOffset: lineOffset, places: match.places)
        loading = false
        progress = nil
        if let notice = full.notices.first { message = notice }
        // A library shown by its first file while it loaded opens, unless
        // the reader moved meanwhile, where reading stopped, else at its newest.
        if untouched, foldsOtherBulletins, full.bulletins.count > 1, !applyResume() { jump(toNode: 0) }
        foldArrivals(match.arrived)
        loadStarred()
    }

    /// Part of the library, while the rest is indexed: shown folded, the
    /// reader staying where it is (where reading stopped is looked for
    /// once it is all there).
    mutating func swapInPart(_ part: Library, lineOffset: Int) {
        let match = LibraryMatch(library, part)
        replaceLibrary(with: keepingRead(part, match), lineOffset: lineOffset, places: match.places)
        foldArrivals(match.arrived)
    }

    /// The library read again: bulletins not seen before are marked new
    /// (until opened), and the reader stays where it is.
    mutating func finishRescan(_ fresh: Library) {
        rescanning = false
        let match = LibraryMatch(library, fresh)
        let removed = match.places.count { $0 == nil }
        newPaths.formUnion(match.arrived.map(fresh.path))
        replaceLibrary(with: keepingRead(fresh, match), lineOffset: 0, places: match.places)
        var said: [String] = []
        let added = match.arrived.count
        if added > 0 { said.append(added == 1 ? "1 new bulletin" : "\(added) new bulletins") }
        if removed > 0 { said.append(removed == 1 ? "1 bulletin gone from its folder" : "\(removed) bulletins gone from their folders") }
        if !said.isEmpty { message = said.joined(separator: ", ") }
        foldArrivals(match.arrived)
        loadStarred()
    }

    /// Asks for the folders to be read again, unless that is under way.
    mutating func rescan() -> [ReaderEffect] {
        guard !rescanning else { return [] }
        rescanning = true
        return [.rescan]
    }

    /// `places`: where each bulletin is in `full` (`LibraryMatch`), the
    /// TOC cursor following the position; nil when `full` is this library
    /// with stubs read or put back (`Shelving`): bulletin `b` is still `b`,
    /// and the TOC cursor stays on its node.
    mutating func replaceLibrary(with full: Library, lineOffset: Int, places: [Int?]? = nil) {
        let sameBulletins = places == nil
        func target(_ b: Int) -> Int? { places.map { $0[b] } ?? b }
        func map(_ g: Int) -> Int? {
            let (b, n) = library.locate(g)
            guard let target = target(b) else { return nil }
            // A stub's one node, or a bulletin's own (its first, as every
            // folded bulletin's is), is the bulletin's first.
            guard n > 0, let bulletin = library.read[b], let now = full.read[target] else {
                return full.firstNode(ofBulletin: target)
            }
            return full.global(bulletin: target, node: now.outline.node(containingLine: bulletin.outline[n].line + lineOffset))
        }
        let node = map(position.node) ?? min(position.node, full.nodeCount - 1)
        let start = map(startPosition.node) ?? node
        let cursorNode = sameBulletins && rows.indices.contains(cursor) && !rows[cursor].inStarredGroup ? map(rows[cursor].node) : nil
        // The folds, bulletin by bulletin and section by section: locating
        // each folded node instead took 15 ms for 100,000 folded stubs.
        var folds = Set<Int>(minimumCapacity: folded.count)
        for b in library.stubs.indices where folded.contains(library.firstNode(ofBulletin: b)) {
            if let target = target(b) { folds.insert(full.firstNode(ofBulletin: target)) }
        }
        for s in library.sections where folded.contains(s) { map(s).map { _ = folds.insert($0) } }
        library = full
        shrunkPaths = Self.shrunkPaths(in: full)
        layouts = LayoutCache(library: full, ambiguousWide: layouts.ambiguousWide)
        folded = folds
        position = Position(node: node, line: min(position.line, max(0, lineCount(node) - 1)))
        // Unmoved stays unmoved across the swap (a library arriving in parts).
        startPosition = Position(node: start, line: min(startPosition.line, max(0, lineCount(start) - 1)))
        if var s = search {
            s.matches = full.matchingNodes(s.query)
            if !sameBulletins { s.pending = shelvedCandidates(s.query) }
            search = s
        }
        rebuildRows()
        if let cursorNode, let row = treeRow(atMost: cursorNode) {
            cursor = row
            keepCursorVisible()
        } else {
            followPosition()
        }
    }
}

extension ReaderState {
    /// The rest of the bulletin could not be read: keep the opening, say why.
    public mutating func loadingFailed(_ reason: String) {
        loading = false
        progress = nil
        rescanning = false
        message = reason
    }
}
