import BulletinCore

/// The table-of-contents pane: bulletins, sections (foldable) and articles
/// as `Region | Headline`, the cursor row selected, search matches marked.
/// Bulletins and sections end in their count of unread articles; unread
/// articles are bold, read ones muted, starred ones marked `★`.
extension ReaderState {
    func drawTOC(in pane: Frame.Rect, _ grid: inout CellGrid) {
        let query = search.map(\.query)
        for y in 0..<pane.height {
            let index = tocTop + y
            guard rows.indices.contains(index) else { break }
            drawRow(rows[index], selected: index == cursor, query: query, y: pane.y + y, limit: pane.x + pane.width - 1, into: &grid)
        }
    }

    /// `limit`: one blank column before the border.
    func drawRow(_ row: TOCRow, selected: Bool, query: SearchQuery?, y: Int, limit: Int, into grid: inout CellGrid) {
        let node = library.node(row.node)
        let x = Self.markerColumn(row)
        let pick = { (part: ThemePart) in CellStyle(selected ? .selection : part) }
        let match = CellStyle(.match)
        if selected { grid.fill(x: 0, y: y, width: limit, height: 1, style: pick(.body)) }
        let hit = query.flatMap { q in row.isLeaf && !q.isEmpty ? library.hit(row.node, q) : nil }
        func ranges(_ field: SearchHit.Field) -> [(range: Range<Int>, style: CellStyle)] {
            hit?.matches.filter { $0.field == field }.map { ($0.start..<$0.start + $0.length, match) } ?? []
        }
        switch row.kind {
        case .bulletin, .section:
            let marker = !row.hasChildren ? " " : folded.contains(row.node) ? "▸" : "▾"
            var column = grid.write(marker, x: x, y: y, limit: limit, style: pick(.muted))
            let isNew = row.kind == .bulletin && newPaths.contains(library.path(library.locate(row.node).bulletin))
            if isNew { column = grid.write(" new", x: column, y: y, limit: limit, style: pick(.warning)) }
            let part: ThemePart = row.kind == .bulletin ? .title : .tocSection
            let title = row.kind == .bulletin ? library.title(library.locate(row.node).bulletin) : node.text
            var sectionMatches: [(range: Range<Int>, style: CellStyle)] = []
            if row.kind == .section, let q = query, !q.isEmpty {
                let folded = FoldedText(title)
                for keyword in q.keywords {
                    if let start = folded.firstIndex(of: keyword) {
                        sectionMatches.append((folded.originalRange(start: start, count: keyword.scalars.count), match))
                    }
                }
            }
            // The unread count at the right edge, the title cut before it.
            let unread = tracksReading ? unreadCount(in: nodeRange(of: row)) : 0
            let count = unread > 0 ? " \(unread)" : ""
            let titleLimit = max(column + 1, limit - count.count)
            StyledRun(text: title, base: pick(part), ranges: sectionMatches).draw(&grid, x: column + 1, y: y, limit: titleLimit)
            markIfCut([marker, isNew ? " new" : "", " ", title], x: x, y: y, limit: titleLimit, style: pick(.muted), into: &grid)
            if !count.isEmpty, titleLimit + count.count <= limit { grid.write(count, x: titleLimit, y: y, limit: limit, style: pick(.muted)) }
        case .article:
            let read = isRead(row.node)
            let star = isStarred(row.node) ? "★ " : ""
            let unreadStyle: TextAttributes = tracksReading ? .bold : []
            var column = grid.write(star, x: x, y: y, limit: limit, style: pick(.warning))
            if let region = node.region {
                column = StyledRun(text: region, base: read ? pick(.muted) : pick(.region), ranges: ranges(.region)).draw(&grid, x: column, y: y, limit: limit)
                column = grid.write(" | ", x: column, y: y, limit: limit, style: pick(.muted))
            }
            let headline = read ? pick(.muted) : CellStyle(selected ? .selection : .tocArticle, extra: unreadStyle)
            StyledRun(text: node.headline, base: headline, ranges: ranges(.headline)).draw(&grid, x: column, y: y, limit: limit)
            markIfCut([star, node.region.map { $0 + " | " } ?? "", node.headline], x: x, y: y, limit: limit, style: pick(.muted), into: &grid)
        case .starred:
            let marker = starredFolded ? "▸" : "▾"
            let column = grid.write(marker + " ★ Starred", x: x, y: y, limit: limit, style: pick(.title))
            grid.write(" \(starredNodes.count)", x: column, y: y, limit: limit, style: pick(.muted))
        case .heading:
            StyledRun(text: node.text, base: pick(.tocArticle), ranges: ranges(.headline)).draw(&grid, x: x, y: y, limit: limit)
            markIfCut([node.text], x: x, y: y, limit: limit, style: pick(.muted), into: &grid)
        }
    }

    /// The global nodes a bulletin or section row spans.
    func nodeRange(of row: TOCRow) -> Range<Int> {
        let (b, _) = library.locate(row.node)
        let end = library.firstNode(ofBulletin: b + 1)
        guard row.kind == .section, let next = SortedSearch.firstIndex(in: library.sections, above: row.node) else { return row.node..<end }
        return row.node..<min(end, library.sections[next])
    }

    /// Ends a row that did not fit with "…", so a cut headline does not pass for a whole one.
    private func markIfCut(_ parts: [String], x: Int, y: Int, limit: Int, style: CellStyle, into grid: inout CellGrid) {
        var needed = x
        for part in parts where needed <= limit {
            needed += DisplayWidth.of(part, ambiguousWide: grid.ambiguousWide, limit: limit - needed)
        }
        guard needed > limit else { return }
        let ellipsis = "…"
        var column = max(0, limit - DisplayWidth.of(ellipsis, ambiguousWide: grid.ambiguousWide))
        if column > 0, grid[column, y].isContinuation { column -= 1 }  // right after the last whole character
        grid.write(ellipsis, x: column, y: y, limit: limit, style: style)
    }
}
