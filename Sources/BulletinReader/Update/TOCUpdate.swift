import BulletinCore

/// The table-of-contents pane: its cursor, folding, width and the mouse.
extension ReaderState {
    mutating func moveCursor(by delta: Int) { moveCursor(to: cursor + delta) }

    mutating func moveCursor(to row: Int) {
        cursor = row
        keepCursorVisible()
    }

    mutating func openCursor() {
        guard rows.indices.contains(cursor) else { return }
        focus = .article
        jump(toNode: rows[cursor].node)
    }

    /// Folds (true), unfolds (false) or toggles (nil) the section or bulletin
    /// under the cursor; on an article, its section.
    mutating func fold(_ fold: Bool?) {
        guard search == nil || search?.text.isEmpty == true, rows.indices.contains(cursor) else { return }
        var row = rows[cursor]
        if row.inStarredGroup {
            // The group folds as a whole, from its header or any entry.
            starredFolded = fold ?? !starredFolded
            rebuildRows()
            cursor = 0
            keepCursorVisible()
            return
        }
        if row.isLeaf {
            guard fold != false, let parent = rows[..<cursor].lastIndex(where: { $0.depth < row.depth }) else { return }
            cursor = parent
            row = rows[parent]
        }
        let shouldFold = fold ?? !folded.contains(row.node)
        if shouldFold { folded.insert(row.node) } else { folded.remove(row.node) }
        rebuildRows()
        cursor = rows.firstIndex(where: { $0.node == row.node }) ?? 0
        keepCursorVisible()
    }

    /// With `foldsOtherBulletins`: every bulletin folded but the one being
    /// read (sections keep their folds), and those read from the index back
    /// to their stubs. Run at start and whenever the reading moves to
    /// another bulletin.
    mutating func foldOtherBulletins() {
        guard foldsOtherBulletins, library.bulletins.count > 1 else { return }
        let open = library.locate(currentNode).bulletin
        let bulletinNodes = library.bulletins.indices.map(library.firstNode(ofBulletin:))
        folded = folded.subtracting(bulletinNodes).union(bulletinNodes.enumerated().filter { $0.offset != open }.map(\.element))
        rebuildRows()
        followPosition()
        shelveFolded()
    }

    /// The bulletin being read, by path (its index moves when a library is
    /// swapped for a bigger one), and how many there are: an update that
    /// moves to another bulletin refolds the library (`finishUpdate`).
    struct OpenBulletin: Equatable {
        var index: Int
        var path: String
        var of: Int

        static func == (a: OpenBulletin, b: OpenBulletin) -> Bool { a.path == b.path && a.of == b.of }
    }

    var openBulletin: OpenBulletin {
        let b = library.locate(currentNode).bulletin
        return OpenBulletin(index: b, path: library.path(b), of: library.bulletins.count)
    }

    /// Bulletins that came with a library swapped in (`arrived`) come
    /// folded, the one being read aside; those already here keep their
    /// folds (what the reader unfolded stays unfolded).
    mutating func foldArrivals(_ arrived: [Int]) {
        guard foldsOtherBulletins else { return }
        let open = openBulletin.index
        let arrived = arrived.filter { $0 != open }
        guard !arrived.isEmpty else { return }
        folded.formUnion(arrived.map(library.firstNode(ofBulletin:)))
        rebuildRows()
        followPosition()
        shelveFolded()
    }

    /// Folds every section, or unfolds them all when any is folded
    /// (bulletins keep their folds: a library of thousands stays folded).
    mutating func toggleFoldAll() {
        guard search == nil || search?.text.isEmpty == true else { return }
        let node = rows.indices.contains(cursor) ? rows[cursor].node : 0
        let bulletinsFolded = folded.filter { library.locate($0).node == 0 }
        if folded.count > bulletinsFolded.count {
            folded = bulletinsFolded
        } else {
            folded.formUnion(library.sections)
        }
        rebuildRows()
        cursor = treeRow(atMost: node) ?? 0
        keepCursorVisible()
    }

    mutating func resizeTOC(by delta: Int) {
        guard tocShown else { return }
        chosenTOCWidth = max(Self.minimumTOCWidth, min(tocWidth + delta, width - Self.minimumTOCWidth - 1))
    }

    /// Column where a row's fold marker (▾/▸) is drawn.
    static func markerColumn(_ row: TOCRow) -> Int { row.depth * 2 }

    mutating func click(x: Int, y: Int) -> [ReaderEffect] {
        let frame = self.frame
        guard !tooSmall else { return [] }
        if let toc = frame.toc, toc.contains(x: x, y: y) {
            let index = tocTop + y
            guard rows.indices.contains(index) else { return [] }
            cursor = index
            let row = rows[index]
            if row.hasChildren && (x == Self.markerColumn(row) || x == Self.markerColumn(row) + 1) {
                fold(nil)
            } else {
                openCursor()
            }
        } else if frame.article.contains(x: x, y: y) {
            focus = .article
            clickArticle(x: x - frame.article.x - 1, row: y - frame.article.y)
        }
        return []
    }

    mutating func wheel(x: Int, y: Int, lines: Int) {
        guard !tooSmall else { return }
        if let toc = frame.toc, x < toc.x + toc.width {
            let h = max(1, toc.height)
            tocTop = max(0, min(tocTop + lines, max(0, rows.count - h)))
            cursor = max(tocTop, min(cursor, tocTop + h - 1))
        } else {
            scroll(by: lines)
        }
    }
}
