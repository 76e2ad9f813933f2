/// Splits `Region | Headline` (also `｜`, any spaces) at the first bar that
/// is not escaped, not inside link text and not inside a code span.
public enum RegionSplit {
    static func split(_ markdown: String) -> (region: String?, headline: String)? {
        let scalars = Array(markdown.unicodeScalars)
        var bracketDepth = 0
        var inCode = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\\": i += 1
            case "`": inCode.toggle()
            case "[" where !inCode: bracketDepth += 1
            case "]" where !inCode: bracketDepth = max(0, bracketDepth - 1)
            case "|", "｜":
                if !inCode && bracketDepth == 0 {
                    let region = String(String.UnicodeScalarView(scalars[..<i])).trimmingSpaces
                    let headline = String(String.UnicodeScalarView(scalars[(i + 1)...])).trimmingSpaces
                    guard !headline.isEmpty else { return nil }
                    return (region.isEmpty ? nil : region, headline)
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// `Region | Headline`, or the headline alone: how every output shows an article.
    public static func join(region: String?, headline: String) -> String {
        region.map { "\($0) | \(headline)" } ?? headline
    }

    /// True when the heading has the `Region | Headline` shape.
    static func hasRegion(_ markdown: String) -> Bool {
        split(markdown)?.region != nil
    }
}
