/// GFM tables as a grid: `│` between columns, a `─` rule under the header,
/// cells padded by display width and aligned as the delimiter row says.
/// A table wider than the width wraps its widest cells; one whose columns
/// cannot each have two columns of text is shown row by row as
/// `Header: cell` lines. Either way every cell's text is there.
extension DocumentLayout {
    static let columnSeparator = " │ "
    static let ruleJoint = "─┼─"

    func table(_ table: Table, node: Int, numbering: inout LinkNumbering) -> [LayoutLine] {
        let count = table.header.count
        // Links numbered in reading order: the header, then row by row.
        let header = table.header.map { linked($0, &numbering) }
        let rows = table.rows.map { $0.map { linked($0, &numbering) } }
        let separators = DisplayWidth.of(Self.columnSeparator) * (count - 1)
        guard let widths = columnWidths(([header] + rows).map { $0.map(\.text.text) }, available: width - separators) else {
            return stacked(header: header, rows: rows, node: node)
        }
        var out = self.row(header, widths: widths, alignments: table.alignments, header: true, node: node)
        let rule = widths.map { String(repeating: "─", count: $0) }.concatenated(separator: Self.ruleJoint)
        out.append(LayoutLine(text: rule, role: .rule, styles: [.init(range: 0..<rule.unicodeScalars.count, style: .border)], node: node))
        for cells in rows { out += row(cells, widths: widths, alignments: table.alignments, header: false, node: node) }
        return out
    }

    /// Narrower columns than this (unless their text is) read worse than rows of `Header: cell`.
    static let minimumColumn = 4

    /// Each column's width: its widest line where all fit, else the widest
    /// columns cut to a common cap so that the sum fits. Nil when the
    /// columns cannot each have `minimumColumn` (or their own width).
    func columnWidths(_ cells: [[String]], available: Int) -> [Int]? {
        let count = cells.first?.count ?? 0
        guard count > 0 else { return nil }
        var natural = [Int](repeating: 1, count: count)
        for row in cells {
            for (c, text) in row.enumerated() {
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    natural[c] = max(natural[c], DisplayWidth.of(line, ambiguousWide: ambiguousWide, limit: available))
                }
            }
        }
        guard natural.reduce(0, +) > available else { return natural }
        guard natural.reduce(0, { $0 + min($1, Self.minimumColumn) }) <= available else { return nil }
        // The largest cap with sum(min(natural, cap)) <= available, then the rest to the widest.
        var low = Self.minimumColumn, high = natural.max()!
        while low < high {
            let mid = (low + high + 1) / 2
            if natural.reduce(0, { $0 + min($1, mid) }) <= available { low = mid } else { high = mid - 1 }
        }
        var widths = natural.map { min($0, low) }
        var spare = available - widths.reduce(0, +)
        for c in widths.indices where spare > 0 && natural[c] > widths[c] {
            widths[c] += 1
            spare -= 1
        }
        return widths
    }

    /// One table row: each cell wrapped to its column, the row as tall as its tallest cell.
    func row(_ cells: [(text: InlineText, places: [LayoutLine.LinkPlace])], widths: [Int], alignments: [Table.Alignment],
             header: Bool, node: Int) -> [LayoutLine] {
        let wrapped = cells.enumerated().map { c, cell in
            let ranges = LineBreaker.wrap(cell.text.text, width: widths[c], ambiguousWide: ambiguousWide)
            return (cell: cell, ranges: ranges, scalars: Array(cell.text.text.unicodeScalars))
        }
        let height = wrapped.map(\.ranges.count).max() ?? 1
        var lines: [LayoutLine] = []
        for k in 0..<height {
            var text = String.UnicodeScalarView()
            var styles: [LayoutLine.StyledRange] = [], links: [LayoutLine.LinkPlace] = []
            for (c, cell) in wrapped.enumerated() {
                if c > 0 {
                    styles.append(.init(range: (text.count + 1)..<(text.count + 2), style: .border))
                    text.append(contentsOf: Self.columnSeparator.unicodeScalars)
                }
                let range = k < cell.ranges.count ? cell.ranges[k] : 0..<0
                let piece = cell.scalars[range]
                let gap = max(0, widths[c] - DisplayWidth.of(String(scalars: piece), ambiguousWide: ambiguousWide))
                let before = alignments[c] == .right ? gap : alignments[c] == .center ? gap / 2 : 0
                text.append(contentsOf: repeatElement(" ", count: before))
                let start = text.count
                text.append(contentsOf: piece)
                if k < cell.ranges.count {
                    let (spans, places) = Self.distribute(cell.cell.text, cell.cell.places, over: [range]) { _ in start }
                    styles += spans[0]
                    links += places[0]
                    if header, !piece.isEmpty { styles.append(.init(range: start..<text.count, style: .strong)) }
                }
                if c + 1 < wrapped.count { text.append(contentsOf: repeatElement(" ", count: gap - before)) }
            }
            while text.last == " " { text.removeLast() }  // an empty or centred last cell
            lines.append(LayoutLine(text: String(text), role: .body, styles: styles, node: node, links: links))
        }
        return lines
    }

    /// Too narrow for a grid: each row as `Header: cell` lines, rows apart.
    func stacked(header: [(text: InlineText, places: [LayoutLine.LinkPlace])],
                 rows: [[(text: InlineText, places: [LayoutLine.LinkPlace])]], node: Int) -> [LayoutLine] {
        var out: [LayoutLine] = []
        for (r, cells) in rows.enumerated() {
            if r > 0 { out.append(blank(node)) }
            for (c, cell) in cells.enumerated() {
                let name = header[c].text.text.replacing("\n", with: " ")
                var prefixed = cell.text
                let label = name.isEmpty ? "" : name + ": "
                prefixed.insert([.init(offset: 0, text: label, style: .strong)])
                let shifted = cell.places.map { LayoutLine.LinkPlace(range: ($0.range.lowerBound + label.unicodeScalars.count)..<($0.range.upperBound + label.unicodeScalars.count), number: $0.number) }
                out += lines(prefixed, places: shifted, role: .body, node: node)
            }
        }
        return out
    }
}
