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
        let titleHeading = scan.headings.first.flatMap { $0.level == 1 ? 0 : nil }
        let metadataTitle = scan.metadata.first { LineText.isTitleKey($0.key) }?.value
        let title = metadataTitle.map { InlineText(markdown: $0).text }
            ?? titleHeading.map { InlineText(markdown: scan.headings[$0].markdown).text }
            ?? scan.headings.first { $0.level == 1 }.map { InlineText(markdown: $0.markdown).text }
            ?? fallbackTitle
        let headings = scan.headings.enumerated().map { HeadingInfo(index: $0.offset, scanned: $0.element) }
        let candidates = TOCCandidate.find(in: scan, titleHeading: titleHeading)
        for candidate in candidates {
            var attempt = assemble(title: title, titleHeading: titleHeading, headings: headings, toc: candidate)
            let matched = attempt.toc.filter { $0.article != nil }.count
            if candidate.shape == .contentsList && matched > 0 || matched * 2 >= attempt.toc.count {
                attempt.warnings += tocWarnings(attempt)
                return attempt
            }
        }
        return assemble(title: title, titleHeading: titleHeading, headings: headings, toc: nil)
    }

    /// A scanned heading with its parsed text, computed once.
    struct HeadingInfo {
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
            let inline = InlineText(markdown: scanned.markdown)
            text = inline.text
            removedControls = inline.removedControls
            let parts = RegionSplit.split(scanned.markdown)
            region = parts?.region.map { InlineText(markdown: $0).text }
            headline = parts.map { InlineText(markdown: $0.headline).text } ?? text
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
        let section = counts.filter { $0.value > 1 }.keys.min() ?? counts.keys.min()
        let article = section.flatMap { s in counts.keys.filter { $0 > s }.min() }
        return Levels(section: section, article: article, bulletinMode: toc != nil)
    }

    /// The level used by most headings; ties go to the deeper level.
    func mostCommonLevel(_ headings: [HeadingInfo]) -> Int? {
        var counts: [Int: Int] = [:]
        for h in headings { counts[h.scanned.level, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }

    func assemble(title: String, titleHeading: Int?, headings all: [HeadingInfo], toc candidate: TOCCandidate?) -> Result {
        let excluded = Set(candidate?.headings ?? []).union(titleHeading.map { [$0] } ?? [])
        let headings = all.filter { !excluded.contains($0.index) }
        var toc = candidate?.entries ?? []
        let tocIndex = TOCIndex(toc)
        let levels = levels(headings, toc: candidate, index: tocIndex)
        var keys: [MatchKey?] = [nil]
        var warnings: [Warning] = []

        let titleInfo = titleHeading.map { scan.headings[$0] }
        var nodes = [OutlineNode(kind: .bulletin, level: titleInfo == nil ? 0 : 1, depth: 0, text: title, region: nil,
                                 headline: title, line: titleInfo?.line ?? 1,
                                 bodyStart: titleInfo?.bodyStart ?? scan.bodyStart, bodyEnd: byteCount,
                                 bodyLine: titleInfo?.bodyLine ?? scan.bodyLine, parent: nil)]
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
                   h.region != nil || tocIndex.matches(h.key, inSection: nodes[section!].text) {
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
            if kind == .section { section = index } else { stack.append(index) }
        }
        reconcile(&toc, index: tocIndex, nodes: &nodes, keys: keys)
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
    /// the same section.
    func reconcile(_ toc: inout [TOCEntry], index: TOCIndex, nodes: inout [OutlineNode], keys: [MatchKey?]) {
        guard !toc.isEmpty else { return }
        let articles = nodes.indices.filter { nodes[$0].kind == .article }
        var sectionOf: [Int: [UInt32]] = [:]
        var byFull: [[UInt32]: [Int]] = [:], byHeadline: [[UInt32]: [Int]] = [:]
        var bySection: [[UInt32]: [Int]] = [:]
        var folds = FoldCache()
        for i in articles {
            let key = keys[i]!
            byFull[key.full.scalars, default: []].append(i)
            byHeadline[key.headline.scalars, default: []].append(i)
            let parent = nodes[i].parent ?? 0
            let section = nodes[parent].kind == .section ? folds.scalars(nodes[parent].text) : []
            sectionOf[i] = section
            bySection[section, default: []].append(i)
        }
        var taken = Set<Int>()
        func claim(_ e: Int, _ article: Int, approximate: Bool) {
            taken.insert(article)
            toc[e].article = article
            toc[e].approximate = approximate
            nodes[article].tocLine = toc[e].line
        }
        for e in toc.indices {
            let key = index.keys[e]
            let section = toc[e].section.map { folds.scalars($0) }
            var pool = byFull[key.full.scalars] ?? []
            if toc[e].region == nil { pool += byHeadline[key.headline.scalars] ?? [] }
            let free = pool.filter { !taken.contains($0) }
            if let best = free.first(where: { sectionOf[$0] == section }) ?? free.first { claim(e, best, approximate: false) }
        }
        for e in toc.indices where toc[e].article == nil {
            let key = index.keys[e]
            let section = toc[e].section.map { folds.scalars($0) }
            let pool = (section.flatMap { bySection[$0] } ?? articles).filter { !taken.contains($0) }
            let scored = pool.map { ($0, key.similarity(to: keys[$0]!, entryHasRegion: toc[e].region != nil)) }
            if let best = scored.filter({ $0.1 >= EditDistance.threshold }).max(by: { $0.1 < $1.1 }) {
                claim(e, best.0, approximate: true)
            }
        }
    }

    func tocWarnings(_ result: Result) -> [Warning] {
        var warnings: [Warning] = []
        for entry in result.toc {
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
        for node in result.nodes where node.kind == .article && node.tocLine == nil {
            warnings.append(Warning(line: node.line, kind: .missingFromTOC,
                                    message: "article '\(node.displayTitle)' is missing from the table of contents"))
        }
        return warnings
    }
}
