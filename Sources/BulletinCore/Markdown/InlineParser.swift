/// A small single-pass inline Markdown reader behind `InlineText`.
///
/// Linear in its input whatever the input: hostile text (thousands of
/// unmatched `[`, `<` or `*`) must not make a paragraph take seconds. So
/// brackets are matched in one pass, searches for `)` and `>` are
/// remembered, URLs and tags have a length limit, link text holds no
/// further links (as in CommonMark), and emphasis markers are removed in
/// one pass at the end.
struct InlineParser {
    let input: [Unicode.Scalar]
    let lineBreaks: Bool
    /// False inside link text and image descriptions.
    let parsesLinks: Bool
    /// The file's link reference definitions.
    let references: LinkReferences
    var output: [Unicode.Scalar] = []
    var spans: [InlineText.Span] = []
    var removedControls = 0
    /// Open emphasis delimiter runs: marker, run length, output position.
    private var openers: [(marker: Unicode.Scalar, length: Int, position: Int)] = []
    /// Output ranges of emphasis markers that were used, removed by `finish`.
    private var usedMarkers: [Range<Int>] = []
    private var position = 0
    /// Source newlines consumed so far: the line of a span, from the text's first.
    private var sourceLine = 0
    /// For each `[`, the index of its matching `]` (-1: none); built on the first `[`.
    private var closingBrackets: [Int32] = []
    /// The next `)` and `>` at or after the position they were looked for from.
    private var nextParen = NextIndex(of: ")")
    private var nextAngle = NextIndex(of: ">")

    static let asciiPunctuation = ScalarSet("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
    /// Longer URLs and tags are read as text.
    static let maximumURLLength = 1024
    static let maximumTagLength = 1024
    /// Deeper emphasis nesting is read as text.
    static let maximumOpeners = 64

    init(_ input: [Unicode.Scalar], lineBreaks: Bool, parsesLinks: Bool = true, references: LinkReferences = LinkReferences()) {
        self.input = input
        self.lineBreaks = lineBreaks
        self.parsesLinks = parsesLinks
        self.references = references
        output.reserveCapacity(input.count)
    }

    var outputString: String { String(scalars: output) }

    mutating func parse() {
        while position < input.count {
            let c = input[position]
            switch c {
            case "\\": escape()
            case "`": codeSpan()
            case "!" where parsesLinks && peek(1) == "[": if !linkOrImage(image: true) { emit(c); position += 1 }
            case "[" where parsesLinks: if !linkOrImage(image: false) { emit(c); position += 1 }
            case "<": if !angleBracket() { emit(c); position += 1 }
            case "&": entity()
            case "*", "_", "~": delimiterRun(c)
            case "\n": lineBreak()
            case "h" where parsesLinks, "w" where parsesLinks: if !bareURL() { emit(c); position += 1 }
            default:
                emit(c)
                position += 1
            }
        }
        finish()
    }

    /// Moves to `end`, counting the source newlines passed over.
    private mutating func skip(to end: Int) {
        for i in position..<end where input[i] == "\n" { sourceLine += 1 }
        position = end
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < input.count ? input[position + offset] : nil
    }

    /// A tab in running text is a space: it has no column to stop at. A
    /// decoded line separator (CR, U+2028, U+2029) is a line break where
    /// they are kept, else a space.
    private mutating func emit(_ c: Unicode.Scalar) {
        if ControlFilter.isLineSeparator(c.value), c != "\n" || !lineBreaks { output.append(lineBreaks ? "\n" : " "); return }
        if ControlFilter.isRemovable(c) && c != "\n" { removedControls += 1; return }
        output.append(c == "\t" ? " " : c)
    }

    private mutating func emit(_ s: some Sequence<Unicode.Scalar>) { for c in s { emit(c) } }

    private mutating func escape() {
        if let next = peek(1), next.isASCII, Self.asciiPunctuation.contains(next) {
            emit(next)
            position += 2
        } else if peek(1) == "\n" {
            position += 1
            lineBreak(hard: true)
        } else {
            emit("\\")
            position += 1
        }
    }

    /// A source newline. Soft breaks join lines: nothing between CJK text,
    /// one space between Latin words. Hard breaks (two trailing spaces or a
    /// backslash) stay line breaks where `lineBreaks` is set.
    private mutating func lineBreak(hard: Bool = false) {
        var trailingSpaces = 0
        while let last = output.last, last == " " || last == "\t" { output.removeLast(); trailingSpaces += 1 }
        position += 1
        sourceLine += 1
        while position < input.count, input[position] == " " || input[position] == "\t" { position += 1 }
        if hard || trailingSpaces >= 2 {
            output.append(lineBreaks ? "\n" : " ")
        } else if let last = output.last, position < input.count,
                  !DisplayWidth.isWide(last), !DisplayWidth.isWide(input[position]) {
            output.append(" ")
        }
    }

    private mutating func codeSpan() {
        var run = 0
        while peek(run) == "`" { run += 1 }
        var i = position + run
        while i < input.count {
            if input[i] == "`" {
                var closing = 0
                while i + closing < input.count && input[i + closing] == "`" { closing += 1 }
                if closing == run {
                    var content = Array(input[(position + run)..<i]).map { $0 == "\n" ? " " : $0 }
                    if content.count > 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
                        content = Array(content.dropFirst().dropLast())
                    }
                    let start = output.count
                    emit(content)
                    spans.append(.init(range: start..<output.count, style: .code, line: sourceLine))
                    skip(to: i + closing)
                    return
                }
                i += closing
            } else {
                i += 1
            }
        }
        emit(input[position..<(position + run)])
        position += run
    }

