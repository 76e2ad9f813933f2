import BulletinCore
import BulletinReader

/// What must hold for any input, however hostile: checked by the fuzz
/// target (fuzz/) on the bytes libFuzzer makes and by the property tests on
/// generated bulletins. Each check returns what it found wrong, as lines.
public enum Invariants {
    /// The encodings an input is read with: detected, then each forced.
    public static let encodings: [TextEncoding?] = [nil, .utf8, .utf16LE, .utf16BE, .gb18030]

    /// Every check on `bytes` read with `encoding`; `keys` picks the reader
    /// actions tried (any bytes will do).
    public static func check(_ bytes: [UInt8], encoding: TextEncoding?, keys: [UInt8] = []) -> [String] {
        let text: SourceText
        do {
            text = try SourceDecoder.decode(ByteStorage(bytes), path: "fuzz.md", forcing: encoding)
        } catch {
            return []  // refused with an error (binary data): a fine outcome
        }
        var problems: [String] = []
        let bulletin = BulletinParser.parse(text, path: "fuzz.md")
        guard let twice = try? SourceDecoder.decode(ByteStorage(bytes), path: "fuzz.md", forcing: encoding) else {
            return ["decoding the same bytes twice failed the second time"]
        }
        let again = BulletinParser.parse(twice, path: "fuzz.md")
        if again.outline.nodes != bulletin.outline.nodes || again.toc != bulletin.toc || again.title != bulletin.title {
            problems.append("parsing the same bytes twice gave different outlines")
        }
        problems += outline(bulletin)
        problems += search(bulletin)
        for width in [1, 7, 80] { problems += layout(bulletin, width: width) }
        problems += plainText(bulletin)
        problems += reader(bulletin, keys: keys)
        problems += LibraryInvariants.roundTrip(bulletin)
        return problems
    }

