extension SearchRecord {
    /// The hits `HeadlineIndex.hits(query, order:)` gives for the bulletin at
    /// `path`, from its folded text and its record as the index stores them;
    /// nil when the record does not fit the text (a damaged index: the
    /// caller reads the file instead).
    public static func hits(_ query: SearchQuery, folded: UnsafeBufferPointer<UInt8>, record: UnsafeRawBufferPointer,
                            path: String, order: Int) -> [SearchHit]? {
        guard let view = View(record, foldedCount: folded.count) else { return nil }
        // Each section title made once, by its place in the strings: its
        // start and its end, as an empty title starts where the next begins.
        var sections: [Int: String] = [:]
        return SearchHit.ranked(view.found(query, folded, offsets: true).map { found in
            let k = found.node
            var section: String?
            if let range = view.sectionRange(k) {
                let key = range.lowerBound << 32 | range.upperBound
                section = sections[key] ?? view.string(range)
                sections[key] = section
            }
            return SearchHit(path: path, node: Int(view.nodeWord(k, .node)), kind: view.kind(k), line: Int(view.nodeWord(k, .line)),
                             section: section, region: view.regionRange(k).map(view.string), headline: view.string(view.textRange(2 * k)),
                             matches: found.matches, rank: found.rank, bulletinOrder: order)
        })
    }

    /// The same hits as the lines `bulletin search` prints, with their sort
    /// keys, straight from the record's bytes, appended to `part`; `path`
    /// already escaped. False (nothing appended) when the record does not fit.
    public static func lines(_ query: SearchQuery, folded: UnsafeBufferPointer<UInt8>, record: UnsafeRawBufferPointer,
                             path: [UInt8], order: Int, into part: inout SearchLines.Part) -> Bool {
        guard let view = View(record, foldedCount: folded.count) else { return false }
        for found in view.found(query, folded, offsets: false) {
            let k = found.node, line = Int(view.nodeWord(k, .line))
            part.append(path: path, line: line, section: view.sectionRange(k).map(view.bytes), region: view.regionRange(k).map(view.bytes),
                        headline: view.bytes(view.textRange(2 * k)),
                        key: SearchHit.SortKey(headlineKeywords: found.rank.headlineKeywords, firstPosition: found.rank.firstPosition,
                                               coverage: found.rank.coverage, bulletinOrder: order, line: line))
        }
        return true
    }

    /// A node that matches: its place among the record's nodes, its rank,
    /// and (when asked for) where each keyword matched.
    struct Found {
        var node: Int
        var rank: (headlineKeywords: Int, firstPosition: Int, coverage: Double)
        var matches: [SearchHit.Match]
    }

    /// A stored record read in place, checked once against the text it
    /// belongs to so that no offset in it reads out of bounds.
    struct View {
        let raw: UnsafeRawBufferPointer
        let nodeCount: Int
        let slotCount: Int
        let strings: UnsafeBufferPointer<UInt8>

