import BulletinCore

/// The screen as values: `render` draws into it, tests read it, and the
/// terminal backend copies it out. All text enters through `write`, which
/// measures display width itself, clips at a limit column without splitting
/// a wide character, and turns any control character into U+FFFD.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    public var ambiguousWide = false

    public init(width: Int, height: Int, style: CellStyle = CellStyle(.body)) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) { put(column, row, .blank(style)) }
        }
    }

    /// Writes `text` from column `x` of row `y`, stopping before column
    /// `limit` (default: the grid's width). A wide character that would
    /// cross the limit is replaced by a blank. Returns the next column.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, limit: Int? = nil, style: CellStyle) -> Int {
        let end = min(limit ?? width, width)
        guard y >= 0, y < height else { return x }
        var column = x
        var last: Int?  // index of the last cell written, for combining marks
        for scalar in text.unicodeScalars {
            let printable = Self.isControl(scalar) ? "\u{FFFD}" : scalar
            let w = DisplayWidth.of(printable, ambiguousWide: ambiguousWide)
            if w == 0 {
                if let last { cells[last].append(mark: printable) }
                continue
            }
            if column + w > end {
                if column < end, column >= 0 { put(column, y, .blank(style)) }
                return end
            }
            if column >= 0 {
                put(column, y, Cell(printable, width: UInt8(w), style: style))
                if w == 2 { put(column + 1, y, .continuation(style)) }
                last = y * width + column
            }
            column += w
        }
        return column
    }

    /// Stores a cell without leaving half a wide character behind: a wide
    /// character partly overwritten becomes a blank in its other half.
    /// By column and row: the column is needed, and finding it from the
    /// index took an integer division per cell written.
    private mutating func put(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        if cells[i].isContinuation, !cell.isContinuation, x > 0 { cells[i - 1] = .blank(cells[i - 1].style) }
        if cells[i].width == 2, cell.width != 2, x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = .blank(cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// C0, DEL and C1 controls: never sent to a terminal.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// The text of row `y`, continuation cells skipped (for tests and captures).
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].text }
        return out
    }

    public var lines: [String] { (0..<height).map(line) }
}
