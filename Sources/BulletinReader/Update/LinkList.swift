import BulletinCore

/// The link list (`f`): which node's links it shows, moving in it, and
/// following a link by the opening policy (`LinkTarget`).
extension ReaderState {
    /// The links of global node `g`, numbered as its lines show them.
    public func links(of g: Int) -> [NumberedLink] { layouts.links(g, width: textWidth) }

    /// The nodes with a line on screen, top first.
    var nodesOnScreen: [Int] {
        var nodes: [Int] = []
        for p in paneRows where nodes.last != p.node { nodes.append(p.node) }
        return nodes
    }

    /// `f`: the node at the top of the article pane, or the first on screen
    /// with links; with the TOC focused, the entry under the cursor.
    mutating func showLinks(selecting number: Int? = nil, of node: Int? = nil) {
        let candidates = node.map { [$0] } ?? (focus == .toc && rows.indices.contains(cursor) ? [rows[cursor].node] : nodesOnScreen)
        guard let shown = candidates.first(where: { !links(of: $0).isEmpty }) else {
            message = focus == .toc ? "This entry has no links" : "No links on screen"
            return
        }
        openOverlay(.links(node: shown))
        linkDigits = ""
        linkSelected = 0
        selectLink(max(0, (number ?? 1) - 1), in: shown)
    }

    /// Selects link `k` of the list and scrolls the list to keep it in view.
    mutating func selectLink(_ k: Int, in node: Int) {
        let count = links(of: node).count, visible = max(1, linkListBox(node).visible)
        linkSelected = max(0, min(count - 1, k))
        if linkSelected < overlayTop { overlayTop = linkSelected }
        if linkSelected >= overlayTop + visible { overlayTop = linkSelected - visible + 1 }
    }

    mutating func applyInLinkList(_ action: ReaderAction, node: Int) -> [ReaderEffect] {
        let count = links(of: node).count
        let visible = max(1, linkListBox(node).visible)
        func select(_ k: Int) { selectLink(k, in: node) }
        if case .section(let digit) = action {
            // A number picks its link; it opens once no longer number could follow.
            let typed = linkDigits + String(digit)
            guard let n = Int(typed), n >= 1, n <= count else { linkDigits = ""; message = "No link \(typed)"; return [] }
            select(n - 1)
            if n * 10 > count { return follow(node: node) }
            linkDigits = typed
            return []
        }
        linkDigits = ""
        switch action {
        case .scroll(let n), .wheel(_, _, let n): select(linkSelected + n)
        case .page(let n), .halfPage(let n): select(linkSelected + n * visible)
        case .top: select(0)
        case .bottom: select(count - 1)
        case .open: return follow(node: node)
        case .quit, .cancel, .showLinks: overlay = nil
        case .showHelp: openOverlay(.help)
        case .showWarnings: openOverlay(.warnings)
        default: break
        }
        return []
    }

    /// Follows the selected link: a web link is the browser's, an anchor a
    /// jump, a bulletin file is opened beside the others, anything else is refused.
    mutating func follow(node: Int) -> [ReaderEffect] {
        let list = links(of: node)
        guard list.indices.contains(linkSelected) else { return [] }
        let link = list[linkSelected]
        overlay = nil
        let bulletin = library.bulletins[library.locate(node).bulletin]
        switch LinkTarget.classify(link.url, from: bulletin.path) {
        case .url(let url): return [.openURL(url)]
        case .fragment(let anchor):
            let b = library.locate(node).bulletin
            if let target = HeadingSlug.anchors(bulletin.outline)[anchor.lowercased()] {
                jump(toNode: library.global(bulletin: b, node: target))
            } else {
                message = "No heading #\(anchor) in this bulletin"
            }
        case .file(let path):
            if let open = library.bulletins.indices.first(where: { library.path($0) == path }) {
                jump(toNode: library.firstNode(ofBulletin: open))
            } else {
                return [.openFile(path)]
            }
        case .refused(let reason): message = "Refused: \(reason)"
        }
        return []
    }

    /// A click on a link's text in the article pane: its list, that link picked.
    /// `x`: the column in the text, `row`: the row in the pane.
    mutating func clickArticle(x: Int, row: Int) {
        let rows = paneRows
        guard rows.indices.contains(row) else { return }
        let p = rows[row]
        let line = lines(p.node)[p.line]
        guard !line.links.isEmpty else { return }
        // The scalar under column x.
        var column = 0
        var offset = 0
        for scalar in line.text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if x < column + max(1, w) { break }
            column += w
            offset += 1
        }
        guard let place = line.links.first(where: { $0.range.contains(offset) }) else { return }
        showLinks(selecting: place.number, of: p.node)
    }

    /// What running the browser gave, on the status line.
    mutating func noteOpened(_ url: String, _ outcome: ProgramOutcome) {
        switch outcome {
        case .finished(let program): message = "Opened with \(program): \(url)"
        case .couldNotStart(let program, let reason): message = "Could not start \(program): \(reason)"
        case .failed(let program, let status): message = "\(program) failed (exit status \(status)) on \(url)"
        }
    }

    /// A linked bulletin, added to what is open, and shown.
    mutating func add(_ bulletin: Bulletin, from path: String) {
        let node = library.nodeCount
        library = library.appending(bulletin)
        layouts = LayoutCache(library: library, ambiguousWide: layouts.ambiguousWide)
        rebuildRows()
        jump(toNode: node)
        message = "Opened \(Self.fileName(path))"
    }
}
