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
