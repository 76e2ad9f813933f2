/// Builds the body blocks of one node from its byte range, using the same
/// `BlockScanner` as the outline. Repairs paragraphs split mid-sentence.
struct BlockParser {
    let source: SourceText
    let range: Range<Int>
    let firstLine: Int
    let skipping: ClosedRange<Int>?
    let references: LinkReferences

    private var blocks: [Block] = []
    private var paragraph: [String] = []
    /// A finished paragraph held back in case the next one continues it.
    private var heldParagraph: [String]?
    private var quote: [String] = []
    private var html: [String] = []
    private var code: [String] = []
    private var item: (marker: String, level: Int, lines: [String])?
    /// Source lines where the open paragraph, held paragraph, quote, HTML
    /// block and list item start, and the line being read: inline text
    /// keeps its line, so a link can say where it is.
    private var paragraphLine = 0, heldLine = 0, quoteLine = 0, htmlLine = 0, itemLine = 0
    private var currentLine = 0
    private var listBaseIndent = 0

    /// Quotes within quotes this deep and deeper, and quotes holding more
    /// than `maximumNestedQuoteBytes`, keep their content as text: each
    /// level parses its content again, so these bound that cost.
    static let maximumQuoteDepth = 16
    static let maximumNestedQuoteBytes = 1 << 20
    let quoteDepth: Int

    init(source: SourceText, range: Range<Int>, firstLine: Int, skipping: ClosedRange<Int>?,
         references: LinkReferences = LinkReferences(), quoteDepth: Int = 0) {
        self.source = source
        self.range = range
        self.firstLine = firstLine
        self.skipping = skipping
        self.references = references
        self.quoteDepth = quoteDepth
    }

    consuming func parse() -> [Block] {
        let bytes = source.bytes
        var scanner = BlockScanner(bytes: bytes, atDocumentStart: range.lowerBound == 0 && quoteDepth == 0)
        for line in LineIterator(bytes, from: range.lowerBound, firstLineNumber: firstLine, to: range.upperBound) {
            let kind = scanner.classify(line)
            if skipping?.contains(line.number) == true { continue }
            currentLine = line.number
            let text = { (r: Range<Int>) in OutlineScan.string(bytes, r) }
            switch kind {
            case .paragraph(let content):
                // Definitions (collected from the whole file) are not shown.
                if paragraph.isEmpty, LineText.linkDefinition(bytes, content) != nil { finishAll(); continue }
                if paragraph.isEmpty { finishAllBut(.paragraph); paragraphLine = line.number }
                paragraph.append(text(content))
            case .blank:
                finishParagraph()
                finishQuote()
                finishHTML()
                if !code.isEmpty { code.append("") }
            case .quote(let content):
                finishAllBut(.quote)
                if quote.isEmpty { quoteLine = line.number }
                quote.append(text(content))
            case .html(let content):
                finishAllBut(.html)
                if html.isEmpty { htmlLine = line.number }
                html.append(text(content))
            case .code(let content):
                finishAllBut(.code)
                code.append(Self.expandTabs(text(content)))
            case .fenceOpen:
                finishAll()
            case .fenceClose:
                finishCode()
            case .listItem(let marker, let content, let indent):
                finishAll()
                listBaseIndent = indent
                item = (text(marker), 0, [text(content)])
                itemLine = line.number
            case .listContinuation(let content, let indent):
                continueList(text(content), indent: indent)
            case .thematicBreak:
                finishAll()
                blocks.append(.rule)
            case .atxHeading(let level, let content):
                finishAll()
                blocks.append(.heading(level: level, inline(text(content), lineBreaks: false, line: line.number)))
            case .setextUnderline(let level):
                let lines = paragraph
                paragraph = []
                finishAll()
                blocks.append(.heading(level: level, inline(lines.concatenated(separator: "\n"), lineBreaks: false, line: paragraphLine)))
            case .frontMatter:
                break
            }
        }
        finishAll()
        return blocks
    }

    private enum Open { case paragraph, quote, html, code }

    private mutating func finishAllBut(_ keep: Open) {
        if keep != .paragraph { finishParagraph(); flushHeld() }
        if keep != .quote { finishQuote() }
        if keep != .html { finishHTML() }
        if keep != .code { finishCode() }
        finishItem()
    }

    private mutating func finishAll() {
        finishParagraph()
        flushHeld()
        finishQuote()
        finishHTML()
        finishCode()
        finishItem()
    }

    /// A nested list item starts a new item; other lines continue the item.
    private mutating func continueList(_ content: String, indent: Int) {
        let bytes = Array(content.utf8)
        let nested = bytes.withUnsafeBufferPointer { buffer in
            LineText.listItem(buffer, 0..<buffer.count, indent: 0).map {
                (String(decoding: bytes[$0.marker], as: UTF8.self), String(decoding: bytes[$0.content], as: UTF8.self))
            }
        }
        if let (marker, rest) = nested, item != nil || blocks.last.map(Self.isListItem) == true {
            finishItem()
            item = (marker, max(1, (indent - listBaseIndent) / 2), [rest])
            itemLine = currentLine
        } else if item != nil {
            item!.lines.append(content)
        } else {
            if paragraph.isEmpty { paragraphLine = currentLine }
            paragraph.append(content)
        }
    }

    private static func isListItem(_ block: Block) -> Bool {
        if case .listItem = block { return true }
        return false
    }

    private mutating func finishItem() {
        guard let open = item else { return }
        blocks.append(.listItem(marker: open.marker, level: open.level, inline(open.lines.concatenated(separator: "\n"), line: itemLine)))
        item = nil
    }

