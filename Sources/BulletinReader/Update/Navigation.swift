import BulletinCore

/// Moving through the article text: scrolling and the jumps between sections,
/// articles and search hits.
extension ReaderState {
    /// Scrolls the article pane; never past the last page (unless a jump
    /// already put the top lower, then forward scrolling stays put).
    mutating func scroll(by lines: Int) {
        var target = moved(position, by: lines)
        if lines > 0 {
            let limit = lastPageTop
            if Self.isBefore(limit, target) { target = Self.isBefore(limit, position) ? position : limit }
        }
        position = target
        followPosition()
    }

    mutating func jump(to target: Position) {
        position = target
        followPosition()
    }

    /// Puts node `g` at the top of the article pane.
    mutating func jump(toNode g: Int) {
        jump(to: Position(node: g, line: 0))
    }

    /// The next section or article (`list`: the library's, read again after
    /// each stub on the way that has one is read).
    mutating func jumpNext(in list: KeyPath<Library, [Int]>, name: String) {
        while true {
            let nodes = library[keyPath: list]
            let k = SortedSearch.firstIndex(in: nodes, above: currentNode)
            if loadStub(forward: true, before: k.map { library.locate(nodes[$0]).bulletin }, where: { Self.holds($0, list) }) { continue }
            guard let k else {
                message = "No next \(name)"
                return
            }
            return jump(toNode: nodes[k])
        }
    }

    /// The entry before the section or article the reader is in (`current`
    /// finds it), or the last one before the current node when not in one.
    mutating func jumpPrevious(in list: KeyPath<Library, [Int]>, current: (Library, Int) -> Int?, name: String) {
        while true {
            let nodes = library[keyPath: list]
            let before = (current(library, currentNode) ?? currentNode + 1) - 1
            let k = before >= 0 ? SortedSearch.lastIndex(in: nodes, atMost: before) : nil
            if loadStub(forward: false, before: k.map { library.locate(nodes[$0]).bulletin }, where: { Self.holds($0, list) }) { continue }
            guard let k else {
                message = "No previous \(name)"
                return
            }
            return jump(toNode: nodes[k])
        }
    }

    /// Whether a stub has what `list` lists.
    static func holds(_ stub: BulletinStub, _ list: KeyPath<Library, [Int]>) -> Bool {
        list == \Library.sections ? stub.sections > 0 : stub.articles > 0
    }

    mutating func jumpToSection(number n: Int) {
        let (b, _) = library.locate(currentNode)
        guard let node = library.bulletins[b].outline.section(number: n) else {
            message = "No section \(n) (this bulletin has \(place.sections))"
            return
        }
        jump(toNode: library.global(bulletin: b, node: node))
    }
}
