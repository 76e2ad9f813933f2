import BulletinCore

/// Help (`?`) and warnings (`w`): a bordered box over the panes, scrollable.
extension ReaderState {
    func drawOverlay(_ overlay: Overlay, _ grid: inout CellGrid) {
        let (title, entries) = overlay == .help ? ("Keys", helpEntries) : ("Warnings", warningEntries)
        let boxWidth = min(width - 2, max(40, min(100, (entries.map(\.width).max() ?? 0) + 4)))
        let inner = boxWidth - 4
        let wrapped = entries.flatMap { $0.wrapped(width: inner) }
        let boxHeight = min(paneHeight, wrapped.count + 4)
        let x = (width - boxWidth) / 2, y = max(0, (paneHeight - boxHeight) / 2)
        let visible = boxHeight - 4
        let top = min(overlayTop, max(0, wrapped.count - visible))
        let border = CellStyle(.border), body = CellStyle(.body)
        grid.fill(x: x, y: y, width: boxWidth, height: boxHeight, style: body)
        let rule = String(repeating: "─", count: boxWidth - 2)
        grid.write("┌" + rule + "┐", x: x, y: y, style: border)
        grid.write("└" + rule + "┘", x: x, y: y + boxHeight - 1, style: border)
        for row in 1..<(boxHeight - 1) {
            grid.write("│", x: x, y: y + row, style: border)
            grid.write("│", x: x + boxWidth - 1, y: y + row, style: border)
        }
        grid.write(" \(title) ", x: x + 2, y: y, style: CellStyle(.title))
        for k in 0..<max(0, visible) where top + k < wrapped.count {
            let style = overlay == .warnings ? CellStyle(.warning) : body
            grid.write(wrapped[top + k], x: x + 2, y: y + 2 + k, limit: x + 2 + inner, style: style)
        }
        let more = wrapped.count > visible ? " \(top + 1)-\(min(wrapped.count, top + visible)) of \(wrapped.count) · j/k scroll" : ""
        grid.write(more + " · Esc closes ", x: x + 2, y: y + boxHeight - 1, limit: x + boxWidth - 1, style: CellStyle(.muted))
    }

    /// One key per entry, its help wrapped beside the key column.
    var helpEntries: [OverlayEntry] {
        let labelWidth = KeyMap.bindings.map { DisplayWidth.of($0.label) }.max() ?? 0
        func entry(_ label: String, _ help: String) -> OverlayEntry {
            OverlayEntry(lead: label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label) + 2), text: help)
        }
        return KeyMap.bindings.map { entry($0.label, $0.help) } + [OverlayEntry(text: "")] + KeyMap.mouseHelp.map { entry($0.label, $0.help) }
    }

    var warningEntries: [OverlayEntry] {
        let lines = warningLines
        let texts = lines.isEmpty ? ["No warnings: every TOC line has its article and the input needed no repair."] : lines
        return texts.map { OverlayEntry(text: $0, hang: 2) }
    }
}

/// A line of an overlay: text after a lead (a key column), wrapped so its
/// continuation lines start under the text, or `hang` columns in.
struct OverlayEntry {
    var lead = ""
    var text: String
    var hang = 0

    /// Where the text starts on continuation lines (and after the lead).
    var indent: Int { max(DisplayWidth.of(lead), hang) }
    /// Columns the entry needs to fit on one line.
    var width: Int { indent + DisplayWidth.of(text) }

    func wrapped(width: Int) -> [String] {
        guard !text.isEmpty else { return [lead] }
        let lines = LineBreaker.wrapLines(text, width: max(1, width - indent))
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { k, line in (k == 0 ? lead : pad) + line }
    }
}
