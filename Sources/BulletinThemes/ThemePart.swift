/// The parts of the screen a theme styles; each is a table in a theme file.
public enum ThemePart: String, CaseIterable, Sendable {
    case body, title
    case sectionTitle = "section-title"
    case headline, region, quote, code, link
    /// Rules under headings, metadata, fold markers, hints.
    case muted
    case tocSection = "toc-section"
    case tocArticle = "toc-article"
    case selection, match, status, prompt, border, warning
}

extension ThemePart {
    /// The part's place in `allCases`: an array index for the lookups done
    /// for every cell drawn, where hashing the raw string cost more than the
    /// drawing itself.
    public var ordinal: Int {
        switch self {
        case .body: 0
        case .title: 1
        case .sectionTitle: 2
        case .headline: 3
        case .region: 4
        case .quote: 5
        case .code: 6
        case .link: 7
        case .muted: 8
        case .tocSection: 9
        case .tocArticle: 10
        case .selection: 11
        case .match: 12
        case .status: 13
        case .prompt: 14
        case .border: 15
        case .warning: 16
        }
    }
}
