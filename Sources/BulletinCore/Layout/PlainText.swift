/// `bulletin cat`: the reconciled bulletin as wrapped plain text.
public enum PlainText {
    public struct Output: Sendable {
        public var text: String
        /// Warnings found only by parsing the bodies: control characters that
        /// HTML entities in article text decoded to (and that were dropped).
        public var bodyWarnings: [Warning]
    }

    public static func render(_ bulletin: Bulletin, width: Int, ambiguousWide: Bool = false,
                              links: LinkDisplay = .numbered) -> Output {
        var text = ""
        let warnings = write(bulletin, width: width, ambiguousWide: ambiguousWide, links: links) { text += $0 }
        return Output(text: text, bodyWarnings: warnings)
    }

    /// The same text, handed to `emit` a line at a time as each node is
    /// laid out, so printing a huge bulletin holds one node's lines at once.
    /// Numbered links are listed after their node's body, `[3] URL` a line.
    /// Returns the body warnings.
    public static func write(_ bulletin: Bulletin, width: Int, ambiguousWide: Bool = false,
                             links: LinkDisplay = .numbered, to emit: (String) -> Void) -> [Warning] {
        let layout = DocumentLayout(bulletin: bulletin, width: width, ambiguousWide: ambiguousWide, links: links)
        var removed = 0
        var blanks = 0  // held back, so the text does not end in blank lines
        func put(_ text: String) {
            if text.isEmpty { blanks += 1; return }
            for _ in 0..<blanks { emit("\n") }
            blanks = 0
            emit(text + "\n")
        }
        for node in bulletin.outline.nodes.indices {
            let blocks = bulletin.blocks(of: node)
            removed += blocks.reduce(0) { $0 + $1.removedControls }
            let laidOut = layout.layout(node, blocks: blocks)
            var lines = laidOut.lines
            guard !laidOut.links.isEmpty else { lines.forEach { put($0.text) }; continue }
            // The references right under the body, before the blank that ends the node.
            while lines.last?.text.isEmpty == true { lines.removeLast() }
            lines.forEach { put($0.text) }
            put("")
            for link in laidOut.links {
                // `[3] ` then the URL, wrapped under itself; too narrow for
                // that, the number has a line of its own.
                let label = "[\(link.number)] "
                let indent = DisplayWidth.of(label) * 2 <= width ? DisplayWidth.of(label) : 0
                if indent == 0 { put(label.trimmingSpaces) }
                let pieces = LineBreaker.wrapLines(link.url, width: width - indent, ambiguousWide: ambiguousWide)
                for (k, piece) in pieces.enumerated() {
                    put((indent == 0 ? "" : k == 0 ? label : String(repeating: " ", count: indent)) + piece)
                }
            }
            put("")
        }
        if removed == 0 { return [] }
        return [Warning(line: nil, kind: .controlCharacters,
                        message: "removed \(removed) control character(s) decoded from HTML entities in article text")]
    }
}
