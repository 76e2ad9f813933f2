/// A heading or TOC line as text: the whole text with inline markup removed,
/// and its region and headline parts.
///
/// Most headlines contain no markup at all; for those the split and trim run
/// on the UTF-8 bytes and build each string once. This runs for every heading
/// and TOC line of a file, so it is the outline's hot path.
struct HeadingText {
    var text: String
    var region: String?
    var headline: String
    /// Control characters that entities decoded to and that were dropped.
    var removedControls = 0

    init(markdown: String) {
        var source = markdown
        if let plain = source.withUTF8({ Self.plainParts($0) }) {
            // Slices of an already valid string: no second UTF-8 validation.
            let utf8 = markdown.utf8
            func slice(_ r: Range<Int>) -> Substring {
                markdown[utf8.index(utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)]
            }
            text = plain.text.count == utf8.count ? markdown : String(slice(plain.text))
            region = plain.region.map { String(slice($0)) }
            headline = plain.headline.map { String(slice($0)) } ?? text
            return
        }
        let inline = InlineText(markdown: markdown)
        text = inline.text
        removedControls = inline.removedControls
        let parts = RegionSplit.split(markdown)
        region = parts?.region.map { InlineText(markdown: $0).text }
        headline = parts.map { InlineText(markdown: $0.headline).text } ?? text
    }

    /// Byte ranges of the trimmed text, region and headline (nil headline:
    /// no split), or nil when any byte could start markup: the slow path
    /// handles those.
    private static func plainParts(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (text: Range<Int>, region: Range<Int>?, headline: Range<Int>?)? {
        var bar: Range<Int>?
        for i in bytes.indices {
            let b = bytes[i]
            if InlineText.isMarkupByte(b) || ControlFilter.isSeparatorSequence(bytes, at: i) { return nil }
            if bar == nil {
                if b == UInt8(ascii: "|") {
                    bar = i..<(i + 1)
                } else if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBD, bytes[i + 2] == 0x9C {
                    bar = i..<(i + 3)  // U+FF5C FULLWIDTH VERTICAL LINE
                }
            }
        }
        let whole = UTF8Whitespace.trim(bytes, 0..<bytes.count)
        guard let bar else { return (whole, nil, nil) }
        let headline = UTF8Whitespace.trim(bytes, bar.upperBound..<bytes.count)
        if headline.isEmpty { return (whole, nil, nil) }
        let region = UTF8Whitespace.trim(bytes, 0..<bar.lowerBound)
        return (whole, region.isEmpty ? nil : region, headline)
    }
}

/// Unicode White_Space at the ends of UTF-8 text, found on the bytes.
enum UTF8Whitespace {
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high, let n = length(bytes, at: low, limit: high) { low += n }
        while high > low, let n = lengthEnding(bytes, at: high, limit: low) { high -= n }
        return low..<high
    }

    /// Length of the whitespace character starting at `i`, if it is one.
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> Int? {
        let b = bytes[i]
        if b < 0x80 { return b == 0x20 || (0x09...0x0D).contains(b) ? 1 : nil }
        for n in 2...3 where i + n <= limit {
            if let value = decode(bytes, i, n), SearchFolding.isWhitespace(value) { return n }
        }
        return nil
    }

    /// Length of the whitespace character ending just before `end`, if any.
    static func lengthEnding(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, limit: Int) -> Int? {
        let b = bytes[end - 1]
        if b < 0x80 { return b == 0x20 || (0x09...0x0D).contains(b) ? 1 : nil }
        for n in 2...3 where end - n >= limit {
            if let value = decode(bytes, end - n, n), SearchFolding.isWhitespace(value) { return n }
        }
        return nil
    }

    /// The scalar of an `n`-byte sequence at `i` (2 or 3 bytes), if well formed.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> UInt32? {
        let lead = bytes[i]
        if n == 2, lead & 0xE0 == 0xC0, bytes[i + 1] & 0xC0 == 0x80 {
            return UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        }
        if n == 3, lead & 0xF0 == 0xE0, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
            return UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        }
        return nil
    }
}
