/// Byte-level recognisers for the start of a Markdown line. They look at a
/// few bytes, never decode the line: the outline scan of a 100 MB bulletin
/// touches each line only here.
enum LineText {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Columns of leading whitespace (tabs to the next multiple of 4) and the
    /// index of the first other byte.
    @inline(__always)
    static func indentation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (columns: Int, first: Int) {
        var columns = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == space { columns += 1 } else if b == tab { columns += 4 - columns % 4 } else { break }
            i += 1
        }
        return (columns, i)
    }

    /// The range after removing up to `columns` columns of leading whitespace.
    static func dropColumns(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ columns: Int) -> Range<Int> {
        var used = 0
        var i = range.lowerBound
        while i < range.upperBound && used < columns {
            let b = bytes[i]
            if b == space { used += 1 } else if b == tab { used += 4 - used % 4 } else { break }
            i += 1
        }
        return i..<range.upperBound
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high && (bytes[low] == space || bytes[low] == tab) { low += 1 }
        while high > low && (bytes[high - 1] == space || bytes[high - 1] == tab) { high -= 1 }
        return low..<high
    }

    static func equalsTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        let r = trimmed(bytes, range)
        guard r.count == text.utf8CodeUnitCount else { return false }
        return r.indices.allSatisfy { bytes[$0] == text.utf8Start[$0 - r.lowerBound] }
    }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= range.count else { return false }
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            var k = 0
            while k < needle.count && asciiLower(bytes[i + k]) == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    static func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// `#`s, then space or end: the level and the content without the
    /// optional closing sequence. `range` starts at the first non-space byte.
    static func atxHeading(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (level: Int, content: Range<Int>)? {
        var i = range.lowerBound
        while i < range.upperBound && bytes[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - range.lowerBound
        guard (1...6).contains(level) else { return nil }
        guard i == range.upperBound || bytes[i] == space || bytes[i] == tab else { return nil }
        var content = trimmed(bytes, i..<range.upperBound)
        var end = content.upperBound
        while end > content.lowerBound && bytes[end - 1] == UInt8(ascii: "#") { end -= 1 }
        if end == content.lowerBound {
            content = content.lowerBound..<content.lowerBound
        } else if end < content.upperBound && (bytes[end - 1] == space || bytes[end - 1] == tab) {
            content = trimmed(bytes, content.lowerBound..<end)
        }
        return (level, content)
    }

    static func setextLevel(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let r = trimmed(bytes, range)
        guard let first = r.first.map({ bytes[$0] }), first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return nil }
        guard r.allSatisfy({ bytes[$0] == first }) else { return nil }
        return first == UInt8(ascii: "=") ? 1 : 2
    }

    static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let firstIndex = range.first else { return false }
        let marker = bytes[firstIndex]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_") else { return false }
        var count = 0
        for i in range {
            let b = bytes[i]
            if b == marker { count += 1 } else if b != space && b != tab { return false }
        }
        return count >= 3
    }

    static func fenceOpening(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (marker: UInt8, length: Int, info: Range<Int>)? {
        guard let firstIndex = range.first else { return nil }
        let marker = bytes[firstIndex]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        var i = firstIndex
        while i < range.upperBound && bytes[i] == marker { i += 1 }
        let length = i - firstIndex
        guard length >= 3 else { return nil }
        let info = trimmed(bytes, i..<range.upperBound)
        if marker == UInt8(ascii: "`") && info.contains(where: { bytes[$0] == marker }) { return nil }
        return (marker, length, info)
    }

    static func isFenceClose(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, marker: UInt8, length: Int) -> Bool {
        let r = trimmed(bytes, range)
        return r.count >= length && r.allSatisfy { bytes[$0] == marker }
    }

    /// Content after a `>` marker and its optional space.
    static func quoteContent(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        // One level: a quote's content is parsed again as a document, so a
        // `>` left in it is a quote inside the quote.
        var i = range.lowerBound
        if i < range.upperBound && bytes[i] == UInt8(ascii: ">") {
            i += 1
            if i < range.upperBound && (bytes[i] == space || bytes[i] == tab) { i += 1 }
        }
        return i..<range.upperBound
    }

    struct ListItem {
        var marker: Range<Int>
        var content: Range<Int>
        var contentIndent: Int
        var canInterruptParagraph: Bool
    }

    /// `-`/`+`/`*` or up to nine digits with `.`/`)`, then whitespace or end.
    static func listItem(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, indent: Int) -> ListItem? {
        let start = range.lowerBound
        var i = start
        var ordered = false
        let b = bytes[i]
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "*") {
            i += 1
        } else {
            while i < range.upperBound && i - start < 9 && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i > start, i < range.upperBound, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")") else { return nil }
            ordered = true
            i += 1
        }
        let marker = start..<i
        guard i == range.upperBound || bytes[i] == space || bytes[i] == tab else { return nil }
        let content = trimmed(bytes, i..<range.upperBound)
        let markerWidth = i - start
        let gap = min(max(content.lowerBound - i, 1), 4)
        let startsWithOne = !ordered || (markerWidth == 2 && bytes[start] == UInt8(ascii: "1"))
        return ListItem(marker: marker, content: content, contentIndent: indent + markerWidth + gap,
                        canInterruptParagraph: !content.isEmpty && startsWithOne)
    }

    static let knownMetadataKeys: Set<String> = [
        "title", "date", "author", "authors", "subject", "issue", "edition", "volume", "source",
        "tags", "summary", "description", "published", "from", "to", "标题", "日期", "期号", "作者", "来源",
    ]

    /// A front-matter key that names the bulletin's title.
    static func isTitleKey(_ key: String) -> Bool {
        ["title", "标题"].contains(key.lowercased())
    }

    /// A link reference definition on this line (`[label]: url`); only
    /// lines starting with `[` are looked at.
    static func linkDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (label: String, url: String)? {
        guard let first = range.first(where: { bytes[$0] != 0x20 }), bytes[first] == UInt8(ascii: "[") else { return nil }
        return LinkReferences.definition(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
    }

    /// `Key: value` with a short key of letters, digits, spaces, `-` or `_`.
    static func metadataField(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (key: String, value: String)? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let key = text[..<colon]
        guard !key.isEmpty, key.count <= 24, let head = key.first, head.isLetter,
              key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }) else { return nil }
        var value = text[text.index(after: colon)...].trimmingSpaces
        // YAML's quoted scalars: the quotes are syntax, not the value.
        if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
        return (String(key), ControlFilter.singleLine(value))
    }

    static func endsHTMLBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ start: HTMLBlockStart.End) -> Bool {
        switch start {
        case .blankLine: false
        case .marker(let marker): contains(bytes, (range.lowerBound + 1)..<range.upperBound, marker)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace (Unicode), as a String.
    public var trimmingSpaces: String { Substring(self).trimmedOfSpaces }
}

extension Substring {
    var trimmedOfSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !SearchFolding.isWhitespace($0.value) }),
              let last = scalars.lastIndex(where: { !SearchFolding.isWhitespace($0.value) }) else { return "" }
        return String(self[first...last])
    }
}
