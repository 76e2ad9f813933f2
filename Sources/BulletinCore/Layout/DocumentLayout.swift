/// Lays out a bulletin as wrapped display lines, one node at a time, so a
/// reader can lay out only what is on screen and `cat` can lay out all.
/// Headings are numbered (`1.`, `1.2`, `1.2.1`) so they stand out in plain text.
public struct DocumentLayout: Sendable {
    public let bulletin: Bulletin
    public let width: Int
    public let ambiguousWide: Bool
    public let numbers: HeadingNumbers
    public let links: LinkDisplay

    /// `numbers`: the bulletin's heading numbers when the caller keeps them
    /// (they do not depend on the width, and take a pass over the outline).
    public init(bulletin: Bulletin, width: Int, ambiguousWide: Bool = false, numbers: HeadingNumbers? = nil,
                links: LinkDisplay = .numbered) {
        self.bulletin = bulletin
        self.width = max(1, width)
        self.ambiguousWide = ambiguousWide
        self.numbers = numbers ?? HeadingNumbers(bulletin.outline)
        self.links = links
    }

    /// One node laid out: its lines and its links, numbered from 1.
    public struct NodeLayout: Sendable {
        public var lines: [LayoutLine]
        public var links: [NumberedLink]
    }

    /// The lines of one node: its heading, then its own body blocks (parsed
    /// here unless the caller already has them).
    public func lines(for index: Int, blocks given: [Block]? = nil) -> [LayoutLine] {
        layout(index, blocks: given).lines
    }

    public func layout(_ index: Int, blocks given: [Block]? = nil) -> NodeLayout {
        var numbering = LinkNumbering()
        let node = bulletin.outline[index]
        var out: [LayoutLine] = []
        switch node.kind {
        case .bulletin:
            out += wrapped(InlineText(text: bulletin.title), role: .title, node: index)
            out.append(LayoutLine(text: underline("=", for: bulletin.title), role: .underline, node: index))
            // Front matter, once, as one compact line: `Date 2026-03-05 · Number 42`.
            let fields = bulletin.metadata.filter { !LineText.isTitleKey($0.key) && !$0.value.isEmpty }
            if !fields.isEmpty {
                out += wrapped(InlineText(text: fields.map { "\($0.key) \($0.value)" }.concatenated(separator: " · ")),
                               role: .metadata, node: index)
            }
            out.append(blank(index))
        case .preamble:
            break
        case .section, .article, .heading:
            let prefix = numbers[index] + " "
            let styles = node.region.map { [InlineText.Span(range: 0..<$0.unicodeScalars.count, style: .region)] } ?? []
            let role: LayoutLine.Role = node.kind == .section ? .section : node.kind == .article ? .article : .heading
            out += wrapped(InlineText(text: node.displayTitle, spans: styles), role: role, node: index, first: prefix,
                           rest: String(repeating: " ", count: DisplayWidth.of(prefix)))
            if node.kind == .section {
                out.append(LayoutLine(text: underline("-", for: prefix + node.displayTitle), role: .underline, node: index))
            }
            out.append(blank(index))
        }
        out += lines(for: given ?? bulletin.blocks(of: index), node: index, numbering: &numbering)
        return NodeLayout(lines: out, links: numbering.links)
    }

    /// Blocks one after another, a blank line between them; items of one
    /// list stay together.
    func lines(for blocks: [Block], node: Int, numbering: inout LinkNumbering) -> [LayoutLine] {
        var out: [LayoutLine] = []
        for (k, block) in blocks.enumerated() {
            out += lines(for: block, node: node, numbering: &numbering)
            if case .listItem = block, k + 1 < blocks.count, case .listItem = blocks[k + 1] { continue }
            out.append(blank(node))
        }
        return out
    }

    func lines(for block: Block, node: Int, numbering: inout LinkNumbering) -> [LayoutLine] {
        switch block {
        case .paragraph(let text):
            return wrapped(text, role: .body, node: node, numbering: &numbering)
        case .heading(_, let text):
            return wrapped(text, role: .heading, node: node, numbering: &numbering)
        case .quote(let blocks):
            return quoted(blocks, node: node, numbering: &numbering)
        case .listItem(let marker, let level, let text):
            let indent = String(repeating: " ", count: 2 * level)
            let shown = ["-", "*", "+"].contains(marker) ? "•" : marker
            let first = indent + shown + " "
            return wrapped(text, role: .listItem, node: node, first: first,
                           rest: String(repeating: " ", count: DisplayWidth.of(first)), numbering: &numbering)
        case .preformatted(let lines):
            // Code keeps its spaces and breaks: cut at the width, not wrapped as prose.
            let indent = width - 4 >= minimumText ? "    " : ""
            return lines.flatMap { line in
                LineBreaker.cut(line, width: width - indent.count, ambiguousWide: ambiguousWide)
                    .map { LayoutLine(text: indent + $0, role: .code, node: node) }
            }
        case .rule:
            return [LayoutLine(text: String("* * *".prefix(width)), role: .rule, node: node)]
        case .table(let table):
            return self.table(table, node: node, numbering: &numbering)
        }
    }

    /// A quote's blocks laid out two columns narrower, each line behind the
    /// quote's bar (`> `; a bare `>` between its blocks). Too narrow for the
    /// bar, the blocks take the width as they are.
    func quoted(_ blocks: [Block], node: Int, numbering: inout LinkNumbering) -> [LayoutLine] {
        guard width - 2 >= minimumText else { return lines(for: blocks, node: node, numbering: &numbering).filter { $0.role != .blank } }
        let inner = DocumentLayout(bulletin: bulletin, width: width - 2, ambiguousWide: ambiguousWide, numbers: numbers, links: links)
        var lines = inner.lines(for: blocks, node: node, numbering: &numbering)
        while lines.last?.role == .blank { lines.removeLast() }
        return lines.map { line in
            let bar = line.role == .blank ? ">" : "> "
            let shift = bar.unicodeScalars.count
            func moved(_ r: Range<Int>) -> Range<Int> { (r.lowerBound + shift)..<(r.upperBound + shift) }
            return LayoutLine(text: bar + line.text, role: .quote, styles: line.styles.map { .init(range: moved($0.range), style: $0.style) },
                              node: node, links: line.links.map { .init(range: moved($0.range), number: $0.number) })
        }
    }

