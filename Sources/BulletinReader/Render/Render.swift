/// The reader's pure render: the state drawn into a new cell grid.
extension ReaderState {
    public func render() -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        grid.ambiguousWide = layouts.ambiguousWide
        if tooSmall {
            drawTooSmall(&grid)
            return grid
        }
        let frame = self.frame
        if let toc = frame.toc { drawTOC(in: toc, &grid) }
        if let bar = frame.separator {
            for y in bar.y..<(bar.y + bar.height) { grid.write("│", x: bar.x, y: y, style: CellStyle(.border)) }
        }
        drawArticle(in: frame.article, &grid)
        drawStatus(at: frame.status, prompt: frame.prompt, &grid)
        if let overlay { drawOverlay(overlay, &grid) }
        return grid
    }

    /// A short notice, clipped to whatever room there is (down to 1x1).
    func drawTooSmall(_ grid: inout CellGrid) {
        let lines = ["Terminal too small", "\(width)x\(height): need \(Self.minimumWidth)x\(Self.minimumHeight)", "q quits"]
        let top = max(0, (height - lines.count) / 2)
        for (k, line) in lines.enumerated() where top + k < height {
            let x = max(0, (width - line.count) / 2)
            grid.write(line, x: x, y: top + k, style: CellStyle(k == 0 ? .warning : .body))
        }
    }
}

/// Writes text whose scalar ranges carry their own styles.
struct StyledRun {
    var text: String
    var base: CellStyle
    /// Scalar ranges (in `text`) and their styles; later ones win.
    var ranges: [(range: Range<Int>, style: CellStyle)] = []

    /// Draws from `x` up to `limit`; returns the next column.
    @discardableResult
    func draw(_ grid: inout CellGrid, x: Int, y: Int, limit: Int) -> Int {
        guard !ranges.isEmpty else { return grid.write(text, x: x, y: y, limit: limit, style: base) }
        // Enough scalars to fill the room (zero-width marks aside): a long
        // text is not copied whole for each frame.
        let scalars = Array(text.unicodeScalars.prefix(2 * max(0, limit - x) + 64))
        var styles = [CellStyle](repeating: base, count: scalars.count)
        for (range, style) in ranges {
            for i in max(0, range.lowerBound)..<min(scalars.count, range.upperBound) { styles[i] = style }
        }
        var column = x, start = 0
        while start < scalars.count && column < limit {
            var end = start + 1
            while end < scalars.count && styles[end] == styles[start] { end += 1 }
            column = grid.write(String(scalars: scalars[start..<end]), x: column, y: y, limit: limit, style: styles[start])
            start = end
        }
        return column
    }
}
