import BulletinCore

/// The article pane: the library as one continuous wrapped text from
/// `position`, laying out only the nodes that reach the screen.
extension ReaderState {
    func drawArticle(in pane: Frame.Rect, _ grid: inout CellGrid) {
        let x = pane.x + 1, limit = pane.x + 1 + textWidth
        for (row, p) in paneRows.enumerated() {
            draw(lines(p.node)[p.line], x: x, y: pane.y + row, limit: limit, into: &grid)
        }
    }

    func draw(_ line: LayoutLine, x: Int, y: Int, limit: Int, into grid: inout CellGrid) {
        let base = CellStyle(Self.part(for: line.role))
        let ranges = line.styles.map { ($0.range, Self.style($0.style, over: base)) }
        StyledRun(text: line.text, base: base, ranges: ranges).draw(&grid, x: x, y: y, limit: limit)
    }

    static func part(for role: LayoutLine.Role) -> ThemePart {
        switch role {
        case .title: .title
        case .section: .sectionTitle
        case .article, .heading: .headline
        case .body, .listItem, .blank: .body
        case .quote: .quote
        case .code: .code
        case .rule, .metadata, .underline: .muted
        }
    }

    static func style(_ style: LayoutLine.Style, over base: CellStyle) -> CellStyle {
        switch style {
        case .region: CellStyle(.region)
        case .code: CellStyle(.code)
        case .link: CellStyle(.link)
        case .reference: CellStyle(.muted)
        case .border: CellStyle(.border)
        case .strong: CellStyle(base.part, extra: .bold)
        case .emphasis: CellStyle(base.part, extra: .italic)
        // ncurses has no strike-through attribute: struck text is dimmed.
        case .strikethrough: CellStyle(base.part, extra: .dim)
        }
    }
}
