import BulletinCore

/// The reader's pure update: a state and an action in, the next state out.
extension ReaderState {
    public func updated(_ action: ReaderAction) -> ReaderState {
        var next = self
        next.apply(action)
        return next
    }

    /// Maps a terminal event through the key map and applies it; returns
    /// the effects it asks for.
    @discardableResult
    public mutating func handle(_ event: ReaderEvent) -> [ReaderEffect] {
        guard let action = KeyMap.action(for: event, prompt: search?.editing == true) else { return [] }
        let before = view
        let effects = apply(action)
        return effects + finishUpdate(from: before)
    }

    @discardableResult
    mutating func apply(_ action: ReaderAction) -> [ReaderEffect] {
        if case .resize(let w, let h) = action { resize(width: w, height: h); return [] }
        if action == .redraw { return [.repaintAll] }
        message = nil
        if overlay != nil { return applyInOverlay(action) }
        switch action {
        case .quit: return [positionToSave(position).map(ReaderEffect.saveReading), .quit].compactMap { $0 }
        case .scroll(let lines): focus == .toc ? moveCursor(by: lines) : scroll(by: lines)
        case .page(let screens):
            let amount = screens * max(1, paneHeight - 1)
            focus == .toc ? moveCursor(by: amount) : scroll(by: amount)
        case .halfPage(let halves):
            let amount = halves * max(1, paneHeight / 2)
            focus == .toc ? moveCursor(by: amount) : scroll(by: amount)
        case .top: focus == .toc ? moveCursor(to: 0) : jump(to: Position(node: 0, line: 0))
        case .bottom:
            if focus == .toc { moveCursor(to: rows.count - 1) } else {
                load([library.bulletins.count - 1])  // the end of its text, not of its stub
                jump(to: lastPageTop)
            }
        case .switchFocus: focus = focus == .toc ? .article : .toc
        case .open: openCursor()
        case .nextSection: jumpNext(in: \.sections, name: "section")
        case .previousSection: jumpPrevious(in: \.sections, current: { $0.section(containing: $1) }, name: "section")
        case .nextArticle: jumpNext(in: \.articles, name: "article")
        case .previousArticle: jumpPrevious(in: \.articles, current: { $0.article(containing: $1) }, name: "article")
        case .section(let n): if n > 0 { jumpToSection(number: n) }
        case .startSearch: startSearch()
        case .searchType(let text): editSearch { $0 += text }
        case .searchBackspace:
            if search?.text.isEmpty == true { cancel() } else { editSearch { _ = $0.popLast() } }
        case .searchClear: editSearch { $0 = "" }
        case .searchDeleteWord:
            editSearch { text in
                while text.last == " " { text.removeLast() }
                while let last = text.last, last != " " { text.removeLast() }
            }
        case .searchSubmit: submitSearch()
        case .nextHit: jumpToHit(forward: true)
        case .previousHit: jumpToHit(forward: false)
        case .cancel: cancel()
        case .toggleTOC:
            keepingPlace {
                $0.tocShown.toggle()
                if !$0.tocShown { $0.focus = .article }
            }
        case .widenTOC: keepingPlace { $0.resizeTOC(by: 4) }
        case .narrowTOC: keepingPlace { $0.resizeTOC(by: -4) }
        case .fold: fold(true)
        case .unfold: fold(false)
        case .toggleFold: fold(nil)
        case .toggleFoldAll: toggleFoldAll()
        case .showHelp: openOverlay(.help)
        case .showWarnings: openOverlay(.warnings)
        case .showLinks: showLinks()
        case .toggleRead, .toggleStar, .rescan, .nextUnread, .previousUnread: return applyReading(action)
        case .click(let x, let y): return click(x: x, y: y)
        case .wheel(let x, let y, let lines): wheel(x: x, y: y, lines: lines)
        case .resize, .redraw: break
        }
        return []
    }

    /// The reading-state keys and `r`, the same over an overlay as without one.
    mutating func applyReading(_ action: ReaderAction) -> [ReaderEffect] {
        switch action {
        case .toggleRead: return toggleRead()
        case .toggleStar: return toggleStar()
        case .rescan: return rescan()
        case .nextUnread: jumpToUnread(forward: true)
        case .previousUnread: jumpToUnread(forward: false)
        default: break
        }
        return []
    }

    mutating func applyInOverlay(_ action: ReaderAction) -> [ReaderEffect] {
        guard let shown = overlay else { return [] }
        if case .links(let node) = shown { return applyInLinkList(action, node: node) }
        defer { if let overlay { overlayTop = min(overlayTop, overlayBox(overlay).lastTop) } }
        switch action {
        case .scroll(let n), .wheel(_, _, let n): overlayTop = max(0, overlayTop + n)
        case .page(let n), .halfPage(let n):
            let box = overlayBox(shown)
            var step = box.entriesFilling(from: overlayTop, backwards: n < 0)
            if case .halfPage = action { step = max(1, step / 2) }
            overlayTop = max(0, overlayTop + n * step)
        case .top: overlayTop = 0
        case .bottom: overlayTop = Int.max / 2
        case .showHelp where overlay != .help: openOverlay(.help)
        case .showWarnings where overlay != .warnings: openOverlay(.warnings)
        case .showLinks: showLinks()
        case .toggleRead, .toggleStar, .rescan, .nextUnread, .previousUnread: return applyReading(action)
        case .quit, .cancel, .showHelp, .showWarnings, .open: overlay = nil
        default: break
        }
        return []
    }

    mutating func openOverlay(_ which: Overlay) {
        overlay = which
        overlayTop = 0
    }

    mutating func resize(width w: Int, height h: Int) {
        keepingPlace {
            $0.width = max(0, w)
            $0.height = max(0, h)
        }
    }

    /// Applies a change that may re-wrap the article pane (a resize, the TOC
    /// shown, hidden or resized) and keeps the reader on the same text.
    mutating func keepingPlace(_ change: (inout ReaderState) -> Void) {
        let old = textWidth
        let offset = textOffset(of: position, width: old)
        change(&self)
        if textWidth != old { position = Self.positionAt(textOffset: offset, node: position.node, lines: lines(position.node)) }
        followPosition()
    }

    /// Non-space characters before line `position.line` of its node: a place in
    /// the text that survives re-wrapping at another width.
    func textOffset(of position: Position, width: Int) -> Int {
        layouts.lines(position.node, width: width).prefix(position.line).reduce(0) { total, line in
            total + line.text.unicodeScalars.count { $0 != " " }
        }
    }

    static func positionAt(textOffset offset: Int, node: Int, lines: [LayoutLine]) -> Position {
        var seen = 0
        for (k, line) in lines.enumerated() {
            let count = line.text.unicodeScalars.count { $0 != " " }
            if seen + count > offset { return Position(node: node, line: k) }
            seen += count
        }
        return Position(node: node, line: max(0, lines.count - 1))
    }
}
