/// Hits as `bulletin search` prints them, best first: `PATH:LINE: Section >
/// Region | Headline` for an article, `PATH:LINE: Section` for a section,
/// `PATH:LINE: Section > Heading` for a deeper heading. The index's search
/// records give them straight from their bytes (`SearchRecord.lines`),
/// without a `SearchHit` each: a common word's 128,000 hits as strings were
/// most of its search.
public struct SearchLines: Sendable {
    /// Some hits' lines one after another, with where each ends and its
    /// sort key: a core's share of the search, made without a lock.
    public struct Part: Sendable {
        var text = ByteBuffer()
        var ends: [Int] = []
        /// Each line's sort key packed with its place, as made; best first once ranked.
        var keys: [SearchHit.SortKey.Packed] = []
        var isRanked = false

        public init() {}

        /// Ranks the lines now, on this core (else `SearchLines` does).
        public mutating func rank() {
            keys.sort()
            isRanked = true
        }

        /// The lines of `hits`, in their order.
        public init(_ hits: [SearchHit]) {
            var escaped: (path: String, bytes: [UInt8])?
            for hit in hits {
                if escaped?.path != hit.path { escaped = (hit.path, Array(ControlFilter.escaped(hit.path).utf8)) }
                append(path: escaped!.bytes, line: hit.line, section: hit.section?.utf8, region: hit.region?.utf8,
                       headline: hit.headline.utf8, key: hit.sortKey)
            }
        }

        public var count: Int { keys.count }

        /// One line; `path` already escaped (`ControlFilter.escaped`).
        mutating func append<Text: Collection<UInt8>>(path: [UInt8], line: Int, section: Text?, region: Text?, headline: Text,
                                                     key: SearchHit.SortKey) {
            SearchLines.append(path: path, line: line, section: section, region: region, headline: headline, to: &text)
            ends.append(text.count)
            keys.append(SearchHit.SortKey.Packed(key, index: keys.count))
        }
    }

    let parts: [Part]
    /// Where each part's lines start among all parts' (one more: the end).
    let starts: [Int]
    /// Lines by that numbering, best first.
    let order: [Int]

    public var count: Int { order.count }

    /// The lines of `parts` ranked together, as `SearchHit.ranked` ranks
    /// hits: each part on a core of its own (unless ranked already), then merged.
    public init(_ parts: [Part]) {
        let ranked = Parallel.mapTakingTurns(count: parts.count) { parts[$0].isRanked ? parts[$0].keys : parts[$0].keys.sorted() }
        var starts = [0]
        for part in parts { starts.append(starts.last! + part.count) }
        // Merging: each part's next line, the best of them taken (ties to the earlier part).
        var next = [Int](repeating: 0, count: parts.count), order: [Int] = []
        order.reserveCapacity(starts.last!)
        while true {
            var best = -1
            for p in ranked.indices where next[p] < ranked[p].count {
                if best < 0 || ranked[p][next[p]].words < ranked[best][next[best]].words { best = p }
            }
            guard best >= 0 else { break }
            order.append(starts[best] + ranked[best][next[best]].index)
            next[best] += 1
        }
        self.parts = parts
        self.starts = starts
        self.order = order
    }

    /// Calls `body` with the lines best first (their newlines included), as
    /// few runs of bytes as they lie in: lines ranked one after another that
    /// were made one after another are one run.
    public func forEachRun(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Each part's bytes and every line's end at hand, not looked up through the parts per line.
        let texts = parts.map(\.text.unsafeBytes)
        var ends: [Int] = []
        ends.reserveCapacity(starts.last!)
        for part in parts { ends += part.ends }
        withExtendedLifetime(parts) {
            ends.withUnsafeBufferPointer { ends in
                var p = 0
                var run: (part: Int, start: Int, end: Int, last: Int)?
                for i in order {
                    while i >= starts[p + 1] { p += 1 }
                    while i < starts[p] { p -= 1 }
                    if let r = run, r.part == p, r.last + 1 == i {
                        run = (p, r.start, ends[i], i)
                        continue
                    }
                    if let r = run { body(UnsafeBufferPointer(rebasing: texts[r.part][r.start..<r.end])) }
                    run = (p, i == starts[p] ? 0 : ends[i - 1], ends[i], i)
                }
                if let r = run { body(UnsafeBufferPointer(rebasing: texts[r.part][r.start..<r.end])) }
            }
        }
    }

    /// One line; `path` already escaped (`ControlFilter.escaped`).
    static func append<Text: Collection<UInt8>>(path: [UInt8], line: Int, section: Text?, region: Text?, headline: Text,
                                               to out: inout ByteBuffer) {
        func add(_ text: some Collection<UInt8>) {
            if text.withContiguousStorageIfAvailable({ out.append(UnsafeRawBufferPointer($0)) }) == nil {
                Array(text).withUnsafeBytes { out.append($0) }
            }
        }
        add(path)
        out.append(UInt8(ascii: ":"))
        out.append(decimal: line)
        add(": ".utf8)
        if let section {
            add(section)
            add(" > ".utf8)
        }
        if let region {
            add(region)
            add(RegionSplit.separator.utf8)
        }
        add(headline)
        out.append(UInt8(ascii: "\n"))
    }
}
