/// `bulletin cat`: the reconciled bulletin as wrapped plain text.
public enum PlainText {
    public struct Output: Sendable {
        public var text: String
        /// Warnings found only by parsing the bodies: control characters that
        /// HTML entities in article text decoded to (and that were dropped).
        public var bodyWarnings: [Warning]
    }

    public static func render(_ bulletin: Bulletin, width: Int, ambiguousWide: Bool = false) -> Output {
        var text = ""
        let warnings = write(bulletin, width: width, ambiguousWide: ambiguousWide) { text += $0 }
        return Output(text: text, bodyWarnings: warnings)
    }

    /// The same text, handed to `emit` a line at a time as each node is
    /// laid out, so printing a huge bulletin holds one node's lines at once.
    /// Returns the body warnings.
    public static func write(_ bulletin: Bulletin, width: Int, ambiguousWide: Bool = false,
                             to emit: (String) -> Void) -> [Warning] {
        let layout = DocumentLayout(bulletin: bulletin, width: width, ambiguousWide: ambiguousWide)
        var removed = 0
        var blanks = 0  // held back, so the text does not end in blank lines
        for node in bulletin.outline.nodes.indices {
            let blocks = bulletin.blocks(of: node)
            removed += blocks.reduce(0) { $0 + $1.removedControls }
            for line in layout.lines(for: node, blocks: blocks) {
                if line.text.isEmpty { blanks += 1; continue }
                for _ in 0..<blanks { emit("\n") }
                blanks = 0
                emit(line.text + "\n")
            }
        }
        if removed == 0 { return [] }
        return [Warning(line: nil, kind: .controlCharacters,
                        message: "removed \(removed) control character(s) decoded from HTML entities in article text")]
    }
}
