/// What a terminal must be sent to go from the grid it shows to the next:
/// the backend writes exactly these cells and nothing else decides.
public enum ScreenDiff {
    public struct Changes: Equatable, Sendable {
        /// Clear the screen first: nothing shown yet, or the size changed.
        public var clear: Bool
        /// Cells to write, row by row; never a continuation cell (its wide
        /// character is written from the cell before it).
        public var cells: [Position]
    }

    public struct Position: Equatable, Sendable {
        public var x: Int
        public var y: Int
    }

    public static func changes(from shown: CellGrid?, to next: CellGrid) -> Changes {
        guard let shown, shown.width == next.width, shown.height == next.height else {
            var all: [Position] = []
            all.reserveCapacity(next.width * next.height)
            for y in 0..<next.height { for x in 0..<next.width where !next[x, y].isContinuation { all.append(Position(x: x, y: y)) } }
            return Changes(clear: true, cells: all)
        }
        var changed: [Position] = []
        for y in 0..<next.height {
            for x in 0..<next.width {
                let cell = next[x, y]
                if cell.isContinuation { continue }
                // A wide character is written again when its second half changed.
                let same = shown[x, y] == cell && (cell.width == 1 || (x + 1 < next.width && shown[x + 1, y] == next[x + 1, y]))
                if !same { changed.append(Position(x: x, y: y)) }
            }
        }
        return Changes(clear: false, cells: changed)
    }
}
