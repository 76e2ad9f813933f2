/// A small single-pass inline Markdown reader behind `InlineText`.
struct InlineParser {
    let input: [Unicode.Scalar]
    let lineBreaks: Bool
    var output: [Unicode.Scalar] = []
    var spans: [InlineText.Span] = []
    var removedControls = 0
    /// Open emphasis delimiter runs: marker, run length, output position.
    private var openers: [(marker: Unicode.Scalar, length: Int, position: Int)] = []
    private var position = 0

    static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    init(_ input: [Unicode.Scalar], lineBreaks: Bool) {
        self.input = input
        self.lineBreaks = lineBreaks
        output.reserveCapacity(input.count)
    }

    var outputString: String {
        var s = String()
        s.unicodeScalars.append(contentsOf: output)
        return s
    }

    mutating func parse() {
        while position < input.count {
            let c = input[position]
            switch c {
            case "\\": escape()
            case "`": codeSpan()
            case "!" where peek(1) == "[": if !linkOrImage(image: true) { emit(c); position += 1 }
            case "[": if !linkOrImage(image: false) { emit(c); position += 1 }
            case "<": if !angleBracket() { emit(c); position += 1 }
            case "&": entity()
            case "*", "_", "~": delimiterRun(c)
            case "\n": lineBreak()
            default:
                emit(c)
                position += 1
            }
        }
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < input.count ? input[position + offset] : nil
    }

    /// A tab in running text is a space: it has no column to stop at.
    private mutating func emit(_ c: Unicode.Scalar) {
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
                    spans.append(.init(range: start..<output.count, style: .code))
                    position = i + closing
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

    /// `[text](url "title")` or `![alt](url)`. Reference links without a
    /// definition in sight stay literal.
    private mutating func linkOrImage(image: Bool) -> Bool {
        let open = position + (image ? 1 : 0)
        guard let close = matchingBracket(from: open), close + 1 < input.count, input[close + 1] == "(",
              let (url, end) = destination(from: close + 2) else { return false }
        let label = Array(input[(open + 1)..<close])
        var inner = InlineParser(label, lineBreaks: false)
        inner.parse()
        removedControls += inner.removedControls
        let start = output.count
        if image {
            emit("[image: ".unicodeScalars)
            emit(inner.output)
            emit("]")
        } else {
            for span in inner.spans {
                spans.append(.init(range: (span.range.lowerBound + start)..<(span.range.upperBound + start), style: span.style))
            }
            emit(inner.output)
        }
        spans.append(.init(range: start..<output.count, style: image ? .image(url: url) : .link(url: url)))
        position = end
        return true
    }

    private func matchingBracket(from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < input.count {
            switch input[i] {
            case "\\": i += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The URL inside `( ... )` and the index after `)`.
    private func destination(from start: Int) -> (String, Int)? {
        var i = start
        while i < input.count && input[i] == " " { i += 1 }
        var url: [Unicode.Scalar] = []
        if i < input.count && input[i] == "<" {
            i += 1
            while i < input.count && input[i] != ">" && input[i] != "\n" { url.append(input[i]); i += 1 }
            guard i < input.count && input[i] == ">" else { return nil }
            i += 1
        } else {
            var depth = 0
            while i < input.count, input[i] != " ", input[i] != "\n" {
                if input[i] == "(" { depth += 1 }
                if input[i] == ")" { if depth == 0 { break }; depth -= 1 }
                url.append(input[i])
                i += 1
            }
        }
        while i < input.count && input[i] != ")" { i += 1 }
        guard i < input.count else { return nil }
        let text = String(String.UnicodeScalarView(url.filter { !ControlFilter.isRemovable($0) }))
        return (text, i + 1)
    }

    /// Autolinks are kept as links; `<br>` becomes a break, `<img alt>` its
    /// alt text; other tags are dropped.
    private mutating func angleBracket() -> Bool {
        guard let end = input[position...].firstIndex(of: ">") else { return false }
        let inside = String(String.UnicodeScalarView(input[(position + 1)..<end]))
        if inside.contains("\n") && !inside.hasPrefix("!--") { return false }
        let lower = inside.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") {
            let start = output.count
            emit(inside.unicodeScalars)
            spans.append(.init(range: start..<output.count, style: .link(url: inside)))
        } else if let tag = HTMLTag(inside) {
            switch tag.name {
            case "br": output.append(lineBreaks ? "\n" : " ")
            case "img": if let alt = tag.attribute("alt"), !alt.isEmpty { emit("[image: \(alt)]".unicodeScalars) }
            default: break
            }
        } else {
            return false
        }
        position = end + 1
        return true
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
            output.removeSubrange(opener.position..<(opener.position + opener.length))
            shiftSpans(after: opener.position, by: -opener.length)
            spans.append(.init(range: opener.position..<output.count, style: style))
            return
        }
        if canOpen { openers.append((marker, length, output.count)) }
        output.append(contentsOf: repeatElement(marker, count: length))
    }

    private mutating func shiftSpans(after offset: Int, by delta: Int) {
        for i in spans.indices where spans[i].range.lowerBound >= offset {
            spans[i].range = (spans[i].range.lowerBound + delta)..<(spans[i].range.upperBound + delta)
        }
        for i in openers.indices where openers[i].position > offset { openers[i].position += delta }
    }
}
