/// The first pass over a bulletin: every heading (ATX or setext) at top
/// level, front matter, and the short lines near the top that may form a
/// table of contents. Bodies are not decoded: this is all `toc` and `search`
/// need, and it is why they are fast.
struct OutlineScan {
    struct Heading {
        var level: Int
        var markdown: String
        var line: Int
        /// Byte offset of the heading's first line and of the line after it.
        var start: Int
        var bodyStart: Int
        var bodyLine: Int
    }

    /// A short text line that may be a TOC entry: a paragraph line or a list
    /// item (with its wrapped continuation lines appended).
    struct Entry {
        var line: Int
        var text: String
        var isListItem: Bool
        /// Index into `headings` of the heading above, or -1 before any.
        var heading: Int
    }

    var headings: [Heading] = []
    var entries: [Entry] = []
    var metadata: [(key: String, value: String)] = []
    /// Link reference definitions, from anywhere in the file.
    var references = LinkReferences()
    /// Lines of content before the first heading, other than entries.
    var preambleOtherLines: [Int] = []
    /// Byte offset and line just after the front matter.
    var bodyStart = 0
    var bodyLine = 1

    /// TOC entries are collected until the body clearly starts: under an
    /// article-level heading, or at a long line after the first heading.
    static let longLine = 400
    static let maxEntries = 100_000

    init(_ text: SourceText) {
        let bytes = text.bytes
        var scanner = BlockScanner(bytes: bytes)
        var collecting = true
        var paragraph: (line: Int, start: Int, firstEntry: Int)?
        var paragraphEnd = 0
        for line in LineIterator(bytes) {
            let kind = scanner.classify(line)
            switch kind {
            case .frontMatter(let content):
                if let field = LineText.metadataField(bytes, content) { metadata.append(field) }
                bodyStart = Self.next(line, bytes)
                bodyLine = line.number + 1
                continue
            case .atxHeading(let level, let content):
                headings.append(Heading(level: level, markdown: Self.string(bytes, content), line: line.number,
                                        start: line.start, bodyStart: Self.next(line, bytes), bodyLine: line.number + 1))
                if level >= 3 { collecting = false }
            case .setextUnderline(let level):
                if let open = paragraph {
                    entries.removeSubrange(min(open.firstEntry, entries.count)...)
                    headings.append(Heading(level: level, markdown: Self.string(bytes, open.start..<paragraphEnd),
                                            line: open.line, start: open.start, bodyStart: Self.next(line, bytes), bodyLine: line.number + 1))
                    if level >= 3 { collecting = false }
                }
            case .paragraph(let content):
                // A definition starts a paragraph (or follows one); it is not text.
                if paragraph == nil, let definition = LineText.linkDefinition(bytes, content) {
                    references.define(label: definition.label, url: definition.url)
                    continue
                }
                if paragraph == nil { paragraph = (line.number, content.lowerBound, entries.count) }
                paragraphEnd = content.upperBound
                collect(bytes, content, line: line.number, list: false, collecting: &collecting)
                continue
            case .listItem:
                collect(bytes, line.range, line: line.number, list: true, collecting: &collecting)
            case .listContinuation(let content, _):
                if collecting, let last = entries.last, last.isListItem, last.line >= line.number - 3 {
                    entries[entries.count - 1].text += "\n" + Self.string(bytes, content)
                }
            case .blank:
                break
            default:
                if headings.isEmpty { preambleOtherLines.append(line.number) }
            }
            paragraph = nil
        }
    }

    private mutating func collect(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, list: Bool,
                                  collecting: inout Bool) {
        if !headings.isEmpty && range.count > Self.longLine { collecting = false }
        guard collecting || headings.isEmpty else { return }
        guard entries.count < Self.maxEntries else {
            if headings.isEmpty { preambleOtherLines.append(line) }
            return
        }
        entries.append(Entry(line: line, text: Self.string(bytes, LineText.trimmed(bytes, range)), isListItem: list,
                             heading: headings.count - 1))
    }

    /// Offset of the line after `line`.
    static func next(_ line: SourceLine, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = line.end
        if i < bytes.count && bytes[i] == 0x0D { i += 1 }
        return min(i + 1, bytes.count)
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
