/// Turns the scan into outline nodes: picks the title, recognises and
/// reconciles the table of contents, decides which heading levels are
/// sections and articles, and repairs articles written at section level.
struct OutlineBuilder {
    struct Result {
        var title: String
        var nodes: [OutlineNode]
        var toc: [TOCEntry]
        var tocLines: ClosedRange<Int>?
        var warnings: [Warning]
        /// Control characters that entities in headings decoded to.
        var removedControls = 0
    }

    let scan: OutlineScan
    let byteCount: Int
    let fallbackTitle: String

    func build() -> Result {
        let metadataTitle = scan.metadata.first { LineText.isTitleKey($0.key) }?.value
        // A first-heading H1 is the title, unless front matter names another
        // one: then it is the body's first heading, a node like the rest.
        let titleHeading = scan.headings.first.flatMap { first -> Int? in
            guard first.level == 1 else { return nil }
            guard let metadataTitle else { return 0 }
            return FoldedKey(InlineText(markdown: first.markdown).text) == FoldedKey(InlineText(markdown: metadataTitle).text) ? 0 : nil
        }
        let title = metadataTitle.map { InlineText(markdown: $0).text }
            ?? titleHeading.map { InlineText(markdown: scan.headings[$0].markdown).text }
            ?? scan.headings.first { $0.level == 1 }.map { InlineText(markdown: $0.markdown).text }
            ?? fallbackTitle
        let headings = scan.headings.withUnsafeBufferPointer { scanned in
            Parallel.map(count: scanned.count) { HeadingInfo(index: $0, scanned: scanned[$0]) }
        }
        let candidates = TOCCandidate.find(in: scan, titleHeading: titleHeading)
        for candidate in candidates {
            var attempt = assemble(title: title, titleHeading: titleHeading, headings: headings, toc: candidate)
            let matched = attempt.toc.indices.count { attempt.toc[$0].article != nil }
            if candidate.shape == .contentsList && matched > 0 || matched * 2 >= attempt.toc.count {
                attempt.warnings += tocWarnings(attempt)
                return attempt
            }
        }
        return assemble(title: title, titleHeading: titleHeading, headings: headings, toc: nil)
    }

    /// A scanned heading with its parsed text, computed once. A class: it is
    /// filtered and passed around for every heading, and a copy of a struct
    /// would retain each of its strings and arrays.
    final class HeadingInfo {
        let index: Int
        let scanned: OutlineScan.Heading
        let text: String
        let removedControls: Int
        let region: String?
        let headline: String
        let key: MatchKey

        init(index: Int, scanned: OutlineScan.Heading) {
            self.index = index
            self.scanned = scanned
            let parsed = HeadingText(markdown: scanned.markdown)
            text = parsed.text
            removedControls = parsed.removedControls
            region = parsed.region
            headline = parsed.headline
            key = MatchKey(region: region, headline: headline)
        }
    }

    /// Section and article levels for the headings that remain.
    struct Levels {
        var section: Int?
        var article: Int?
        var bulletinMode: Bool
    }

    /// In a bulletin (a TOC, or `Region | Headline` headings) articles are
    /// the level most of those headings (or the TOC's matches) use, and
    /// sections the deepest level above it. Otherwise sections are the
    /// shallowest level used more than once, articles the next level below.
    func levels(_ headings: [HeadingInfo], toc: TOCCandidate?, index: TOCIndex) -> Levels {
        let articleLike = headings.filter { $0.region != nil || index.exactMatch($0.key) }
        if toc != nil || articleLike.count >= 2, let article = mostCommonLevel(articleLike) {
            let section = toc?.shape == .sections ? scan.headings[toc!.headings[0]].level
                : headings.filter { $0.region == nil && $0.scanned.level < article }.map(\.scanned.level).max()
            return Levels(section: section, article: article, bulletinMode: true)
        }
        var counts: [Int: Int] = [:]
        for h in headings { counts[h.scanned.level, default: 0] += 1 }
        var section = counts.filter { $0.value > 1 }.keys.min() ?? counts.keys.min()
        // A lone shallower heading that opens the body (`# News` above `##`
        // parts) is a section over them, not their sibling.
        if let first = headings.first?.scanned.level, let level = section, first < level { section = first }
        let article = section.flatMap { s in counts.keys.filter { $0 > s }.min() }
        return Levels(section: section, article: article, bulletinMode: toc != nil)
    }

