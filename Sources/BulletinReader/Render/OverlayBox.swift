import BulletinCore

/// Help (`?`) and warnings (`w`): a bordered box over the panes, scrollable.
extension ReaderState {
    func drawOverlay(_ overlay: Overlay, _ grid: inout CellGrid) {
        let (title, lines) = overlay == .help ? ("Keys", helpLines) : ("Warnings", warningsText)
        let boxWidth = min(width - 2, max(40, min(100, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)))
        let inner = boxWidth - 4
        let wrapped = lines.flatMap { line in line.isEmpty ? [""] : LineBreaker.wrapLines(line, width: inner) }
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

    var helpLines: [String] {
        let labelWidth = KeyMap.bindings.map { DisplayWidth.of($0.label) }.max() ?? 0
        func line(_ label: String, _ help: String) -> String {
            label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label) + 2) + help
        }
        return KeyMap.bindings.map { line($0.label, $0.help) } + [""] + KeyMap.mouseHelp.map { line($0.label, $0.help) }
    }

    var warningsText: [String] {
        let lines = warningLines
        return lines.isEmpty ? ["No warnings: every TOC line has its article and the input needed no repair."] : lines
    }
}
