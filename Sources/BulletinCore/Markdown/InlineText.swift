/// Text of a heading or block with inline Markdown resolved: emphasis
/// markers dropped, code spans verbatim, links and images reduced to their
/// text with the URL kept in a span, entities decoded (and re-sanitised),
/// inline HTML tags dropped. Span ranges are offsets in Unicode scalars.
public struct InlineText: Equatable, Sendable {
    public enum Style: Equatable, Sendable {
        case emphasis, strong, code, strikethrough
        case link(url: String)
        case image(url: String)
        /// Set by layout on an article heading's region.
        case region
    }

    public struct Span: Equatable, Sendable {
        public var range: Range<Int>
        public var style: Style
    }

    public var text: String
    public var spans: [Span]
    /// Control characters produced by entity decoding and dropped.
    public var removedControls = 0

    public init(text: String, spans: [Span] = []) {
        self.text = text
        self.spans = spans
    }

    /// Parses inline Markdown. `lineBreaks` keeps `<br>` and hard breaks as
    /// LF (paragraphs); headings pass false and get a space.
    /// `references`: the file's link reference definitions.
    public init(markdown: some StringProtocol, lineBreaks: Bool = false, references: LinkReferences = LinkReferences()) {
        // Most headlines are plain text: skip the parser when no byte could start markup.
        if !Self.needsParsing(markdown) {
            self.init(text: String(markdown))
            return
        }
        var parser = InlineParser(Array(markdown.unicodeScalars), lineBreaks: lineBreaks, references: references)
        parser.parse()
        self.init(text: parser.outputString, spans: parser.spans)
        removedControls = parser.removedControls
    }

    /// The text with ` <url>` after each link or image whose text is not
    /// already its URL: how plain-text and terminal output keep URLs.
    public func showingURLs() -> InlineText {
        let links = spans.filter { span in
            switch span.style {
            case .link(let url), .image(let url): !url.isEmpty && url != substring(span.range)
            default: false
            }
        }
        guard !links.isEmpty else { return self }
        var scalars = Array(text.unicodeScalars)
        var result = self
        for link in links.sorted(by: { $0.range.upperBound > $1.range.upperBound }) {
            switch link.style {
            case .link(let url), .image(let url): insert(" <\(url)>", at: link.range.upperBound, into: &scalars, &result)
            default: break
            }
        }
        result.text = String(String.UnicodeScalarView(scalars))
        return result
    }

    private func substring(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
    }

    private func insert(_ piece: String, at offset: Int, into scalars: inout [Unicode.Scalar], _ result: inout InlineText) {
        let added = Array(piece.unicodeScalars)
        scalars.insert(contentsOf: added, at: offset)
        for i in result.spans.indices {
            let r = result.spans[i].range
            if r.lowerBound >= offset { result.spans[i].range = (r.lowerBound + added.count)..<(r.upperBound + added.count) }
            else if r.upperBound > offset { result.spans[i].range = r.lowerBound..<(r.upperBound + added.count) }
        }
        result.spans.append(Span(range: (offset + 1)..<(offset + added.count), style: .link(url: "")))
    }

    /// Bytes that can begin inline markup, an entity or a line break, and
    /// the tab (which the parser turns into a space).
    @inline(__always)
    /// Whether `markdown` holds anything the parser would change: markup,
    /// or a line or paragraph separator.
    static func needsParsing(_ markdown: some StringProtocol) -> Bool {
        var separatorBytes = 0  // how much of E2 80 A8/A9 has been seen
        for byte in markdown.utf8 {
            if isMarkupByte(byte) { return true }
            switch (separatorBytes, byte) {
            case (_, 0xE2): separatorBytes = 1
            case (1, 0x80): separatorBytes = 2
            case (2, 0xA8), (2, 0xA9): return true
            default: separatorBytes = 0
            }
        }
        return false
    }

    static func isMarkupByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "&"), UInt8(ascii: "\n"), UInt8(ascii: "\t"),
             0: true  // only where a shrunk file reads as zeros: the parser drops it
        default: false
        }
    }

    /// URLs of the links and images, in order.
    public var urls: [String] {
        spans.compactMap {
            switch $0.style {
            case .link(let url), .image(let url): url
            default: nil
            }
        }
    }
}
