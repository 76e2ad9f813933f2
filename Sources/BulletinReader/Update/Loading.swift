import BulletinCore

/// Swapping the opening of a big bulletin for the whole of it once parsed,
/// keeping the reader where they are: nodes are matched by their line in
/// the file, since node indices differ between the two outlines.
extension ReaderState {
    /// `lineOffset`: file lines before the opening's first line.
    public mutating func finishLoading(_ full: Library, lineOffset: Int) {
        func map(_ g: Int) -> Int {
            let (b, n) = library.locate(g)
            guard b < full.bulletins.count else { return full.nodeCount - 1 }
            let node = library.bulletins[b].outline[n]
            if node.kind == .bulletin { return full.firstNode(ofBulletin: b) }
            return full.global(bulletin: b, node: full.bulletins[b].outline.node(containingLine: node.line + lineOffset))
        }
        let node = map(position.node)
        let folds = Set(folded.map(map))
        library = full
        layouts = LayoutCache(library: full, ambiguousWide: layouts.ambiguousWide)
        loading = false
        folded = folds
        position = Position(node: node, line: min(position.line, max(0, lineCount(node) - 1)))
        if var s = search {
            s.matches = full.matchingNodes(s.query)
            search = s
        }
        rebuildRows()
        followPosition()
    }
}

extension ReaderState {
    /// The rest of the bulletin could not be read: keep the opening, say why.
    public mutating func loadingFailed(_ reason: String) {
        loading = false
        message = reason
    }
}