    /// A scalar that must never reach a screen or a pipe.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        ControlFilter.isRemovable(scalar) || (scalar.value < 0x20 && scalar != "\n" && scalar != "\t")
    }

    public static func forbiddenCharacters(in text: String, _ what: String, singleLine: Bool = true) -> [String] {
        if let bad = text.unicodeScalars.first(where: { isForbidden($0) || singleLine && ControlFilter.isLineSeparator($0.value) }) {
            return ["\(what) holds U+\(String(bad.value, radix: 16, uppercase: true)): \(text.debugDescription)"]
        }
        return []
    }

    /// Node ranges inside the document, parents before children, and clean single-line fields.
    static func outline(_ bulletin: Bulletin) -> [String] {
        var problems: [String] = []
        let bytes = bulletin.source.bytes
        let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        problems += forbiddenCharacters(in: bulletin.title, "the title")
        for (key, value) in bulletin.metadata { problems += forbiddenCharacters(in: key, "a metadata key") + forbiddenCharacters(in: value, "metadata \(key)") }
        for (i, node) in bulletin.outline.nodes.enumerated() {
            // An empty body after a heading on the last line starts on the line after it.
            let lastBodyLine = node.bodyStart == bytes.count ? lines + 1 : lines
            if !(1...lines).contains(node.line) || !(1...lastBodyLine).contains(node.bodyLine) {
                problems.append("node \(i) at line \(node.line) (body \(node.bodyLine)) of \(lines)")
            }
            if !(0...bytes.count).contains(node.bodyStart) || node.bodyEnd > bytes.count || node.bodyStart > node.bodyEnd {
                problems.append("node \(i) body \(node.bodyStart)..<\(node.bodyEnd) outside \(bytes.count) bytes")
            }
            if let parent = node.parent, parent >= i { problems.append("node \(i) has parent \(parent) after it") }
            problems += forbiddenCharacters(in: node.text, "node \(i) text") + forbiddenCharacters(in: node.headline, "node \(i) headline")
            if let region = node.region { problems += forbiddenCharacters(in: region, "node \(i) region") }
        }
        for entry in bulletin.toc {
            problems += forbiddenCharacters(in: entry.headline, "TOC line \(entry.line)")
            if let article = entry.article, bulletin.outline[article].kind != .article {
                problems.append("TOC line \(entry.line) matched node \(article), not an article")
            }
        }
        return problems
    }

    /// Searching for a node's own text finds it, and a query from part of
    /// one finds exactly what a plain scan of the fields finds: every
    /// section, article and deeper heading by its own text, an article also
    /// by its region and its section's title.
    static func search(_ bulletin: Bulletin) -> [String] {
        var problems: [String] = []
        let outline = bulletin.outline
        let searchable = outline.nodes.indices.filter { [.section, .article, .heading].contains(outline[$0].kind) }
        func ownText(_ node: Int) -> String { outline[node].kind == .article ? outline[node].headline : outline[node].text }
        for node in searchable.prefix(8) {
            let query = SearchQuery(ownText(node))
            guard !query.isEmpty else { continue }
            if !HeadlineSearch.search(query, in: bulletin).contains(where: { $0.node == node }) {
                problems.append("searching for its own text does not find node \(node): \(ownText(node).debugDescription)")
            }
        }
        for node in searchable.prefix(3) {
            let part = String(scalars: ownText(node).unicodeScalars.prefix(2))
            let query = SearchQuery(part)
            guard !query.isEmpty else { continue }
            let found = Set(HeadlineSearch.search(query, in: bulletin).map(\.node))
            let scanned = Set(searchable.filter { n in
                var fields = [ownText(n)]
                if outline[n].kind == .article {
                    fields += [outline[n].region ?? ""] + (outline.section(containing: n).map { [outline[$0].text] } ?? [])
                }
                return query.keywords.allSatisfy { keyword in fields.contains { FoldedText($0).firstIndex(of: keyword) != nil } }
            })
            if found != scanned { problems.append("search \(part.debugDescription) found \(found.sorted()), a plain scan \(scanned.sorted())") }
        }
        return problems
    }

    /// No laid-out line is wider than the width or holds a control character.
    static func layout(_ bulletin: Bulletin, width: Int) -> [String] {
        let layout = DocumentLayout(bulletin: bulletin, width: width)
        var problems: [String] = []
        for node in bulletin.outline.nodes.indices.prefix(200) {
            let laidOut = layout.layout(node)
            // Links are numbered 1...n in the node, each URL single-line, each place on its line.
            if laidOut.links.map(\.number) != Array(1..<(laidOut.links.count + 1)) {
                problems.append("node \(node): links numbered \(laidOut.links.map(\.number))")
            }
            for link in laidOut.links {
                problems += forbiddenCharacters(in: link.url, "a link's URL") + forbiddenCharacters(in: link.text, "a link's text", singleLine: false)
            }
            for line in laidOut.lines {
                for place in line.links where place.range.upperBound > line.text.unicodeScalars.count || !(1...max(1, laidOut.links.count)).contains(place.number) {
                    problems.append("link \(place.number) at \(place.range) off its line \(line.text.debugDescription)")
                }
                let columns = DisplayWidth.of(line.text)
                // One wide character is the least a line can hold.
                if columns > width && !(line.text.unicodeScalars.filter { DisplayWidth.of($0) > 0 }.count == 1) {
                    problems.append("a \(columns)-column line at width \(width): \(line.text.debugDescription)")
                }
                problems += forbiddenCharacters(in: line.text, "a laid-out line")
                for style in line.styles where style.range.upperBound > line.text.unicodeScalars.count {
                    problems.append("a style past the end of its line: \(style.range) in \(line.text.debugDescription)")
                }
            }
        }
        return problems
    }

    static func plainText(_ bulletin: Bulletin) -> [String] {
        let text = PlainText.render(bulletin, width: 80).text
        return forbiddenCharacters(in: text, "cat's output", singleLine: false)
    }

    /// The reader's actions, picked by key bytes.
    static let actions: [ReaderAction] = [
        .scroll(1), .scroll(-1), .page(1), .page(-1), .halfPage(1), .top, .bottom, .switchFocus, .open,
        .nextSection, .previousSection, .nextArticle, .previousArticle, .section(2), .startSearch,
        .searchType("a"), .searchType("就"), .searchBackspace, .searchSubmit, .nextHit, .previousHit, .cancel,
        .toggleTOC, .widenTOC, .narrowTOC, .fold, .unfold, .toggleFold, .toggleFoldAll, .showHelp,
        .showWarnings, .showLinks, .section(1), .section(0), .click(x: 3, y: 2), .click(x: 30, y: 5), .wheel(x: 50, y: 3, lines: 3),
        .resize(width: 1, height: 1), .resize(width: 45, height: 12), .resize(width: 100, height: 30),
    ]

    /// Render after each action, at several sizes: every cell printable,
    /// every wide character whole and inside the grid.
    static func reader(_ bulletin: Bulletin, keys: [UInt8]) -> [String] {
        var problems: [String] = []
        let library = Library([bulletin])
        for (width, height) in [(1, 1), (7, 3), (40, 10), (80, 24)] {
            var state = ReaderState(library: library, width: width, height: height)
            problems += grid(state.render())
            for key in keys.prefix(12) {
                state = state.updated(actions[Int(key) % actions.count])
                problems += grid(state.render())
                if !problems.isEmpty { return problems }
            }
        }
        return problems
    }

    static func grid(_ grid: CellGrid) -> [String] {
        var problems: [String] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                problems += forbiddenCharacters(in: cell.text, "cell (\(x), \(y))")
                if cell.width == 2 && (x + 1 >= grid.width || !grid[x + 1, y].isContinuation) {
                    problems.append("half a wide character at (\(x), \(y))")
                }
                if cell.isContinuation && (x == 0 || grid[x - 1, y].width != 2) {
                    problems.append("a continuation cell without its wide character at (\(x), \(y))")
                }
            }
        }
        return problems
    }
}
