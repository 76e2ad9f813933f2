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
/// by a continuation cell (width 0, no text) that the backend skips.
///
/// The grapheme is held inline, not as a String: a frame is thousands of
/// cells, and with a String each one made, copied and compared cost a
/// reference count and a heap string (a third of the work of rendering the
/// first frame). A cell holds its first scalar and up to three combining
/// marks after it, as a terminal cell does (ncurses keeps five); marks
/// past those are dropped.
public struct Cell: Equatable, Sendable {
    /// Up to three marks, 21 bits each, the first in the lowest bits (0: none).
    private var marks: UInt64
    /// The first scalar's value; 0 in a continuation cell.
    public private(set) var first: UInt32
    public var width: UInt8
    public var style: CellStyle

    public static let markCapacity = 3
    private static let markBits: UInt64 = 21
    private static let markMask: UInt64 = 1 << markBits - 1

    private init(first: UInt32, width: UInt8, style: CellStyle) {
        marks = 0
        self.first = first
        self.width = width
        self.style = style
    }

    init(_ scalar: Unicode.Scalar, width: UInt8, style: CellStyle) { self.init(first: scalar.value, width: width, style: style) }

    public static func blank(_ style: CellStyle) -> Cell { Cell(" ", width: 1, style: style) }
    static func continuation(_ style: CellStyle) -> Cell { Cell(first: 0, width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
    /// A plain space, no marks: what a cleared terminal cell shows.
    public var isSpace: Bool { first == 0x20 && marks == 0 }

    /// Adds a combining mark after the scalars held; past the capacity it is dropped.
    mutating func append(mark: Unicode.Scalar) {
        guard first != 0 else { return }
        for k in 0..<UInt64(Self.markCapacity) where marks >> (Self.markBits * k) & Self.markMask == 0 {
            marks |= UInt64(mark.value) << (Self.markBits * k)
            return
        }
    }

    /// The grapheme's scalars in order (none in a continuation cell).
    public var scalars: Scalars { Scalars(first: first, marks: marks) }

    /// The grapheme as text ("" in a continuation cell).
    public var text: String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    public struct Scalars: Sequence, IteratorProtocol {
        fileprivate var first: UInt32
        fileprivate var marks: UInt64

        public mutating func next() -> Unicode.Scalar? {
            guard first != 0 else { return nil }
            defer {
                first = UInt32(marks & Cell.markMask)
                marks >>= Cell.markBits
            }
            // Stored from a Unicode.Scalar: always valid.
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        }
    }
}
