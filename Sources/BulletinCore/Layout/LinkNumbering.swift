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
        for (k, link) in found.enumerated() {
            links.append(NumberedLink(number: first + k, text: inline.substring(link.span.range), url: link.url,
                                      line: inline.line.map { $0 + link.span.line }))
        }
        var result = inline
        // From the last link back, so each insertion leaves the offsets before it alone.
        for (k, link) in found.enumerated().reversed() {
            result.insert("[\(first + k)]", at: link.span.range.upperBound, styled: .reference(number: first + k))
        }
        var places: [LayoutLine.LinkPlace] = []
        for span in result.spans {
            guard case .reference(let number) = span.style,
                  let link = result.spans.first(where: { $0.range.upperBound == span.range.lowerBound && Self.isLink($0.style) })
            else { continue }
            places.append(.init(range: link.range.lowerBound..<span.range.upperBound, number: number))
        }
        return (result, places.sorted { $0.number < $1.number })
    }

    static func isLink(_ style: InlineText.Style) -> Bool {
        switch style {
        case .link(let url), .image(let url): !url.isEmpty
        default: false
        }
    }
}
