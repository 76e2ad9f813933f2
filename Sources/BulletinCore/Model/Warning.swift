/// Something the reader should know about the input: repaired, dropped or
/// unmatched. `line` is the 1-based physical line it is about, if any.
public struct Warning: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case encoding
        case invalidBytes = "invalid-bytes"
        case controlCharacters = "control-characters"
        case tocUnmatched = "toc-unmatched"
        case missingFromTOC = "missing-from-toc"
        case tocApproximate = "toc-approximate"
        case headingLevel = "heading-level"
    }

    public var line: Int?
    public var kind: Kind
    public var message: String

    public init(line: Int?, kind: Kind, message: String) {
        self.line = line
        self.kind = kind
        self.message = message
    }
}
