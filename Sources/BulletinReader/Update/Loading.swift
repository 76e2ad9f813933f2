import BulletinCore

/// Swapping the library for another version of it (the whole of a big
/// bulletin once parsed, or the folders read again), keeping the reader
/// where they are: bulletins are matched by path, nodes by their line in
/// the file, since indices differ between the two.
extension ReaderState {
    /// `lineOffset`: file lines before the opening's first line.
    public mutating func finishLoading(_ full: Library, lineOffset: Int) {
        let untouched = position == startPosition, known = Set(library.bulletins.indices.map(library.path))
        replaceLibrary(with: keepingRead(full), lineOffset: lineOffset)
        loading = false
        progress = nil
        if let notice = full.notices.first { message = notice }
        // A library shown by its first file while it loaded opens, unless
        // the reader moved meanwhile, where reading stopped, else at its newest.
        if untouched, foldsOtherBulletins, full.bulletins.count > 1, !applyResume() { jump(toNode: 0) }
        foldArrivals(known)
        loadStarred()
    }

    /// Part of the library, while the rest is indexed: shown folded, the
    /// reader staying where it is (where reading stopped is looked for
    /// once it is all there).
    mutating func swapInPart(_ part: Library, lineOffset: Int) {
        let known = Set(library.bulletins.indices.map(library.path))
        replaceLibrary(with: keepingRead(part), lineOffset: lineOffset)
        foldArrivals(known)
    }

    /// The library read again: bulletins not seen before are marked new
    /// (until opened), and the reader stays where it is.
    mutating func finishRescan(_ fresh: Library) {
        rescanning = false
        let known = Set(library.bulletins.indices.map(library.path)), now = Set(fresh.bulletins.indices.map(fresh.path))
        let added = fresh.bulletins.indices.map(fresh.path).filter { !known.contains($0) }
        let removed = library.bulletins.indices.count { !now.contains(library.path($0)) }
        newPaths.formUnion(added)
        replaceLibrary(with: keepingRead(fresh), lineOffset: 0)
        var said: [String] = []
        if !added.isEmpty { said.append(added.count == 1 ? "1 new bulletin" : "\(added.count) new bulletins") }
        if removed > 0 { said.append(removed == 1 ? "1 bulletin gone from its folder" : "\(removed) bulletins gone from their folders") }
        if !said.isEmpty { message = said.joined(separator: ", ") }
        foldArrivals(known)
        loadStarred()
    }

    /// Asks for the folders to be read again, unless that is under way.
    mutating func rescan() -> [ReaderEffect] {
        guard !rescanning else { return [] }
        rescanning = true
        return [.rescan]
    }

    /// `sameBulletins`: `full` is this library with stubs read or put back
    /// (`Shelving`): bulletin `b` is still `b`, and the TOC cursor stays on
    /// its node; otherwise bulletins are matched by path and the cursor
    /// follows the position.
    mutating func replaceLibrary(with full: Library, lineOffset: Int, sameBulletins: Bool = false) {
        var index: [String: Int] = [:]
        if !sameBulletins {
            for b in full.bulletins.indices.reversed() { index[full.path(b)] = b }
        }
        func map(_ g: Int) -> Int? {
            let (b, n) = library.locate(g)
            guard let target = sameBulletins ? b : index[library.path(b)] else { return nil }
            // A stub's one node, or a bulletin's own, is the bulletin's first.
            guard let bulletin = library.read[b], let now = full.read[target], bulletin.outline[n].kind != .bulletin else {
                return full.firstNode(ofBulletin: target)
            }
            return full.global(bulletin: target, node: now.outline.node(containingLine: bulletin.outline[n].line + lineOffset))
        }
        let node = map(position.node) ?? min(position.node, full.nodeCount - 1)
        let start = map(startPosition.node) ?? node
        let cursorNode = sameBulletins && rows.indices.contains(cursor) && !rows[cursor].inStarredGroup ? map(rows[cursor].node) : nil
        let folds = Set(folded.compactMap(map))
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