    /// `[text](url "title")` or `![alt](url)`, or a reference to a
    /// definition: `[text][label]`, `[text][]`, `[label]`. Brackets that
    /// match no definition stay literal.
    private mutating func linkOrImage(image: Bool) -> Bool {
        let open = position + (image ? 1 : 0)
        guard let close = matchingBracket(from: open) else { return false }
        let url: String, end: Int
        if close + 1 < input.count, input[close + 1] == "(", let inline = destination(from: close + 2) {
            (url, end) = inline
        } else if let reference = reference(open: open, close: close) {
            (url, end) = reference
        } else {
            return false
        }
        let label = Array(input[(open + 1)..<close])
        var inner = InlineParser(label, lineBreaks: false, parsesLinks: false)
        inner.parse()
        removedControls += inner.removedControls
        let start = output.count
        if image {
            // An image always leaves a trace: its alt text, else its file name.
            let alt = inner.output.allSatisfy(\.properties.isWhitespace) ? Array(LinkText.fileName(of: url).unicodeScalars) : inner.output
            emit("[image: ".unicodeScalars)
            emit(alt)
            emit("]")
        } else {
            for span in inner.spans {
                spans.append(.init(range: (span.range.lowerBound + start)..<(span.range.upperBound + start), style: span.style))
            }
            emit(inner.output)
        }
        spans.append(.init(range: start..<output.count, style: image ? .image(url: url) : .link(url: url), line: sourceLine))
        skip(to: end)
        return true
    }

    /// The URL and the end of a full (`[text][label]`), collapsed
    /// (`[text][]`) or shortcut (`[label]`) reference whose label is defined.
    private mutating func reference(open: Int, close: Int) -> (String, Int)? {
        guard !references.isEmpty else { return nil }
        let text = input[(open + 1)..<close]
        if close + 1 < input.count, input[close + 1] == "[", let labelClose = matchingBracket(from: close + 1) {
            let label = input[(close + 2)..<labelClose]
            return references.url(for: label.isEmpty ? text : label).map { ($0, labelClose + 1) }
        }
        return references.url(for: text).map { ($0, close + 1) }
    }

    private mutating func matchingBracket(from open: Int) -> Int? {
        if closingBrackets.isEmpty {
            closingBrackets = Array(repeating: -1, count: input.count)
            var stack: [Int] = []
            var i = 0
            while i < input.count {
                switch input[i] {
                case "\\": i += 1
                case "[": stack.append(i)
                case "]": if let start = stack.popLast() { closingBrackets[start] = Int32(i) }
                default: break
                }
                i += 1
            }
        }
        let close = closingBrackets[open]
        return close >= 0 ? Int(close) : nil
    }

