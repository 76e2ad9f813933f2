/// One display line of a laid-out bulletin: text that fits the width, what
/// part of the document it is, and styled ranges (Unicode-scalar offsets).
/// `cat` prints the text; the reader maps roles and styles to a theme.
public struct LayoutLine: Equatable, Sendable {
    public enum Role: Equatable, Sendable {
        case title, section, article, heading, body, quote, code, listItem, rule, metadata, blank
        /// The `====` / `----` under a title or section heading.
        case underline
    }

    public enum Style: Equatable, Sendable {
        case region, emphasis, strong, code, link, strikethrough
        /// A link's `[n]`.
        case reference
        /// A table's `│` and `─`.
        case border
    }

    public struct StyledRange: Equatable, Sendable {
        public var range: Range<Int>
        public var style: Style
    }

    /// Where a link (its text and `[n]`) lies on the line, and its number
    /// in the node: the reader picks and opens links by it.
    public struct LinkPlace: Equatable, Sendable {
        public var range: Range<Int>
        public var number: Int
    }

    public var text: String
    public var role: Role
    public var styles: [StyledRange]
    /// The outline node this line belongs to.
    public var node: Int
    public var links: [LinkPlace]

    public init(text: String, role: Role, styles: [StyledRange] = [], node: Int, links: [LinkPlace] = []) {
        self.text = text
        self.role = role
        self.styles = styles
        self.node = node
        self.links = links
    }
}