    /// The level used by most headings; ties go to the deeper level.
    func mostCommonLevel(_ headings: [HeadingInfo]) -> Int? {
        var counts = [Int](repeating: 0, count: 7)
        for h in headings { counts[h.scanned.level] += 1 }
        guard let most = counts.max(), most > 0 else { return nil }
        return counts.lastIndex(of: most)
    }

    func assemble(title: String, titleHeading: Int?, headings all: [HeadingInfo], toc candidate: TOCCandidate?) -> Result {
        let excluded = Set(candidate?.headings ?? []).union(titleHeading.map { [$0] } ?? [])
        let headings = all.filter { !excluded.contains($0.index) }
        var toc = candidate?.entries ?? []
        let tocIndex = candidate?.index ?? TOCIndex([])
        let levels = levels(headings, toc: candidate, index: tocIndex)
        var keys: [MatchKey?] = [nil]
        keys.reserveCapacity(headings.count + 2)
        var sectionKeys: [Int: FoldedKey] = [:]
        var warnings: [Warning] = []

        let titleInfo = titleHeading.map { scan.headings[$0] }
        var nodes: [OutlineNode] = []
        nodes.reserveCapacity(headings.count + 2)
        nodes.append(OutlineNode(kind: .bulletin, level: titleInfo == nil ? 0 : 1, depth: 0, text: title, region: nil,
                                 headline: title, line: titleInfo?.line ?? 1,
                                 bodyStart: titleInfo?.bodyStart ?? scan.bodyStart, bodyEnd: byteCount,
                                 bodyLine: titleInfo?.bodyLine ?? scan.bodyLine, parent: nil))
        if let preambleLine = preambleLine(titleHeading: titleHeading, toc: candidate) {
            nodes.append(OutlineNode(kind: .preamble, level: 0, depth: 1, text: "", region: nil, headline: "",
                                     line: preambleLine, bodyStart: nodes[0].bodyStart, bodyEnd: byteCount,
                                     bodyLine: nodes[0].bodyLine, parent: 0))
            nodes[0].bodyEnd = nodes[0].bodyStart
            keys.append(nil)
        }
        var section: Int?
        var stack: [Int] = []  // open nodes below the current section, for deeper headings
        for h in headings {
            let level = h.scanned.level
            var kind: OutlineNode.Kind
            if let sectionLevel = levels.section, level <= sectionLevel {
                kind = .section
                if level == sectionLevel, section != nil, levels.bulletinMode,
                   h.region != nil || tocIndex.matches(h.key, inSection: sectionKeys[section!]!) {
                    kind = .article
                    warnings.append(Warning(line: h.scanned.line, kind: .headingLevel,
                                            message: "heading '\(h.text)' is written at level \(level); read as an article of '\(nodes[section!].text)'"))
                }
            } else if let articleLevel = levels.article, level <= articleLevel {
                kind = .article
            } else {
                kind = .heading
            }
            let parent: Int
            switch kind {
            case .section:
                parent = 0
                stack = []
            case .article:
                parent = section ?? 0
                stack = []
            default:
                while let top = stack.last, nodes[top].level >= level { stack.removeLast() }
                parent = stack.last ?? section ?? 0
            }
            let index = nodes.count
            nodes[index - 1].bodyEnd = min(nodes[index - 1].bodyEnd, h.scanned.start)
            nodes.append(OutlineNode(kind: kind, level: level, depth: nodes[parent].depth + 1, text: h.text,
                                     region: h.region, headline: h.headline, line: h.scanned.line,
                                     bodyStart: h.scanned.bodyStart, bodyEnd: byteCount, bodyLine: h.scanned.bodyLine,
                                     parent: parent))
            keys.append(h.key)
            if kind == .section {
                section = index
                sectionKeys[index] = FoldedKey(h.text)
            } else {
                stack.append(index)
            }
        }
        reconcile(&toc, index: tocIndex, nodes: &nodes, keys: keys, sectionKeys: sectionKeys)
        return Result(title: title, nodes: nodes, toc: toc, tocLines: candidate?.lines, warnings: warnings,
                      removedControls: all.reduce(0) { $0 + $1.removedControls })
    }