    /// The URL inside `( ... )` and the index after `)`.
    private mutating func destination(from start: Int) -> (String, Int)? {
        var i = start
        while i < input.count && input[i] == " " { i += 1 }
        let limit = min(input.count, i + Self.maximumURLLength)
        var url: [Unicode.Scalar] = []
        if i < input.count && input[i] == "<" {
            i += 1
            while i < limit && input[i] != ">" && input[i] != "\n" { url.append(input[i]); i += 1 }
            guard i < limit && input[i] == ">" else { return nil }
            i += 1
        } else {
            var depth = 0
            while i < limit, input[i] != " ", input[i] != "\n" {
                if input[i] == "(" { depth += 1 }
                if input[i] == ")" { if depth == 0 { break }; depth -= 1 }
                url.append(input[i])
                i += 1
            }
            guard i < limit else { return nil }
        }
        // The title, if any, runs to the next `)`.
        i = nextParen.find(in: input, from: i)
        guard i < input.count else { return nil }
        let text = ControlFilter.url(url)
        return (text, i + 1)
    }

    static let urlStarts = ["https://", "http://", "www."].map { Array($0.unicodeScalars) }

    /// A bare `https://…`, `http://…` or `www.…` (GFM's extended autolink)
    /// not inside a word: a link whose text is the URL. It runs to a space,
    /// `<` or a non-ASCII character (CJK text puts no space after a URL),
    /// less trailing punctuation and an unmatched `)`.
    private mutating func bareURL() -> Bool {
        if position > 0, input[position - 1].properties.isAlphabetic || input[position - 1].properties.numericType != nil { return false }
        guard let scheme = Self.urlStarts.first(where: { start in
            position + start.count < input.count && zip(start, input[position...]).allSatisfy { $0 == $1 }
        }) else { return false }
        var end = position + scheme.count
        let limit = min(input.count, position + Self.maximumURLLength)
        while end < limit, input[end].isASCII, !input[end].properties.isWhitespace, input[end] != "<", input[end].value >= 0x21 { end += 1 }
        while end > position + scheme.count, let last = Optional(input[end - 1]), ".,:;!?*_~'\"".unicodeScalars.contains(last) { end -= 1 }
        if input[end - 1] == ")" {
            let url = input[position..<end]
            if url.count(where: { $0 == ")" }) > url.count(where: { $0 == "(" }) { end -= 1 }
        }
        guard end > position + scheme.count else { return false }
        let text = Array(input[position..<end])
        let start = output.count
        emit(text)
        let url = scheme.first == "w" ? "http://" + String(scalars: text) : String(scalars: text)
        spans.append(.init(range: start..<output.count, style: .link(url: ControlFilter.url(url.unicodeScalars)), line: sourceLine))
        position = end
        return true
    }

