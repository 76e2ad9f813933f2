/// What a terminal must be sent to go from the grid it shows to the next:
/// the backend writes exactly these cells and nothing else decides.
public enum ScreenDiff {
    /// Cells of one row to write, left to right. A run never starts on a
    /// continuation cell, and holds a wide character's continuation whenever
    /// it holds the character (the backend writes it from the cell before).
    public struct Run: Equatable, Sendable {
        public var y: Int
        public var x: Range<Int>

        public init(y: Int, x: Range<Int>) {
            self.y = y
            self.x = x
        }
    }

    /// Every row whole when nothing is shown yet or the size changed (so
    /// every cell the terminal had is written over), else the runs of cells
    /// that changed.
    public static func runs(from shown: CellGrid?, to next: CellGrid) -> [Run] {
        guard let shown, shown.width == next.width, shown.height == next.height else {
            return next.width == 0 ? [] : (0..<next.height).map { Run(y: $0, x: 0..<next.width) }
        }
        var runs: [Run] = []
        for y in 0..<next.height {
            var start: Int?
            for x in 0..<next.width {
                let cell = next[x, y]
                if cell.isContinuation { continue }  // with its character, in or out of a run
                // A wide character is written again when its second half changed.
                let same = shown[x, y] == cell && (cell.width == 1 || (x + 1 < next.width && shown[x + 1, y] == next[x + 1, y]))
                if !same, start == nil { start = x }
                if same, let first = start {
                    runs.append(Run(y: y, x: first..<x))
                    start = nil
                }
            }
            if let first = start { runs.append(Run(y: y, x: first..<next.width)) }
        }
        return runs
    }
}
