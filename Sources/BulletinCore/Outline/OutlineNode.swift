/// One navigable place in a bulletin: the bulletin itself, its preamble, a
/// section, an article, or a deeper heading. Nodes live in one flat array in
/// document order; `parent` indexes that array.
public struct OutlineNode: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case bulletin, preamble, section, article, heading
    }

    public var kind: Kind
    /// Markdown heading level as written (1-6); 0 where there is no heading.
    public var level: Int
    /// Place in the outline after repair: bulletin 0, sections 1, ...
    public var depth: Int
    /// Heading text with inline markup removed.
    public var text: String
    public var region: String?
    /// The text without its region.
    public var headline: String
    /// 1-based first line (the heading line).
    public var line: Int
    /// Byte offsets of the node's own body: after its heading, up to the next node.
    public var bodyStart: Int
    public var bodyEnd: Int
    /// 1-based line where the body starts.
    public var bodyLine: Int
    public var parent: Int?
    /// Line of the matching TOC entry, for articles.
    public var tocLine: Int?

    public init(kind: Kind, level: Int, depth: Int, text: String, region: String?, headline: String, line: Int,
                bodyStart: Int, bodyEnd: Int, bodyLine: Int, parent: Int? = nil, tocLine: Int? = nil) {
        self.kind = kind
        self.level = level
        self.depth = depth
        self.text = text
        self.region = region
        self.headline = headline
        self.line = line
        self.bodyStart = bodyStart
        self.bodyEnd = bodyEnd
        self.bodyLine = bodyLine
        self.parent = parent
        self.tocLine = tocLine
    }

    /// `Region | Headline`, or the headline alone.
    public var displayTitle: String {
        RegionSplit.join(region: region, headline: headline)
    }
}