    /// Autolinks are kept as links; `<br>` becomes a break, `<img alt>` its
    /// alt text; other tags are dropped.
    private mutating func angleBracket() -> Bool {
        // Tags, comments and autolinks start with a letter, `/` or `!`.
        guard let first = peek(1), first.isASCII, first.properties.isAlphabetic || first == "/" || first == "!" else { return false }
        let end = nextAngle.find(in: input, from: position)
        guard end < input.count, end - position <= Self.maximumTagLength else { return false }
        let inside = String(scalars: input[(position + 1)..<end])
        if inside.contains("\n") && !inside.hasPrefix("!--") { return false }
        let lower = inside.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") {
            let start = output.count
            emit(inside.unicodeScalars)
            spans.append(.init(range: start..<output.count, style: .link(url: ControlFilter.url(inside.unicodeScalars)), line: sourceLine))
        } else if let tag = HTMLTag(inside) {
            switch tag.name {
            case "br": output.append(lineBreaks ? "\n" : " ")
            case "img":
                let url = ControlFilter.url((tag.attribute("src") ?? "").unicodeScalars)
                let alt = tag.attribute("alt").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? LinkText.fileName(of: url)
                traced("[image: \(alt)]", style: .image(url: url))
            case "iframe", "video", "audio", "embed", "source":
                if let src = tag.attribute("src"), !tag.isClosing {
                    let url = ControlFilter.url(src.unicodeScalars)
                    traced("[embedded: \(LinkText.place(of: url))]", style: .link(url: url))
                }
            default: break
            }
        } else {
            return false
        }
        skip(to: end + 1)
        return true
    }

    /// Text standing for an image or an embed, a link to it when it has a URL.
    private mutating func traced(_ text: String, style: InlineText.Style) {
        let start = output.count
        emit(text.unicodeScalars)
        switch style {
        case .link(let url) where !url.isEmpty, .image(let url) where !url.isEmpty:
            spans.append(.init(range: start..<output.count, style: style, line: sourceLine))
        default: break
        }
    }

    private mutating func entity() {
        if let (decoded, length) = HTMLEntities.decode(input, at: position) {
            emit(decoded)
            position += length
        } else {
            emit("&")
            position += 1
        }
    }

    /// Emphasis with a simplified CommonMark pairing: a run opens if followed
    /// by non-space, closes if preceded by non-space; `_` never inside a
    /// word; `~` needs two. Unpaired runs stay literal.
    private mutating func delimiterRun(_ marker: Unicode.Scalar) {
        var length = 0
        while peek(length) == marker { length += 1 }
        let before: Unicode.Scalar? = position > 0 ? input[position - 1] : nil
        let after: Unicode.Scalar? = peek(length)
        let isSpace: (Unicode.Scalar?) -> Bool = { $0 == nil || $0!.properties.isWhitespace }
        let isWord: (Unicode.Scalar?) -> Bool = { $0 != nil && ($0!.properties.isAlphabetic || $0!.properties.numericType != nil) }
        var canOpen = !isSpace(after)
        var canClose = !isSpace(before)
        if marker == "_" {
            canOpen = canOpen && !isWord(before)
            canClose = canClose && !isWord(after)
        }
        if marker == "~" && length < 2 { canOpen = false; canClose = false }
        position += length
        if canClose, let index = openers.lastIndex(where: { $0.marker == marker }) {
            let opener = openers[index]
            openers.removeSubrange(index...)
            let style: InlineText.Style = marker == "~" ? .strikethrough : (min(opener.length, length) >= 2 ? .strong : .emphasis)
            usedMarkers.append(opener.position..<(opener.position + opener.length))
            spans.append(.init(range: opener.position..<output.count, style: style))
            return
        }
        if canOpen {
            if openers.count == Self.maximumOpeners { openers.removeFirst() }
            openers.append((marker, length, output.count))
        }
        output.append(contentsOf: repeatElement(marker, count: length))
    }

    /// Removes the used emphasis markers from the output and moves every
    /// span to match, in one pass.
    private mutating func finish() {
        guard !usedMarkers.isEmpty else { return }
        var removed = [Int32](repeating: 0, count: output.count + 1)  // markers before each index
        for range in usedMarkers { for i in range { removed[i + 1] = 1 } }
        for i in 0..<output.count { removed[i + 1] += removed[i] }
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(output.count)
        for i in output.indices where removed[i + 1] == removed[i] { kept.append(output[i]) }
        output = kept
        for k in spans.indices {
            let r = spans[k].range
            spans[k].range = (r.lowerBound - Int(removed[r.lowerBound]))..<(r.upperBound - Int(removed[r.upperBound]))
        }
        usedMarkers = []
    }
}

/// Where the next occurrence of a scalar is, remembered: the parser moves
/// forward only, so each search starts where the last one found nothing
/// new, and unmatched openers cost no rescans.
private struct NextIndex {
    let scalar: Unicode.Scalar
    /// The next occurrence at or after `from` is at `found` (input.count: none).
    private var from = Int.max
    private var found = 0

    init(of scalar: Unicode.Scalar) { self.scalar = scalar }

    mutating func find(in input: [Unicode.Scalar], from start: Int) -> Int {
        // From anywhere up to the last hit, the answer is that hit.
        if start >= from && start <= found { return found }
        var i = start
        while i < input.count && input[i] != scalar { i += 1 }
        from = start
        found = i
        return i
    }
}