    /// The first content line before the first node, unless it is the TOC.
    func preambleLine(titleHeading: Int?, toc: TOCCandidate?) -> Int? {
        let tocLines = toc?.lines
        let before = scan.entries.filter { $0.heading == (titleHeading ?? -1) }.map(\.line) + scan.preambleOtherLines
        return before.filter { tocLines?.contains($0) != true }.min()
    }

    /// Matches each TOC entry to an article: first by folded equality
    /// (preferring the same section), then by closest edit distance within
    /// the same section. `sectionKeys[i]` is the folded title of section node i.
    func reconcile(_ toc: inout [TOCEntry], index: TOCIndex, nodes: inout [OutlineNode], keys: [MatchKey?],
                   sectionKeys: [Int: FoldedKey]) {
        guard !toc.isEmpty else { return }
        let articles = nodes.indices.filter { nodes[$0].kind == .article }
        // Articles by key as chains through `next`: no array per key.
        var next = [Int](repeating: -1, count: nodes.count)
        var byFull = FoldedKeyTable(capacity: articles.count), byHeadline = FoldedKeyTable(capacity: articles.count)
        var nextByHeadline = [Int](repeating: -1, count: nodes.count)
        for i in articles.reversed() {
            let key = keys[i]!
            if let head = byFull.updateValue(i, forKey: key.full) { next[i] = head }
            if let head = byHeadline.updateValue(i, forKey: key.headline) { nextByHeadline[i] = head }
        }
        func sectionKey(of article: Int) -> FoldedKey {
            nodes[article].parent.flatMap { sectionKeys[$0] } ?? .empty
        }
        var taken = [Bool](repeating: false, count: nodes.count)
        func claim(_ e: Int, _ article: Int, approximate: Bool) {
            taken[article] = true
            toc[e].article = article
            toc[e].approximate = approximate
            nodes[article].tocLine = toc[e].line
        }
        func firstFree(from head: Int?, chain: [Int], in section: FoldedKey?) -> (same: Int?, any: Int?) {
            var any: Int?
            var i = head ?? -1
            while i >= 0 {
                if !taken[i] {
                    if section == nil || sectionKey(of: i) == section { return (i, i) }
                    any = any ?? i
                }
                i = chain[i]
            }
            return (nil, any)
        }
        var unmatched: [Int] = []
        for e in toc.indices {
            let key = index.keys[e]
            let section = toc[e].sectionKey
            var found = firstFree(from: byFull[key.full], chain: next, in: section)
            if found.same == nil, toc[e].region == nil {
                let byName = firstFree(from: byHeadline[key.headline], chain: nextByHeadline, in: section)
                found = (byName.same, found.any ?? byName.any)
            }
            if let article = found.same ?? found.any { claim(e, article, approximate: false) } else { unmatched.append(e) }
        }
        // Summaries that say a little more than the heading: a headline and a
        // teaser clause (the longest heading the item starts with), or a
        // column's name (`代表风采：` for `【代表风采】…`).
        var columns: [FoldedKey: [Int]]?
        unmatched = unmatched.filter { e in
            let headline = toc[e].headline
            if toc[e].region == nil, headline.unicodeScalars.count <= Self.longestSummaryItem {
                var key = FoldedKey.empty
                var best: Int?
                for scalar in headline.unicodeScalars {
                    key = key.appending(scalar)
                    guard key.count >= Self.shortestTeaserHeading, key.count < index.keys[e].headline.count else { continue }
                    let found = firstFree(from: byHeadline[key], chain: nextByHeadline, in: toc[e].sectionKey)
                    if let article = found.same ?? found.any { best = article }
                }
                if let best { claim(e, best, approximate: false); return false }
            }
            if ListNumbering.endsWithColon(headline) {
                if columns == nil { columns = Self.columnArticles(articles, nodes) }
                let name = FoldedKey(String(headline.trimmingSpaces.unicodeScalars.dropLast()))
                if let article = columns?[name]?.first(where: { !taken[$0] }) { claim(e, article, approximate: false); return false }
            }
            return true
        }
        guard !unmatched.isEmpty else { return }
        let bySection = Dictionary(grouping: articles, by: sectionKey(of:))
        // One approximate index per pool of articles (a section's, or all of
        // them), and where in it the previous match was. The pool of all is
        // kept apart rather than under a nil key: `FoldedKey?` as a key type
        // costs a scan of every conformance in the binary at first use.
        typealias Pool = (articles: [Int], index: ApproximateIndex, cursor: Int)
        var pools: [FoldedKey: Pool] = [:]
        var allPool: Pool?
        for e in unmatched {
            let poolKey = toc[e].sectionKey.flatMap { bySection[$0] == nil ? nil : $0 }
            var pool = (poolKey.map { pools[$0] } ?? allPool) ?? {
                let members = poolKey.flatMap { bySection[$0] } ?? articles
                return (members, ApproximateIndex(members.map { keys[$0]! }), 0)
            }()
            if let best = pool.index.best(for: index.keys[e], entryHasRegion: toc[e].region != nil, after: pool.cursor,
                                          isFree: { [articles = pool.articles] in !taken[articles[$0]] }) {
                claim(e, pool.articles[best.item], approximate: true)
                pool.cursor = best.item + 1
            }
            if let poolKey { pools[poolKey] = pool } else { allPool = pool }
        }
    }

