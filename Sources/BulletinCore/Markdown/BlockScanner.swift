/// Classifies lines one at a time, keeping just enough CommonMark block state
/// (front matter, fences, HTML blocks, indented code, quotes, list items,
/// open paragraphs) to know which lines are headings.
///
/// Outline nodes always start at top level, so a scanner started at any
/// node's first line classifies that node's lines exactly as a scan of the
/// whole file would: this is what lets the reader parse lazily.
public struct BlockScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private var atDocumentStart: Bool
    private var frontMatter: FrontMatterState = .none
    private var fence: (marker: UInt8, length: Int, indent: Int)?
    private var htmlEnd: HTMLBlockStart.End?
    private var inIndentedCode = false
    private var paragraphOpen = false
    private var quoteParagraphOpen = false
    private var listContentIndent: Int?
    private var previousBlank = true

    enum FrontMatterState { case none, yaml, keyValue }

    public init(bytes: UnsafeBufferPointer<UInt8>, atDocumentStart: Bool = true) {
        self.bytes = bytes
        self.atDocumentStart = atDocumentStart
    }

    public mutating func classify(_ line: SourceLine) -> LineKind {
        let kind = classifyLine(line)
        atDocumentStart = false
        switch kind {
        case .blank: previousBlank = true
        default: previousBlank = false
        }
        return kind
    }

    private mutating func classifyLine(_ line: SourceLine) -> LineKind {
        let (indent, first) = LineText.indentation(bytes, line.range)
        let isBlank = first == line.end

        if atDocumentStart, let kind = startFrontMatter(line, first: first) { return kind }
        if frontMatter != .none, let kind = continueFrontMatter(line, indent: indent, isBlank: isBlank) { return kind }
        if let open = fence { return continueFence(open, line, indent: indent, first: first) }
        if let end = htmlEnd {
            if end == .blankLine && isBlank { htmlEnd = nil; return .blank }
            if case .marker(let marker) = end, LineText.contains(bytes, line.range, marker) { htmlEnd = nil }
            return .html(content: line.range)
        }
        if isBlank {
            paragraphOpen = false
            quoteParagraphOpen = false
            return .blank
        }
        if inIndentedCode {
            if indent >= 4 { return .code(content: LineText.dropColumns(bytes, line.range, 4)) }
            inIndentedCode = false
        }
        if let contentIndent = listContentIndent {
            if indent >= contentIndent {
                paragraphOpen = false
                return .listContinuation(content: first..<line.end, indent: indent)
            }
            if previousBlank { listContentIndent = nil }
        }
        if indent >= 4 {
            if paragraphOpen { return .paragraph(content: first..<line.end) }
            if quoteParagraphOpen { return .quote(content: first..<line.end) }
            if listContentIndent != nil { return .listContinuation(content: first..<line.end, indent: indent) }
            inIndentedCode = true
            return .code(content: LineText.dropColumns(bytes, line.range, 4))
        }
        return classifyBlockStart(line, indent: indent, first: first)
    }

    /// A line at top level with at most three columns of indent.
    private mutating func classifyBlockStart(_ line: SourceLine, indent: Int, first: Int) -> LineKind {
        let wasParagraph = paragraphOpen
        let wasQuote = quoteParagraphOpen
        let wasList = listContentIndent != nil && !previousBlank
        paragraphOpen = false
        quoteParagraphOpen = false

        if wasParagraph, let level = LineText.setextLevel(bytes, first..<line.end) {
            return .setextUnderline(level: level)
        }
        if let heading = LineText.atxHeading(bytes, first..<line.end) {
            listContentIndent = nil
            return .atxHeading(level: heading.level, content: heading.content)
        }
        if LineText.isThematicBreak(bytes, first..<line.end) {
            listContentIndent = nil
            return .thematicBreak
        }
        if let open = LineText.fenceOpening(bytes, first..<line.end) {
            listContentIndent = nil
            fence = (open.marker, open.length, indent)
            return .fenceOpen(info: open.info)
        }
        if bytes[first] == UInt8(ascii: ">") {
            listContentIndent = nil
            quoteParagraphOpen = true
            return .quote(content: LineText.quoteContent(bytes, first..<line.end))
        }
        if bytes[first] == UInt8(ascii: "<"), let start = HTMLBlockStart.match(bytes, first..<line.end, canInterruptParagraph: !wasParagraph) {
            listContentIndent = nil
            if !LineText.endsHTMLBlock(bytes, first..<line.end, start) { htmlEnd = start }
            return .html(content: line.range)
        }
        if let item = LineText.listItem(bytes, first..<line.end, indent: indent),
           !wasParagraph || item.canInterruptParagraph {
            listContentIndent = item.contentIndent
            return .listItem(marker: item.marker, content: item.content, indent: indent)
        }
        if wasQuote {
            quoteParagraphOpen = true
            return .quote(content: first..<line.end)
        }
        if wasList {
            return .listContinuation(content: first..<line.end, indent: indent)
        }
        listContentIndent = nil
        paragraphOpen = true
        return .paragraph(content: first..<line.end)
    }

    private mutating func continueFence(_ open: (marker: UInt8, length: Int, indent: Int), _ line: SourceLine,
                                        indent: Int, first: Int) -> LineKind {
        if indent < 4, LineText.isFenceClose(bytes, first..<line.end, marker: open.marker, length: open.length) {
            fence = nil
            return .fenceClose
        }
        return .code(content: LineText.dropColumns(bytes, line.range, open.indent))
    }

    private mutating func startFrontMatter(_ line: SourceLine, first: Int) -> LineKind? {
        if LineText.equalsTrimmed(bytes, line.range, "---") {
            frontMatter = .yaml
            return .frontMatter(content: line.range)
        }
        if let field = LineText.metadataField(bytes, line.range), LineText.knownMetadataKeys.contains(field.key.lowercased()) {
            frontMatter = .keyValue
            return .frontMatter(content: line.range)
        }
        return nil
    }

    /// Nil when a `Key: value` block ends without a blank line: the line is
    /// then classified as ordinary text.
    private mutating func continueFrontMatter(_ line: SourceLine, indent: Int, isBlank: Bool) -> LineKind? {
        switch frontMatter {
        case .yaml:
            if LineText.equalsTrimmed(bytes, line.range, "---") || LineText.equalsTrimmed(bytes, line.range, "...") {
                frontMatter = .none
            }
            return .frontMatter(content: line.range)
        default:
            if isBlank {
                frontMatter = .none
                return .blank
            }
            if indent > 0 || LineText.metadataField(bytes, line.range) != nil { return .frontMatter(content: line.range) }
            frontMatter = .none
            return nil
        }
    }
}
