/// How links show in laid-out text: `emu[3]` (numbered, the URLs listed
/// apart), `emu <https://…>` (inline), or text alone (none).
public enum LinkDisplay: String, Sendable, CaseIterable {
    case numbered, inline, none
}

/// One link of a node: its number there (from 1, in reading order), its
/// text, its URL and the source line it is on.
public struct NumberedLink: Equatable, Sendable {
    public var number: Int
    public var text: String
    public var url: String
    public var line: Int?
}

/// Numbers the links of one node as its blocks are laid out in order.
struct LinkNumbering {
    private(set) var links: [NumberedLink] = []

    /// `inline` with `[n]` after each link, and where each link with its
    /// number lies (scalar offsets of the result).
    mutating func number(_ inline: InlineText) -> (text: InlineText, places: [LayoutLine.LinkPlace]) {
        let found = inline.linkSpans
        guard !found.isEmpty else { return (inline, []) }
        let first = links.count + 1
        for (k, (link, text)) in zip(found, inline.substrings(found.map(\.span.range))).enumerated() {
            links.append(NumberedLink(number: first + k, text: text, url: link.url, line: inline.line.map { $0 + link.span.line }))
        }
        var result = inline
        result.insert(found.enumerated().map { k, link in
            InlineText.Insertion(offset: link.span.range.upperBound, text: "[\(first + k)]", style: .reference(number: first + k))
        })
        // The link spans moved with the text; each one's `[n]` is where its number says.
        let moved = result.linkSpans
        var references: [Int: Range<Int>] = [:]
        for span in result.spans { if case .reference(let number) = span.style { references[number] = span.range } }
        let places = moved.enumerated().compactMap { k, link -> LayoutLine.LinkPlace? in
            references[first + k].map { .init(range: link.span.range.lowerBound..<$0.upperBound, number: first + k) }
        }
        return (result, places)
    }
}
