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
        /// Set by layout: the `[n]` after a link, its number in the node.
        case reference(number: Int)
    }

    public struct Span: Equatable, Sendable {
        public var range: Range<Int>
        public var style: Style
        /// Source lines before the span's start, counted from the text's first.
        public var line: Int

        public init(range: Range<Int>, style: Style, line: Int = 0) {
            self.range = range
            self.style = style
            self.line = line
        }
    }

    public var text: String
    public var spans: [Span]
    /// Control characters produced by entity decoding and dropped.
    public var removedControls = 0
    /// The source line the text starts on, where the body parser knows it.
    /// Where the text is, not what it is: equality leaves it out.
    public var line: Int?

    public static func == (a: InlineText, b: InlineText) -> Bool {
        a.text == b.text && a.spans == b.spans && a.removedControls == b.removedControls
    }

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
    /// already its URL: how `cat --links inline` keeps URLs.
    public func showingURLs() -> InlineText {
        var result = self
        let links = linkSpans
        let texts = substrings(links.map(\.span.range))
        result.insert(zip(links, texts).filter { $0.0.url != $0.1 }.map { link, _ in
            Insertion(offset: link.span.range.upperBound, text: " <\(link.url)>", style: .link(url: ""), from: 1)
        })
        return result
    }

    /// Links and images with a URL, in reading order.
    public var linkSpans: [(span: Span, url: String)] {
        spans.compactMap { span -> (Span, String)? in
            switch span.style {
            case .link(let url) where !url.isEmpty, .image(let url) where !url.isEmpty: (span, url)
            default: nil
            }
        }.sorted { $0.0.range.lowerBound < $1.0.range.lowerBound }
    }

    /// The text of each range (scalar offsets), the text's scalars read once.
    func substrings(_ ranges: [Range<Int>]) -> [String] {
        guard !ranges.isEmpty else { return [] }
        let scalars = Array(text.unicodeScalars)
        return ranges.map { String(scalars: scalars[$0]) }
    }

    /// A piece of text to insert at a scalar offset; from its scalar `from`
    /// on, it gets `style`.
    struct Insertion {
        var offset: Int
        var text: String
        var style: Style?
        var from = 0
    }

    /// Inserts every piece in one pass (linear in the text, however many
    /// links it has): spans at or after an offset move, spans around it grow.
    mutating func insert(_ pieces: [Insertion]) {
        guard !pieces.isEmpty else { return }
        let original = Array(text.unicodeScalars)
        let sorted = pieces.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        // Scalars inserted before each offset, and at it.
        var before = [Int](repeating: 0, count: original.count + 2), at = [Int](repeating: 0, count: original.count + 1)
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(original.count + pieces.reduce(0) { $0 + $1.text.unicodeScalars.count })
        var added: [Span] = []
        var k = 0
        for p in 0...original.count {
            before[p] = scalars.count - p
            while k < sorted.count, sorted[k].offset == p {
                let piece = Array(sorted[k].text.unicodeScalars)
                if let style = sorted[k].style { added.append(Span(range: (scalars.count + sorted[k].from)..<(scalars.count + piece.count), style: style)) }
                scalars += piece
                at[p] += piece.count
                k += 1
            }
            if p < original.count { scalars.append(original[p]) }
        }
        for i in spans.indices {
            let r = spans[i].range
            let lower = r.lowerBound + before[r.lowerBound] + at[r.lowerBound]
            // An empty span (a link without text) at an insertion moves with it and stays empty.
            spans[i].range = lower..<max(lower, r.upperBound + before[r.upperBound])
        }
        spans += added
        text = String(scalars: scalars)
    }

    /// Bytes that can begin inline markup, an entity or a line break, and
    /// the tab (which the parser turns into a space).
    @inline(__always)
    /// Whether `markdown` holds anything the parser would change: markup,
    /// or a line or paragraph separator.
    static func needsParsing(_ markdown: some StringProtocol) -> Bool {
        var separatorBytes = 0  // how much of E2 80 A8/A9 has been seen
        var urlBytes = 0  // how much of `://` or `www.` has been seen
        for byte in markdown.utf8 {
            if isMarkupByte(byte) { return true }
            switch (urlBytes, byte) {
            case (_, UInt8(ascii: ":")): urlBytes = 1
            case (1, UInt8(ascii: "/")): urlBytes = 2
            case (2, UInt8(ascii: "/")): return true  // a bare URL
            case (10, UInt8(ascii: "w")), (11, UInt8(ascii: "w")): urlBytes += 1
            case (_, UInt8(ascii: "w")): urlBytes = 10
            case (12, UInt8(ascii: ".")): return true  // www.
            default: urlBytes = 0
            }
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
