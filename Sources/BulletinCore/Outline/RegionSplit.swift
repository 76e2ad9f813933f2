/// Splits `Region | Headline` (also `｜`, any spaces) at the first bar that
/// is not escaped, not inside link text and not inside a code span.
public enum RegionSplit {
    /// Walks the UTF-8 bytes: this runs for every heading and TOC line.
    static func split(_ markdown: String) -> (region: String?, headline: String)? {
        let utf8 = markdown.utf8
        var bracketDepth = 0
        var inCode = false
        var i = utf8.startIndex
        while i != utf8.endIndex {
            var barEnd: String.Index?
            switch utf8[i] {
            case UInt8(ascii: "\\"):
                i = utf8.index(after: i)
                if i == utf8.endIndex { return nil }
            case UInt8(ascii: "`"): inCode.toggle()
            case UInt8(ascii: "[") where !inCode: bracketDepth += 1
            case UInt8(ascii: "]") where !inCode: bracketDepth = max(0, bracketDepth - 1)
            case UInt8(ascii: "|") where !inCode && bracketDepth == 0:
                barEnd = utf8.index(after: i)
            case 0xEF where !inCode && bracketDepth == 0:  // U+FF5C FULLWIDTH VERTICAL LINE
                let second = utf8.index(after: i)
                if second != utf8.endIndex, utf8[second] == 0xBD {
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0x9C { barEnd = utf8.index(after: third) }
                }
            default: break
            }
            if let barEnd {
                let region = markdown[..<i].trimmingSpaces
                let headline = markdown[barEnd...].trimmingSpaces
                guard !headline.isEmpty else { return nil }
                return (region.isEmpty ? nil : region, headline)
            }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// Between an article's region and its headline, wherever both are shown.
    public static let separator = " | "

    /// `Region | Headline`, or the headline alone: how every output shows an article.
    public static func join(region: String?, headline: String) -> String {
        var text = ""
        write(region: region, headline: headline, to: &text)
        return text
    }

    /// `join` into a stream, without building the string.
    public static func write(region: String?, headline: String, to out: inout some TextOutputStream) {
        if let region {
            out.write(region)
            out.write(separator)
        }
        out.write(headline)
    }

    /// True when the heading has the `Region | Headline` shape.
    static func hasRegion(_ markdown: String) -> Bool {
        split(markdown)?.region != nil
    }
}
