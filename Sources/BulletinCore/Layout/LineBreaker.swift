/// Greedy line breaking by display width with the rules for Chinese:
/// break between CJK characters, after spaces between Latin words, never
/// before closing punctuation or after opening punctuation; a Latin word is
/// split only when it is longer than the whole line.
public enum LineBreaker {
    /// Must not start a line.
    static let noStart = ScalarSet("，。、；：？！）》」』”’〕］｝〉】〗・…‥,.;:?!)]}%‰℃·ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ")
    /// Must not end a line.
    static let noEnd = ScalarSet("（《「『“‘〔［｛〈【〖([{")

    /// Lines of `text` as ranges of Unicode-scalar offsets, each at most
    /// `width` columns (a single character wider than the line stands alone).
    /// LF in the text is a forced break. Trailing spaces are not included.
    public static func wrap(_ text: String, width: Int, ambiguousWide: Bool = false) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        let widths = scalars.map { DisplayWidth.of($0, ambiguousWide: ambiguousWide) }
        // Each scalar's classes, found once: a break is tried before each scalar
        // and asked of both neighbours (binary searches of the sets, each time).
        let classes = scalars.indices.map { Classes(scalars[$0], width: ambiguousWide ? DisplayWidth.of(scalars[$0]) : widths[$0]) }
        var lines: [Range<Int>] = []
        var start = 0
        for (i, c) in scalars.enumerated() where c == "\n" {
            wrapSegment(classes, widths, start..<i, width: max(1, width), into: &lines)
            start = i + 1
        }
        wrapSegment(classes, widths, start..<scalars.count, width: max(1, width), into: &lines)
        return lines
    }

    /// What the rules ask of a scalar.
    struct Classes: OptionSet {
        let rawValue: UInt8
        static let space = Classes(rawValue: 1)
        static let zeroWidth = Classes(rawValue: 2)
        /// Two columns, ambiguous characters counted narrow whatever the terminal.
        static let wide = Classes(rawValue: 4)
        static let noStart = Classes(rawValue: 8)
        static let noEnd = Classes(rawValue: 16)
        static let urlBreakAfter = Classes(rawValue: 32)
        static let closingAngle = Classes(rawValue: 64)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `width`: the scalar's columns with ambiguous characters narrow.
        init(_ scalar: Unicode.Scalar, width: Int) {
            var classes: Classes = width == 0 ? .zeroWidth : width == 2 ? .wide : []
            // CJK ideographs are in none of the sets.
            if !(0x4E00...0x9FFF).contains(scalar.value) {
                if scalar == " " { classes.insert(.space) }
                if scalar == ">" { classes.insert(.closingAngle) }
                if LineBreaker.noStart.contains(scalar) { classes.insert(.noStart) }
                if LineBreaker.noEnd.contains(scalar) { classes.insert(.noEnd) }
                if LineBreaker.urlBreaksAfter.contains(scalar) { classes.insert(.urlBreakAfter) }
            }
            self = classes
        }
    }

    /// `wrap`, returning the lines' text.
    public static func wrapLines(_ text: String, width: Int, ambiguousWide: Bool = false) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return wrap(text, width: width, ambiguousWide: ambiguousWide).map { String(scalars: scalars[$0]) }
    }

    /// `text` cut into pieces of at most `width` columns, at any character:
    /// for preformatted text, whose spaces and punctuation must stay as written.
    public static func cut(_ text: String, width: Int, ambiguousWide: Bool = false) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar, ambiguousWide: ambiguousWide)
            if column + w > max(1, width), !current.isEmpty {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
                column = 0
            }
            current.append(scalar)
            column += w
        }
        pieces.append(String(current))
        return pieces
    }

    static func wrapSegment(_ s: [Classes], _ widths: [Int], _ segment: Range<Int>, width: Int, into lines: inout [Range<Int>]) {
        var lineStart = skipSpaces(s, from: segment.lowerBound, to: segment.upperBound)
        if lineStart == segment.upperBound { lines.append(segment.lowerBound..<segment.lowerBound); return }
        var column = 0
        var lastBreak: Int?
        // Inside a word longer than the line (a URL): after `/ ? & = -`.
        var lastURLBreak: Int?
        var i = lineStart
        while i < segment.upperBound {
            if i > lineStart && canBreak(s, before: i) { lastBreak = i }
            if i > lineStart && canBreakURL(s, before: i) { lastURLBreak = i }
            if column + widths[i] > width && i > lineStart && widths[i] > 0 {
                var breakAt = lastBreak ?? lastURLBreak ?? i
                // A hard cut never leaves closing punctuation or a lone `>` to start the next line.
                if lastBreak == nil, lastURLBreak == nil, !s[i].isDisjoint(with: [.noStart, .closingAngle]), i - 1 > lineStart { breakAt = i - 1 }
                lines.append(lineStart..<trimEnd(s, lineStart, breakAt))
                lineStart = skipSpaces(s, from: breakAt, to: segment.upperBound)
                i = lineStart
                column = 0
                lastBreak = nil
                lastURLBreak = nil
                continue
            }
            column += widths[i]
            i += 1
        }
        if lineStart < segment.upperBound { lines.append(lineStart..<trimEnd(s, lineStart, segment.upperBound)) }
    }

    static func canBreak(_ s: [Classes], before i: Int) -> Bool {
        let current = s[i], previous = s[i - 1]
        if !current.isDisjoint(with: [.space, .zeroWidth]) || current.contains(.noStart) || previous.contains(.noEnd) { return false }
        if previous.contains(.space) { return true }
        return previous.contains(.wide) || current.contains(.wide)
    }

    static let urlBreaksAfter = ScalarSet("/?&=-")

    static func canBreakURL(_ s: [Classes], before i: Int) -> Bool {
        let current = s[i]
        return s[i - 1].contains(.urlBreakAfter)
            && current.isDisjoint(with: [.urlBreakAfter, .space, .closingAngle, .noStart, .zeroWidth])
    }

    static func skipSpaces(_ s: [Classes], from i: Int, to end: Int) -> Int {
        var i = i
        while i < end && s[i].contains(.space) { i += 1 }
        return i
    }

    static func trimEnd(_ s: [Classes], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start && s[end - 1].contains(.space) { end -= 1 }
        return end
    }
}
