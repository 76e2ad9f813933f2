/// One block of an article body.
public enum Block: Equatable, Sendable {
    case paragraph(InlineText)
    /// A heading inside a block quote or list item: content, not outline.
    case heading(level: Int, InlineText)
    /// `level` counts from 0 for top-level items.
    case listItem(marker: String, level: Int, InlineText)
    /// A block quote's own blocks: paragraphs, lists, nested quotes, code.
    case quote([Block])
    /// Code blocks (and tables gone wrong), kept line by line with tabs expanded.
    case preformatted([String])
    /// A GFM pipe table.
    case table(Table)
    case rule

    /// Control characters its entities decoded to, dropped.
    public var removedControls: Int {
        switch self {
        case .paragraph(let text), .heading(_, let text), .listItem(_, _, let text): text.removedControls
        case .quote(let blocks): blocks.reduce(0) { $0 + $1.removedControls }
        case .table(let table): (table.header + table.rows.joined()).reduce(0) { $0 + $1.removedControls }
        case .preformatted, .rule: 0
        }
    }
}
