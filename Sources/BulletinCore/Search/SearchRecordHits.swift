extension SearchRecord {
    /// The hits `HeadlineIndex.hits(query, order:)` gives for the bulletin at
    /// `path`, from its folded text and its record as the index stores them;
    /// nil when the record does not fit the text (a damaged index: the
    /// caller reads the file instead).
    public static func hits(_ query: SearchQuery, folded: UnsafeBufferPointer<UInt8>, record: UnsafeRawBufferPointer,
                            path: String, order: Int) -> [SearchHit]? {
        guard let view = View(record, foldedCount: folded.count) else { return nil }
        guard !query.isEmpty else { return [] }
        let firsts = query.needles.map { view.firstMatches($0, in: folded) }
        let lengths = query.keywords.map(\.scalars.count)
        var sections: [Int: String] = [:]
        var hits: [SearchHit] = []
        for k in 0..<view.nodeCount {
            let matchSlot = Int(Int32(bitPattern: view.nodeWord(k, .matchSlot)))
            let fields: [(SearchHit.Field, Int)] = [(.headline, 2 * k), (.region, 2 * k + 1)] + (matchSlot >= 0 ? [(.section, matchSlot)] : [])
            guard firsts.allSatisfy({ first in fields.contains { first[$0.1] >= 0 } }) else { continue }
            var matches: [SearchHit.Match] = []
            var inHeadline = 0, firstPosition = Int.max, covered = 0
            for (q, first) in firsts.enumerated() {
                for (field, slot) in fields where first[slot] >= 0 {
                    let start = view.scalarCount(folded, view.foldedStart(slot)..<Int(first[slot]))
                    let range = view.originalRange(slot, folded: start, count: lengths[q])
                    matches.append(.init(field: field, start: range.lowerBound, length: range.count))
                    if field == .headline {
                        inHeadline += 1
                        firstPosition = min(firstPosition, range.lowerBound)
                        covered += lengths[q]
                    }
                }
            }
            let headlineLength = max(1, view.scalarCount(folded, view.foldedStart(2 * k)..<view.foldedEnd(2 * k)))
            let kind = kinds[Int(view.nodeWord(k, .kind))]
            var section: String?
            if let range = view.sectionRange(k) {
                section = sections[range.lowerBound] ?? view.string(range)
                sections[range.lowerBound] = section
            }
            let hasRegion = kind == .article && view.nodeWord(k, .flags) & regionIsNil == 0
            hits.append(SearchHit(path: path, node: Int(view.nodeWord(k, .node)), kind: kind, line: Int(view.nodeWord(k, .line)),
                                  section: section, region: hasRegion ? view.string(view.textRange(2 * k + 1)) : nil,
                                  headline: view.string(view.textRange(2 * k)), matches: matches,
                                  rank: (inHeadline, firstPosition, Double(covered) / Double(headlineLength)), bulletinOrder: order))
        }
        return SearchHit.ranked(hits)
    }

    /// A stored record read in place, checked once against the text it
    /// belongs to so that no offset in it reads out of bounds.
    struct View {
        let raw: UnsafeRawBufferPointer
        let nodeCount: Int
        let slotCount: Int
        let strings: UnsafeRawBufferPointer

        init?(_ raw: UnsafeRawBufferPointer, foldedCount: Int) {
            self.raw = raw
            guard raw.count >= 8 else { return nil }
            nodeCount = Int(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
            slotCount = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
            let stringsStart = 4 * (2 + 3 * slotCount + SearchRecord.nodeWords * nodeCount)
            guard slotCount >= 2 * nodeCount, stringsStart <= raw.count else { return nil }
            strings = UnsafeRawBufferPointer(rebasing: raw[stringsStart...])
            var end = -1
            for s in 0..<slotCount {
                // Each slot after the last one's 0x01, and followed by its own.
                guard foldedEnd(s) > end, foldedEnd(s) < foldedCount, isInStrings(textRange(s)) else { return nil }
                end = foldedEnd(s)
            }
            for k in 0..<nodeCount {
                let matchSlot = Int(Int32(bitPattern: nodeWord(k, .matchSlot)))
                guard Int(nodeWord(k, .kind)) < SearchRecord.kinds.count, matchSlot >= -1, matchSlot < slotCount,
                      sectionRange(k).map(isInStrings) ?? true else { return nil }
            }
        }

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
        func isInStrings(_ range: Range<Int>) -> Bool { range.upperBound <= strings.count }
        func string(_ range: Range<Int>) -> String { String(decoding: strings[range], as: UTF8.self) }

        /// The byte offset of `needle`'s first whole occurrence in each slot, or -1.
        func firstMatches(_ needle: [UInt8], in folded: UnsafeBufferPointer<UInt8>) -> [Int32] {
            var result = [Int32](repeating: -1, count: slotCount)
            var offset = 0, slot = 0
            while offset < folded.count, let at = ByteSearch.first(needle, in: UnsafeBufferPointer(rebasing: folded[offset...])) {
                let position = offset + at
                while slot < slotCount && foldedEnd(slot) <= position { slot += 1 }
                guard slot < slotCount else { break }
                if position >= foldedStart(slot) && position + needle.count <= foldedEnd(slot) {
                    result[slot] = Int32(position)
                    offset = foldedEnd(slot) + 1  // the first is all a hit needs
                } else {
                    offset = position + 1
                }
            }
            return result
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
