/// Raw HTML blocks shown as text: comments, scripts and styles hidden,
/// block tags as paragraph breaks, `<br>` as a line break, `<img alt>` as
/// `[image: alt]`, entities decoded.
enum HTMLText {
    static let hiddenElements = ["script", "style"]
    static let breakingTags: Set<String> = ["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "section", "article", "details", "summary"]

    static func paragraphs(_ html: String, references: LinkReferences = LinkReferences()) -> [InlineText] {
        var text = removeBetween(html, "<!--", "-->")
        for element in hiddenElements { text = removeBetween(text, "<\(element)", "</\(element)>") }
        var pieces: [String] = []
        var current = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            current += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { current += rest[open...]; rest = ""; break }
            let inside = String(rest[rest.index(after: open)..<close])
            if let tag = HTMLTag(inside), breakingTags.contains(tag.name) {
                pieces.append(current)
                current = ""
            } else {
                current += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(current + rest)
        return pieces.map { InlineText(markdown: $0.trimmingSpaces, lineBreaks: true, references: references) }.filter { !$0.text.trimmingSpaces.isEmpty }
    }

    /// Removes `open ... close` spans (ASCII case-insensitive); an unclosed
    /// span runs to the end.
    static func removeBetween(_ text: String, _ open: String, _ close: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let openScalars = Array(open.unicodeScalars), closeScalars = Array(close.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if matches(scalars, at: i, openScalars) {
                var j = i + openScalars.count
                while j < scalars.count && !matches(scalars, at: j, closeScalars) { j += 1 }
                i = min(scalars.count, j + closeScalars.count)
            } else {
                result.append(scalars[i])
                i += 1
            }
        }
        return String(result)
    }

    static func matches(_ scalars: [Unicode.Scalar], at i: Int, _ needle: [Unicode.Scalar]) -> Bool {
        guard i + needle.count <= scalars.count else { return false }
        for k in needle.indices where lower(scalars[i + k]) != lower(needle[k]) { return false }
        return true
    }

    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 0x20)! : c
    }
}
