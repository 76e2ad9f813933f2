/// How a cell is drawn: the themed part, plus attributes from inline markup
/// (strong, emphasis, links) that add to the part's own.
public struct CellStyle: Hashable, Sendable {
    public var part: ThemePart
    public var extra: TextAttributes

    public init(_ part: ThemePart, extra: TextAttributes = []) {
        self.part = part
        self.extra = extra
    }
}

/// One terminal cell. A wide character sits in a cell of width 2 followed
/// by a continuation cell (width 0, empty text) that the backend skips.
public struct Cell: Equatable, Sendable {
    /// A printable grapheme (base character plus any combining marks).
    public var text: String
    public var width: UInt8
    public var style: CellStyle

    public static func blank(_ style: CellStyle) -> Cell { Cell(text: " ", width: 1, style: style) }
    static func continuation(_ style: CellStyle) -> Cell { Cell(text: "", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