        init?(_ raw: UnsafeRawBufferPointer, foldedCount: Int) {
            self.raw = raw
            guard raw.count >= 8 else { return nil }
            nodeCount = Int(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
            slotCount = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
            let stringsStart = 4 * (2 + 3 * slotCount + SearchRecord.nodeWords * nodeCount)
            guard slotCount >= 2 * nodeCount, stringsStart <= raw.count else { return nil }
            strings = UnsafeRawBufferPointer(rebasing: raw[stringsStart...]).assumingMemoryBound(to: UInt8.self)
            var end = -1
            for s in 0..<slotCount {
                // Each slot after the last one's 0x01, and followed by its own.
                guard foldedEnd(s) > end, foldedEnd(s) < foldedCount, isInStrings(textRange(s)) else { return nil }
                end = foldedEnd(s)
            }
            // The slots and their 0x01s are the whole text.
            guard end + 1 == foldedCount else { return nil }
            for k in 0..<nodeCount {
                let matchSlot = Int(Int32(bitPattern: nodeWord(k, .matchSlot)))
                guard Int(nodeWord(k, .kind)) < SearchRecord.kinds.count, matchSlot >= -1, matchSlot < slotCount,
                      sectionRange(k).map(isInStrings) ?? true else { return nil }
            }
        }

        /// The nodes matching every keyword, as `HeadlineSearch.match`
        /// matches them (the headline's matches are always mapped back to the
        /// original text: the rank needs the first one's position).
        func found(_ query: SearchQuery, _ folded: UnsafeBufferPointer<UInt8>, offsets: Bool) -> [Found] {
            guard !query.isEmpty else { return [] }
            // Keyword q's first match in slot s at [q * slotCount + s], or -1: one flat array, read without retains.
            var firsts = [Int](repeating: -1, count: query.keywords.count * slotCount)
            for (q, needle) in query.needles.enumerated() { firstMatches(needle, in: folded, into: &firsts, at: q * slotCount) }
            let lengths = query.lengths
            var result: [Found] = []
            firsts.withUnsafeBufferPointer { firsts in
                for k in 0..<nodeCount {
                    let matchSlot = Int(Int32(bitPattern: nodeWord(k, .matchSlot)))
                    // Headline, region and (for an article in a section) its section's title.
                    let fields = matchSlot >= 0 ? 3 : 2
                    func slot(_ f: Int) -> Int { f < 2 ? 2 * k + f : matchSlot }
                    func first(_ q: Int, _ f: Int) -> Int { firsts[q * slotCount + slot(f)] }
                    guard lengths.indices.allSatisfy({ q in (0..<fields).contains { first(q, $0) >= 0 } }) else { continue }
                    var matches: [SearchHit.Match] = []
                    var rank = HeadlineSearch.Rank()
                    for q in lengths.indices {
                        for f in 0..<fields where first(q, f) >= 0 && (offsets || f == 0) {
                            let start = scalarCount(folded, foldedStart(slot(f))..<first(q, f))
                            let range = originalRange(slot(f), folded: start, count: lengths[q])
                            if offsets { matches.append(.init(field: Self.fields[f], start: range.lowerBound, length: range.count)) }
                            if f == 0 { rank.headlineMatch(range, keyword: lengths[q]) }
                        }
                    }
                    let headlineLength = scalarCount(folded, foldedStart(2 * k)..<foldedEnd(2 * k))
                    result.append(Found(node: k, rank: rank.rank(headlineLength: headlineLength), matches: matches))
                }
            }
            return result
        }

        static let fields: [SearchHit.Field] = [.headline, .region, .section]

        func word(_ i: Int) -> UInt32 { raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).littleEndian }
        func foldedEnd(_ s: Int) -> Int { Int(word(2 + 3 * s)) }
        func foldedStart(_ s: Int) -> Int { s == 0 ? 0 : foldedEnd(s - 1) + 1 }
        func textRange(_ s: Int) -> Range<Int> { Int(word(3 + 3 * s))..<max(Int(word(3 + 3 * s)), Int(word(4 + 3 * s))) }
        func nodeWord(_ k: Int, _ w: NodeWord) -> UInt32 { word(2 + 3 * slotCount + SearchRecord.nodeWords * k + w.rawValue) }
        /// Where node `k`'s section title is in the strings (nil for none).
        func sectionRange(_ k: Int) -> Range<Int>? {
            let start = nodeWord(k, .sectionStart)
            return start == SearchRecord.none ? nil : Int(start)..<max(Int(start), Int(nodeWord(k, .sectionEnd)))
        }
        func kind(_ k: Int) -> OutlineNode.Kind { SearchRecord.kinds[Int(nodeWord(k, .kind))] }
        /// Where an article's region is in the strings (nil for none, and for other nodes).
        func regionRange(_ k: Int) -> Range<Int>? {
            kind(k) == .article && nodeWord(k, .flags) & SearchRecord.regionIsNil == 0 ? textRange(2 * k + 1) : nil
        }
        func isInStrings(_ range: Range<Int>) -> Bool { range.upperBound <= strings.count }
        func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: strings[range]) }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes(range), as: UTF8.self) }

        /// The byte offset of `needle`'s first whole occurrence in each slot,
        /// into `result[base + slot]` (left -1 where there is none).
        func firstMatches(_ needle: [UInt8], in folded: UnsafeBufferPointer<UInt8>, into result: inout [Int], at base: Int) {
            var offset = 0, slot = 0
            while offset < folded.count, let at = ByteSearch.first(needle, in: UnsafeBufferPointer(rebasing: folded[offset...])) {
                let position = offset + at
                while slot < slotCount && foldedEnd(slot) <= position { slot += 1 }
                guard slot < slotCount else { break }
                if position >= foldedStart(slot) && position + needle.count <= foldedEnd(slot) {
                    result[base + slot] = position
                    offset = foldedEnd(slot) + 1  // the first is all a hit needs
                } else {
                    offset = position + 1
                }
            }
        }

        /// Scalars in `folded[range]`: its bytes that do not continue one.
        func scalarCount(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
            var n = 0
            for i in range where folded[i] & 0xC0 != 0x80 { n += 1 }
            return n
        }

        /// The range of slot `s`'s original scalars that folded scalars
        /// `start..<start + count` came from, folding its text again as
        /// `FoldedText.append` did.
        func originalRange(_ s: Int, folded start: Int, count: Int) -> Range<Int> {
            let last = start + count - 1
            var emitted = 0, index = 0
            var lower: Int?
            var bytes = strings[textRange(s)].makeIterator()
            var decoder = UTF8()
            while case .scalarValue(let scalar) = decoder.decode(&bytes) {
                var upper = false
                SearchFolding.fold(scalar.value) { _ in
                    if emitted == start { lower = lower ?? index }
                    if emitted == last { upper = true }
                    emitted += 1
                }
                if upper { return (lower ?? index)..<index + 1 }
                index += 1
            }
            return (lower ?? index)..<max(lower ?? index, index)
        }
    }
}