    /// Summary items longer than this are not looked at for a heading they start with.
    static let longestSummaryItem = 200
    /// A heading must be this long (folded) to match as the start of an item.
    static let shortestTeaserHeading = 4

    /// Articles by the column named in their headline's leading `【…】`.
    static func columnArticles(_ articles: [Int], _ nodes: [OutlineNode]) -> [FoldedKey: [Int]] {
        var columns: [FoldedKey: [Int]] = [:]
        for a in articles {
            let scalars = nodes[a].headline.unicodeScalars
            guard scalars.first == "【", let close = scalars.firstIndex(of: "】") else { continue }
            columns[FoldedKey(String(scalars[scalars.index(after: scalars.startIndex)..<close])), default: []].append(a)
        }
        return columns
    }

    func tocWarnings(_ result: Result) -> [Warning] {
        var warnings: [Warning] = []
        for e in result.toc.indices where result.toc[e].article == nil || result.toc[e].approximate {
            let entry = result.toc[e]
            if let article = entry.article {
                if entry.approximate {
                    warnings.append(Warning(line: entry.line, kind: .tocApproximate,
                                            message: "TOC line '\(entry.displayTitle)' matched heading '\(result.nodes[article].displayTitle)' (line \(result.nodes[article].line)) approximately"))
                }
            } else {
                warnings.append(Warning(line: entry.line, kind: .tocUnmatched,
                                        message: "TOC line '\(entry.displayTitle)' has no matching article"))
            }
        }
        for i in result.nodes.indices where result.nodes[i].kind == .article && result.nodes[i].tocLine == nil {
            let node = result.nodes[i]
            warnings.append(Warning(line: node.line, kind: .missingFromTOC,
                                    message: "article '\(node.displayTitle)' is missing from the table of contents"))
        }
        return warnings
    }
}