    /// Columns a prefix (heading number, list marker, quote bar, code
    /// indent) must leave for the text; narrower than that, it gives way.
    var minimumText: Int { min(width, 4) }

    /// Wraps `text` to the width after the prefixes; spans follow the text.
    /// Where the prefixes would leave less than `minimumText` columns, the
    /// first one (a heading number, a list marker) gets a line of its own
    /// and the text takes the whole width: no line is wider than `width`.
    func wrapped(_ inline: InlineText, role: LayoutLine.Role, node: Int, first: String = "", rest: String = "") -> [LayoutLine] {
        var numbering = LinkNumbering()
        return wrapped(inline, role: role, node: node, first: first, rest: rest, numbering: &numbering)
    }

    func wrapped(_ inline: InlineText, role: LayoutLine.Role, node: Int, first: String = "", rest: String = "",
                 numbering: inout LinkNumbering) -> [LayoutLine] {
        let firstWidth = DisplayWidth.of(first), restWidth = DisplayWidth.of(rest)
        if max(firstWidth, restWidth) > 0, width - max(firstWidth, restWidth) < minimumText {
            let marker = first.trimmingSpaces
            let own = marker.isEmpty ? [] : wrapped(InlineText(text: marker), role: role, node: node)
            return own + wrapped(inline, role: role, node: node, numbering: &numbering)
        }
        let (text, places) = linked(inline, &numbering)
        return lines(text, places: places, role: role, node: node, first: first, rest: rest)
    }

    /// Text whose links are already shown as they should be, wrapped after
    /// the prefixes.
    func lines(_ text: InlineText, places: [LayoutLine.LinkPlace], role: LayoutLine.Role, node: Int,
               first: String = "", rest: String = "") -> [LayoutLine] {
        let firstWidth = DisplayWidth.of(first), restWidth = DisplayWidth.of(rest)
        // Where each scalar starts, so a line is one copy of its UTF-8 bytes
        // rather than scalars appended one by one.
        let view = text.text.unicodeScalars
        let starts = Array(view.indices) + [view.endIndex]
        let ranges = LineBreaker.wrap(text.text, width: max(1, width - max(firstWidth, restWidth)), ambiguousWide: ambiguousWide)
        let (styles, links) = Self.distribute(text, places, over: ranges) { k in (k == 0 ? first : rest).unicodeScalars.count }
        return ranges.enumerated().map { k, range in
            var line = k == 0 ? first : rest
            line.append(contentsOf: Substring(view[starts[range.lowerBound]..<starts[range.upperBound]]))
            return LayoutLine(text: line, role: role, styles: styles[k], node: node, links: links[k])
        }
    }

    /// Each span and link of `text` cut to the wrapped lines it crosses
    /// (found by binary search, so thousands of links stay linear), at the
    /// line's offsets: `shift(k)` scalars come before line `k`'s text.
    static func distribute(_ text: InlineText, _ places: [LayoutLine.LinkPlace], over ranges: [Range<Int>],
                           shift: (Int) -> Int) -> (styles: [[LayoutLine.StyledRange]], links: [[LayoutLine.LinkPlace]]) {
        var styles = [[LayoutLine.StyledRange]](repeating: [], count: ranges.count)
        var links = [[LayoutLine.LinkPlace]](repeating: [], count: ranges.count)
        func lines(crossing span: Range<Int>, _ body: (Int, Range<Int>) -> Void) {
            var k = SortedSearch.lastIndex(ranges.count, atMost: span.lowerBound) { ranges[$0].lowerBound } ?? 0
            while k < ranges.count, ranges[k].lowerBound < span.upperBound {
                let low = max(span.lowerBound, ranges[k].lowerBound), high = min(span.upperBound, ranges[k].upperBound)
                let offset = shift(k) - ranges[k].lowerBound
                if low < high { body(k, (low + offset)..<(high + offset)) }
                k += 1
            }
        }
        for span in text.spans {
            guard let style = Self.style(span.style) else { continue }
            lines(crossing: span.range) { styles[$0].append(.init(range: $1, style: style)) }
        }
        for place in places { lines(crossing: place.range) { links[$0].append(.init(range: $1, number: place.number)) } }
        return (styles, links)
    }

    /// The text as links are to be shown, numbering them where they are numbered.
    func linked(_ inline: InlineText, _ numbering: inout LinkNumbering) -> (text: InlineText, places: [LayoutLine.LinkPlace]) {
        switch links {
        case .numbered: numbering.number(inline)
        case .inline: (inline.showingURLs(), [])
        case .none: (inline, [])
        }
    }

    static func style(_ style: InlineText.Style) -> LayoutLine.Style? {
        switch style {
        case .emphasis: .emphasis
        case .strong: .strong
        case .code: .code
        case .strikethrough: .strikethrough
        case .link, .image: .link
        case .region: .region
        case .reference: .reference
        }
    }

    func underline(_ character: String, for text: String) -> String {
        String(repeating: character, count: min(width, DisplayWidth.of(text, ambiguousWide: ambiguousWide)))
    }

    func blank(_ node: Int) -> LayoutLine { LayoutLine(text: "", role: .blank, node: node) }
}
