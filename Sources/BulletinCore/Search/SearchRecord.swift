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
        var words: [UInt32] = [UInt32(index.nodes.count), UInt32(index.bounds.count - 1)]
        var strings: [UInt8] = []
        var foldedEnd = 0
        func appendSlot(_ s: Int, _ text: String) {
            for k in Int(index.bounds[s])..<Int(index.bounds[s + 1]) { foldedEnd += Self.utf8Width(index.scalars[k]) }
            let start = strings.count
            strings.append(contentsOf: text.utf8)
            words += [UInt32(truncatingIfNeeded: foldedEnd), UInt32(truncatingIfNeeded: start), UInt32(truncatingIfNeeded: strings.count)]
            foldedEnd += 1  // the slot's 0x01
        }
        let outline = index.outline
        for (k, node) in index.nodes.enumerated() {
            let isArticle = outline[node].kind == .article
            appendSlot(2 * k, isArticle ? outline[node].headline : outline[node].text)
            appendSlot(2 * k + 1, isArticle ? outline[node].region ?? "" : "")
        }
        var sectionOfSlot: [Int32: Int] = [:]
        for (k, slot) in index.sectionSlot.enumerated() where slot >= 0 && sectionOfSlot[slot] == nil {
            sectionOfSlot[slot] = outline.section(containing: index.nodes[k])
        }
        for s in (2 * index.nodes.count)..<(index.bounds.count - 1) {
            appendSlot(s, sectionOfSlot[Int32(s)].map { outline[$0].text } ?? "")
        }
        // A heading's section is shown though not matched: its text is
        // stored once per section, with the section slots' texts.
        var sectionText: [Int: (UInt32, UInt32)] = [:]
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
            let matchSlot = index.sectionSlot[k]
            words += [UInt32(truncatingIfNeeded: node), UInt32(truncatingIfNeeded: outline[node].line),
                      UInt32(Self.kinds.firstIndex(of: kind) ?? 0), UInt32(bitPattern: matchSlot), section.0, section.1,
                      kind == .article && outline[node].region == nil ? Self.regionIsNil : 0]
        }
        guard foldedEnd < Int(UInt32.max), strings.count < Int(UInt32.max), outline.nodes.count < Int(UInt32.max) else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(4 * words.count + strings.count)
        for word in words { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        bytes += strings
        self.bytes = bytes
    }

    /// Bytes `foldedText` writes for `scalar` (U+FFFD for a value that is none).
    static func utf8Width(_ scalar: UInt32) -> Int {
        Unicode.Scalar(scalar).map { UTF8.width($0) } ?? 3
    }
}
