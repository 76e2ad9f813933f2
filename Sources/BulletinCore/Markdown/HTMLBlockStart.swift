/// CommonMark's seven kinds of HTML block start, reduced to how each ends.
enum HTMLBlockStart {
    enum End: Equatable {
        case marker([UInt8])
        case blankLine
    }

    static let rawTags = ["script", "pre", "style", "textarea"]
    static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ]

    /// `range` starts at a `<`.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, canInterruptParagraph: Bool) -> End? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let lower = text.lowercased()
        for tag in rawTags where lower.hasPrefix("<" + tag) {
            let rest = lower.dropFirst(tag.count + 1)
            if rest.isEmpty || rest.first == " " || rest.first == ">" || rest.first == "\t" {
                return .marker(Array("</\(tag)>".utf8))
            }
        }
        if lower.hasPrefix("<!--") { return .marker(Array("-->".utf8)) }
        if lower.hasPrefix("<?") { return .marker(Array("?>".utf8)) }
        if lower.hasPrefix("<![cdata[") { return .marker(Array("]]>".utf8)) }
        if lower.hasPrefix("<!"), let c = lower.dropFirst(2).first, c.isLetter { return .marker(Array(">".utf8)) }
        let nameStart = lower.hasPrefix("</") ? lower.index(lower.startIndex, offsetBy: 2) : lower.index(after: lower.startIndex)
        let name = lower[nameStart...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard !name.isEmpty, name.first!.isLetter else { return nil }
        let after = lower[name.endIndex...]
        if blockTags.contains(String(name)),
           after.isEmpty || after.first == " " || after.first == "\t" || after.first == ">" || after.hasPrefix("/>") {
            return .blankLine
        }
        if canInterruptParagraph, isCompleteTagAlone(after) { return .blankLine }
        return nil
    }

    /// Type 7: attributes then `>` or `/>`, and nothing but spaces after.
    private static func isCompleteTagAlone(_ after: Substring) -> Bool {
        guard let close = after.firstIndex(of: ">") else { return false }
        return after[after.index(after: close)...].allSatisfy { $0 == " " || $0 == "\t" }
            && !after[..<close].contains("<")
    }
}