    private mutating func finishParagraph() {
        guard !paragraph.isEmpty else { return }
        let lines = paragraph
        paragraph = []
        switch TableParser.parse(lines, references: references, line: paragraphLine) {
        case .table(let table):
            flushHeld()
            blocks.append(.table(table))
            return
        case .malformed:
            flushHeld()
            blocks.append(.preformatted(lines.map { ControlFilter.singleLine(Self.expandTabs($0)) }))
            return
        case .none:
            break
        }
        if let held = heldParagraph {
            heldParagraph = nil
            if ParagraphRepair.continues(held, with: lines) {
                heldParagraph = held + lines
                return
            }
            emitParagraph(held)
        }
        heldParagraph = lines
        heldLine = paragraphLine
    }

    private mutating func flushHeld() {
        guard let held = heldParagraph else { return }
        heldParagraph = nil
        emitParagraph(held)
    }

    private mutating func emitParagraph(_ lines: [String]) {
        blocks.append(.paragraph(inline(lines.concatenated(separator: "\n"), line: heldLine)))
    }

    private mutating func finishQuote() {
        guard !quote.isEmpty else { return }
        let bytes = quote.reduce(0) { $0 + $1.utf8.count + 1 }
        guard quoteDepth + 1 < Self.maximumQuoteDepth, bytes <= Self.maximumNestedQuoteBytes else {
            // Past the bounds, the text without its deeper quote markers.
            let content = quote.map { Self.droppingQuoteMarkers($0) }.concatenated(separator: "\n")
            quote = []
            blocks.append(.quote([.paragraph(inline(content, line: quoteLine))]))
            return
        }
        let content = quote.concatenated(separator: "\n")
        quote = []
        // The quote's content is a document of its own: lists stay lists.
        let nested = SourceText(content)
        blocks.append(.quote(BlockParser(source: nested, range: nested.range, firstLine: quoteLine, skipping: nil,
                                         references: references, quoteDepth: quoteDepth + 1).parse()))
    }

    private mutating func finishHTML() {
        guard !html.isEmpty else { return }
        for var text in HTMLText.paragraphs(html.concatenated(separator: "\n"), references: references) {
            text.line = htmlLine
            blocks.append(.paragraph(text))
        }
        html = []
    }

    private mutating func finishCode() {
        while code.last == "" { code.removeLast() }
        guard !code.isEmpty else { return }
        // A line separator inside a code line would end the line on screen.
        blocks.append(.preformatted(code.map(ControlFilter.singleLine)))
        code = []
    }

    private func inline(_ markdown: String, lineBreaks: Bool = true, line: Int) -> InlineText {
        var text = InlineText(markdown: markdown, lineBreaks: lineBreaks, references: references)
        text.line = line
        return text
    }

    /// A line without the `>` markers (and the spaces between them) it starts with.
    static func droppingQuoteMarkers(_ line: String) -> String {
        let utf8 = line.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex, utf8[i] == UInt8(ascii: ">") || utf8[i] == UInt8(ascii: " ") || utf8[i] == UInt8(ascii: "\t") {
            i = utf8.index(after: i)
        }
        return String(line[i...])
    }

    /// Tabs to the next multiple of 4 columns.
    static func expandTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var out = ""
        var column = 0
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.unicodeScalars.append(scalar)
                column += DisplayWidth.of(scalar)
            }
        }
        return out
    }
}

/// Joining a paragraph that ends mid-sentence with the one that continues it.
enum ParagraphRepair {
    static let sentenceEnds = ScalarSet("。！？；…”」』）】.!?;:：)\"'’》")
    /// Shorter paragraphs (datelines, captions, labels) are never joined.
    static let minimumWidth = 20

    static func continues(_ first: [String], with next: [String]) -> Bool {
        guard let tail = first.last?.trimmingSpaces.unicodeScalars.last,
              let head = next.first?.trimmingSpaces.unicodeScalars.first else { return false }
        guard !sentenceEnds.contains(tail), !tail.properties.isWhitespace else { return false }
        if let last = first.last?.trimmingSpaces, endsWithLink(last) || isEmphasisOnly(last) { return false }
        // Measured only up to the minimum: `first` grows with every join, and
        // measuring it whole each time made a long run of joins quadratic.
        var width = 0
        for line in first where width < minimumWidth { width += DisplayWidth.of(line, limit: minimumWidth) }
        guard width >= minimumWidth else { return false }
        return head.properties.isLowercase || (DisplayWidth.isWide(head) && head.properties.isAlphabetic)
    }

    /// A line that ends in a bare URL, an autolink or tag (`>`), or a link
    /// or image (`](...)`): what follows is not the same sentence. Read as
    /// bytes: splitting a long line by characters cost more than laying
    /// out the whole article it ends (0.4 M instructions for one line).
    static func endsWithLink(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard let last = bytes.last else { return false }
            if last == UInt8(ascii: ">") { return true }
            if last == UInt8(ascii: ")"), ByteSearch.first(linkClose, in: bytes) != nil { return true }
            // The last run without spaces; CJK text puts no space before a URL,
            // so look for a scheme anywhere in it.
            let start = bytes.lastIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.map { $0 + 1 } ?? 0
            let token = UnsafeBufferPointer(rebasing: bytes[start...])
            return ByteSearch.first(scheme, in: token) != nil || token.starts(with: web) || ByteSearch.first(mail, in: token) != nil
        }
    }

    private static let linkClose = Array("](".utf8), scheme = Array("://".utf8), web = Array("www.".utf8), mail = Array("mailto:".utf8)

    /// `**Editor's note**`, `_Photo: X_`: emphasis from end to end, a label.
    static func isEmphasisOnly(_ line: String) -> Bool {
        guard let first = line.first, let last = line.last, !line.dropFirst(2).isEmpty else { return false }
        return (first == "*" || first == "_") && first == last
    }
}
