import BulletinCore

/// The link list (`f`): a box over the panes, one row per link: its number,
/// its text, its URL (muted, cut with `…`); the selected row highlighted.
extension ReaderState {
    func drawLinkList(_ node: Int, _ grid: inout CellGrid) {
        let list = links(of: node)
        let box = linkListBox(node)
        guard box.height >= 4, box.width >= 8 else { return }
        drawFrame(box, &grid)
        let numberWidth = String(list.count).count
        let top = min(overlayTop, box.lastTop)
        for row in 0..<min(box.visible, list.count - top) {
            let k = top + row
            let link = list[k]
            let selected = k == linkSelected
            let y = box.y + 2 + row, x = box.x + 2, limit = box.x + 2 + box.inner
            let pick = { (part: ThemePart) in CellStyle(selected ? .selection : part) }
            if selected { grid.fill(x: x, y: y, width: box.inner, height: 1, style: pick(.body)) }
            let number = String(repeating: " ", count: numberWidth - String(link.number).count) + String(link.number)
            var column = grid.write(number + "  ", x: x, y: y, limit: limit, style: pick(.muted))
            // The text takes up to half the row; the URL what is left.
            let textLimit = min(limit, column + max(8, (limit - column) / 2))
            column = writeCut(link.text, x: column, y: y, limit: textLimit, style: pick(.link), into: &grid)
            column = grid.write("  ", x: column, y: y, limit: limit, style: pick(.body))
            writeCut(link.url, x: column, y: y, limit: limit, style: pick(.muted), into: &grid)
        }
        let footer = " \(linkSelected + 1) of \(list.count) · j/k pick · Enter or a number opens · Esc closes "
        grid.write(footer, x: box.x + 2, y: box.y + box.height - 1, limit: box.x + box.width - 1, style: CellStyle(.muted))
    }

    /// Writes `text`, ending with `…` where it does not fit before `limit`.
    @discardableResult
    func writeCut(_ text: String, x: Int, y: Int, limit: Int, style: CellStyle, into grid: inout CellGrid) -> Int {
        let flat = text.replacing("\n", with: " ")
        guard DisplayWidth.of(flat, ambiguousWide: grid.ambiguousWide, limit: limit - x) > limit - x else {
            return grid.write(flat, x: x, y: y, limit: limit, style: style)
        }
        let end = grid.write(flat, x: x, y: y, limit: limit - 1, style: style)
        return grid.write("…", x: end, y: y, limit: limit, style: style)
    }
}
