/// One block of an article body.
public enum Block: Equatable, Sendable {
    case paragraph(InlineText)
    /// A heading inside a block quote or list item: content, not outline.
    case heading(level: Int, InlineText)
    /// `level` counts from 0 for top-level items.
    case listItem(marker: String, level: Int, InlineText)
    case quote(InlineText)
    /// Code blocks and tables, kept line by line with tabs expanded.
    case preformatted([String])
    case rule
}
