import BulletinCore

/// Headline search: `/` opens the prompt, each keystroke filters the TOC to
/// the matching articles, Enter jumps to the first, `n`/`N` walk the hits,
/// Esc restores the full TOC.
extension ReaderState {
    mutating func startSearch() {
        var s = search ?? Search()
        s.editing = true
        search = s
        keepCursorVisible()
    }

    mutating func editSearch(_ edit: (inout String) -> Void) {
        guard var s = search else { return }
        let before = s.text
        edit(&s.text)
        // Typing on only narrows: search among the previous matches.
        let narrowing = !before.isEmpty && s.text.hasPrefix(before)
        s.matches = library.matchingNodes(s.query, among: narrowing ? s.matches : nil)
        // Stubs are asked of the index; those read for the last text stay.
        s.pending = shelvedCandidates(s.query)
        search = s
        rebuildRows()
        cursor = 0
        loadSearchHits()
        if let found = search { s = found }
        if s.text.isEmpty {
            followPosition()
        } else {
            cursor = s.matches.first.flatMap { first in rows.firstIndex { $0.node == first } } ?? 0
            tocTop = 0
            keepCursorVisible()
            if s.matches.isEmpty { message = noMatchMessage(s.text) }
        }
    }

    mutating func submitSearch() {
        guard var s = search else { return }
        s.editing = false
        search = s
        guard !s.text.isEmpty else { return cancel() }
        guard let first = s.matches.first else {
            message = noMatchMessage(s.text)
            return
        }
        focus = .article
        jump(toNode: first)
        message = "Hit 1 of \(s.hitCount) — n/N for next/previous, Esc shows the full TOC"
    }

    mutating func jumpToHit(forward: Bool) {
        guard var s = search, !s.text.isEmpty else {
            message = "No search yet — press / to search headlines"
            return
        }
        guard !s.matches.isEmpty else {
            message = noMatchMessage(s.text)
            return
        }
        // Past the last hit read: the stubs that may hold more, first.
        while forward, SortedSearch.firstIndex(in: s.matches, above: currentNode) == nil, !s.pending.isEmpty {
            loadSearchHits(more: true)
            s = search ?? s
        }
        let k: Int
        var wrapped = false
        if forward {
            if let next = SortedSearch.firstIndex(in: s.matches, above: currentNode) { k = next } else { k = 0; wrapped = true }
        } else {
            let current = library.article(containing: currentNode) ?? currentNode + 1
            if let previous = SortedSearch.lastIndex(in: s.matches, atMost: current - 1) { k = previous } else { k = s.matches.count - 1; wrapped = true }
        }
        jump(toNode: s.matches[k])
        message = "Hit \(k + 1) of \(s.hitCount)" + (wrapped ? (forward ? " (wrapped to the first)" : " (wrapped to the last)") : "")
    }

    func noMatchMessage(_ text: String) -> String {
        "No headline matches “\(text)”"
    }

    /// Esc: leave the prompt and drop the filter, or clear a finished search.
    mutating func cancel() {
        guard search != nil else { return }
        search = nil
        rebuildRows()
        followPosition()
        shelveFolded()
    }
}
