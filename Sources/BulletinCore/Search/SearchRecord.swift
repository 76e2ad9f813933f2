/// What a search needs of a bulletin beyond its folded text
/// (`HeadlineIndex.foldedText`), in one flat buffer the library index stores
/// beside it: where each folded field ends, each field's original text, and
/// each searchable node's index, kind, line and section. `hits` gives what
/// `HeadlineIndex.hits` gives, without the outline and without folding every
/// field again: a common word's search over 10,000 indexed bulletins rebuilt
/// 300,000 outline nodes to find 128,000 hits.
///
/// Layout, all unsigned 32-bit little-endian: node count, slot count; per
/// slot its folded end (a byte offset in the folded text, its 0x01 not
/// counted) and its original text's start and end in the strings; per node
/// `nodeWords` words (see `NodeWord`); then the strings' UTF-8.
public struct SearchRecord {
    public let bytes: [UInt8]

    enum NodeWord: Int, CaseIterable { case node, line, kind, matchSlot, sectionStart, sectionEnd, flags }
    static let nodeWords = NodeWord.allCases.count
    static let none = UInt32.max
    static let regionIsNil: UInt32 = 1
    static let kinds: [OutlineNode.Kind] = [.bulletin, .preamble, .section, .article, .heading]

    /// The record of `index`, nil when its text is past what 32-bit offsets
    /// reach (such a bulletin is searched by reading its file).
    public init?(_ index: HeadlineIndex) {
        let outline = index.outline, slots = HeadlineIndex.slots(outline, nodes: index.nodes)
        var words: [UInt32] = [UInt32(index.nodes.count), UInt32(slots.texts.count)]
        words.reserveCapacity(2 + 3 * slots.texts.count + Self.nodeWords * index.nodes.count)
        var strings: [UInt8] = []
        var foldedEnd = 0
        // Each slot's original text, and where its folded text ends.
        var textRanges: [(UInt32, UInt32)] = []
        for (s, text) in slots.texts.enumerated() {
            for k in Int(index.bounds[s])..<Int(index.bounds[s + 1]) { foldedEnd += Self.utf8Width(index.scalars[k]) }
            let start = strings.count
            strings.append(contentsOf: text.utf8)
            textRanges.append((UInt32(truncatingIfNeeded: start), UInt32(truncatingIfNeeded: strings.count)))
            words.append(UInt32(truncatingIfNeeded: foldedEnd))
            words.append(textRanges[s].0)
            words.append(textRanges[s].1)
            foldedEnd += 1  // the slot's 0x01
        }
        // The section a node is shown in: an article's is its section slot's
        // text; a heading's, not matched, is stored once after the slots.
        var sectionText: [Int: (UInt32, UInt32)] = slots.slotOfSection.mapValues { textRanges[$0] }
        for (k, node) in index.nodes.enumerated() {
            let kind = outline[node].kind
            var section = (Self.none, Self.none)
            if kind != .section, let s = outline.section(containing: node) {
                if let known = sectionText[s] {
                    section = known
                } else {
                    let start = strings.count
                    strings.append(contentsOf: outline[s].text.utf8)
                    section = (UInt32(truncatingIfNeeded: start), UInt32(truncatingIfNeeded: strings.count))
                    sectionText[s] = section
                }
            }
            // In `NodeWord` order, one by one: an array literal a node was an allocation each.
            words.append(UInt32(truncatingIfNeeded: node))
            words.append(UInt32(truncatingIfNeeded: outline[node].line))
            words.append(UInt32(Self.kinds.firstIndex(of: kind) ?? 0))
            words.append(UInt32(bitPattern: index.sectionSlot[k]))
            words.append(section.0)
            words.append(section.1)
            words.append(kind == .article && outline[node].region == nil ? Self.regionIsNil : 0)
        }
        guard foldedEnd < Int(UInt32.max), strings.count < Int(UInt32.max), outline.nodes.count < Int(UInt32.max) else { return nil }
        for i in words.indices { words[i] = words[i].littleEndian }
        self.bytes = words.withUnsafeBytes { Array($0) } + strings
    }

    /// Bytes `foldedText` writes for `scalar` (U+FFFD for a value that is none).
    static func utf8Width(_ scalar: UInt32) -> Int {
        Unicode.Scalar(scalar).map { UTF8.width($0) } ?? 3
    }
}
