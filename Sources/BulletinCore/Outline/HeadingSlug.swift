/// GitHub's anchors for headings, for `#fragment` links: lower case,
/// punctuation dropped (letters, digits, `-` and `_` kept, CJK included),
/// spaces as `-`; a repeated slug gets `-1`, `-2`, ... in document order.
public enum HeadingSlug {
    public static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.lowercased().unicodeScalars {
            if c == " " { out.append("-") }
            else if c == "-" || c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.isIdeographic {
                out.append(c)
            }
        }
        return String(out)
    }

    /// Node index by slug, for the outline's headed nodes.
    public static func anchors(_ outline: Outline) -> [String: Int] {
        var anchors: [String: Int] = [:]
        var seen: [String: Int] = [:]
        for (i, node) in outline.nodes.enumerated() where node.kind != .preamble {
            let base = slug(node.kind == .bulletin ? node.text : node.displayTitle)
            let n = seen[base, default: 0]
            seen[base] = n + 1
            let anchor = n == 0 ? base : "\(base)-\(n)"
            if anchors[anchor] == nil { anchors[anchor] = i }
        }
        return anchors
    }
}
