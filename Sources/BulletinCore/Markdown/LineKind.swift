/// What a line is, in CommonMark's block structure as far as this product
/// needs it. Byte ranges index the `SourceText` bytes.
public enum LineKind: Equatable, Sendable {
    case blank
    /// Text of a top-level paragraph (it may turn out to be a setext heading).
    case paragraph(content: Range<Int>)
    case atxHeading(level: Int, content: Range<Int>)
    /// Turns the paragraph lines just above into a heading of this level.
    case setextUnderline(level: Int)
    case thematicBreak
    case fenceOpen(info: Range<Int>)
    case fenceClose
    /// A line of fenced or indented code, verbatim after the block's indent.
    case code(content: Range<Int>)
    case html(content: Range<Int>)
    /// A line inside a block quote; `content` is after the `>` markers.
    case quote(content: Range<Int>)
    case listItem(marker: Range<Int>, content: Range<Int>, indent: Int)
    /// A line belonging to the list item above (indented or lazy).
    case listContinuation(content: Range<Int>, indent: Int)
    case frontMatter(content: Range<Int>)
}
