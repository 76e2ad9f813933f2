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

    mutating func jumpNext(in list: [Int], name: String) {
        guard let k = SortedSearch.firstIndex(in: list, above: currentNode) else {
            message = "No next \(name)"
            return
        }
        jump(toNode: list[k])
    }

    /// The entry before `current` (the section or article the reader is
    /// in), or the last one before the current node when not in one.
    mutating func jumpPrevious(in list: [Int], current: Int?, name: String) {
        let before = (current ?? currentNode + 1) - 1
        guard before >= 0, let k = SortedSearch.lastIndex(in: list, atMost: before) else {
            message = "No previous \(name)"
            return
        }
        jump(toNode: list[k])
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
