import BulletinCore

/// The status line (file, section i/N, article j/M, position, hints or a
/// message) and, while searching, the prompt line below it.
extension ReaderState {
    func drawStatus(at bar: Frame.Rect, prompt: Frame.Rect?, _ grid: inout CellGrid) {
        let y = bar.y
        let style = CellStyle(.status)
        grid.fill(x: 0, y: y, width: width, height: 1, style: style)
        let place = self.place
        let file = Self.fileName(library.path(place.bulletin))
        var left = " \(file)"
        if library.bulletins.count > 1 { left += " (\(place.bulletin + 1)/\(library.bulletins.count))" }
        left += "  §\(place.section == 0 ? "–" : String(place.section))/\(place.sections)"
        if place.articles > 0 { left += "  article \(place.article == 0 ? "–" : String(place.article))/\(place.articles)" }
        left += "  \(percent)%"
        if focus == .toc { left += "  [TOC]" }
        if loading { left += "  " + (progress ?? "loading…") }
        if rescanning { left += "  rescanning…" }
        let warnings = warningCount  // what `w` lists
        var right = search.map { s in s.text.isEmpty || s.editing ? "" : "“\(s.text)”: \(s.hitCount) hit(s)  " } ?? ""
        right += "? help  q quit "
        var column = grid.write(left, x: 0, y: y, style: style)
        if let message {
            column = grid.write("  " + message, x: column, y: y, style: CellStyle(.warning))
        } else if warnings > 0 {
            column = grid.write("  w: \(warnings) warning\(warnings == 1 ? "" : "s")", x: column, y: y, style: CellStyle(.warning))
        }
        let rightWidth = DisplayWidth.of(right)
        if column + rightWidth + 1 <= width { grid.write(right, x: width - rightWidth, y: y, style: style) }
        if let search, let prompt { drawPrompt(search, y: prompt.y, into: &grid) }
    }

    /// The file name without directories ("standard input" for `-`).
    static func fileName(_ path: String) -> String {
        path == "-" ? "standard input" : path.split(separator: "/").last.map(String.init) ?? path
    }

    func drawPrompt(_ search: Search, y: Int, into grid: inout CellGrid) {
        let style = CellStyle(.prompt)
        grid.fill(x: 0, y: y, width: width, height: 1, style: style)
        let count = search.text.isEmpty ? "Enter jumps · Esc cancels" :
            search.matches.isEmpty ? "no match" : "\(search.hitCount) match\(search.matches.count == 1 && search.pending.isEmpty ? "" : "es")"
        let countWidth = count.count + 1
        // Keep the end of a long query in view, like a shell prompt.
        var shown = search.text
        let room = max(1, width - countWidth - 3)
        while DisplayWidth.of(shown) > room { shown.removeFirst() }
        let column = grid.write("/" + shown, x: 0, y: y, style: style)
        grid.write("▏", x: column, y: y, style: style)
        if width - countWidth > column + 1 {
            grid.write(count, x: width - countWidth, y: y, style: CellStyle(search.matches.isEmpty && !search.text.isEmpty ? .warning : .muted))
        }
    }
}
