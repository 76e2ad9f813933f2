/// `bulletin cat`: the reconciled bulletin as wrapped plain text.
public enum PlainText {
    public struct Output: Sendable {
        public var text: String
        /// Warnings found only by parsing the bodies: control characters that
        /// HTML entities in article text decoded to (and that were dropped).
        public var bodyWarnings: [Warning]
    }

    public static func render(_ bulletin: Bulletin, width: Int, ambiguousWide: Bool = false) -> Output {
        let layout = DocumentLayout(bulletin: bulletin, width: width, ambiguousWide: ambiguousWide)
        var lines: [String] = []
        var removed = 0
        for node in bulletin.outline.nodes.indices {
            let blocks = bulletin.blocks(of: node)
            removed += blocks.reduce(0) { $0 + $1.removedControls }
            lines += layout.lines(for: node, blocks: blocks).map(\.text)
        }
        while lines.last == "" { lines.removeLast() }
        let warnings = removed == 0 ? [] : [Warning(line: nil, kind: .controlCharacters,
                                                    message: "removed \(removed) control character(s) decoded from HTML entities in article text")]
        return Output(text: lines.joined(separator: "\n") + "\n", bodyWarnings: warnings)
    }
}
