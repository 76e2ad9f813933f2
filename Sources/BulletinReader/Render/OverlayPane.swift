import BulletinCore

/// Help (`?`) and warnings (`w`): a bordered box over the panes, scrollable.
extension ReaderState {
    func drawOverlay(_ overlay: Overlay, _ grid: inout CellGrid) {
        if case .links(let node) = overlay { return drawLinkList(node, &grid) }
        let box = overlayBox(overlay)
        let (x, y) = (box.x, box.y)
        let body = CellStyle(.body)
        drawFrame(box, &grid)
        // Only the entries on screen are wrapped: there may be thousands of warnings.
        let top = min(overlayTop, box.lastTop)
        let style = overlay == .warnings ? CellStyle(.warning) : body
        var row = 0, entry = top
        while row < box.visible && entry < box.entries.count {
            for line in box.entries[entry].wrapped(width: box.inner) where row < box.visible {
                grid.write(line, x: x + 2, y: y + 2 + row, limit: x + 2 + box.inner, style: style)
                row += 1
            }
            entry += 1
        }
        let more = box.lastTop > 0 ? " \(top + 1)-\(entry) of \(box.entries.count) · j/k scroll" : ""
        grid.write(more + " · Esc closes ", x: x + 2, y: y + box.height - 1, limit: x + box.width - 1, style: CellStyle(.muted))
    }

    /// An overlay's box: cleared, bordered, titled.
    func drawFrame(_ box: OverlayBoxLayout, _ grid: inout CellGrid) {
        let (x, y) = (box.x, box.y)
        let border = CellStyle(.border)
        grid.fill(x: x, y: y, width: box.width, height: box.height, style: CellStyle(.body))
        let rule = String(repeating: "─", count: box.width - 2)
        grid.write("┌" + rule + "┐", x: x, y: y, style: border)
        grid.write("└" + rule + "┘", x: x, y: y + box.height - 1, style: border)
        for row in 1..<(box.height - 1) {
            grid.write("│", x: x, y: y + row, style: border)
            grid.write("│", x: x + box.width - 1, y: y + row, style: border)
        }
        grid.write(" \(box.title) ", x: x + 2, y: y, style: CellStyle(.title))
    }
}
