import BulletinCore

/// Help (`?`), warnings (`w`) and the link list (`f`): where their box goes
/// and what it holds. Geometry, not drawing: update scrolls by the same numbers.
extension ReaderState {
    /// The link list's box: a row per link.
    func linkListBox(_ node: Int) -> OverlayBoxLayout {
        let count = links(of: node).count
        var box = OverlayBoxLayout(title: "Links", entries: [])
        box.width = min(width - 2, 100)
        box.height = min(paneHeight, count + 4)
        box.x = (width - box.width) / 2
        box.y = max(0, (paneHeight - box.height) / 2)
        box.lastTop = max(0, count - box.visible)
        return box
    }

    /// Where an overlay goes and what it holds; scrolling (by entry) is
    /// clamped with the same numbers.
    struct OverlayBoxLayout {
        var title: String
        var entries: [OverlayEntry]
        var x = 0, y = 0, width = 0, height = 0
        /// The first entry shown when scrolled to the end.
        var lastTop = 0
        var inner: Int { width - 4 }
        var visible: Int { height - 4 }

        /// How many entries fill the box going down from `start` (or, with
        /// `backwards`, going up from just before it): the step of a page.
        func entriesFilling(from start: Int, backwards: Bool = false) -> Int {
            var rows = 0, count = 0
            var k = backwards ? start - 1 : start
            while entries.indices.contains(k) {
                rows += entries[k].wrapped(width: inner).count
                if rows > visible { break }
                count += 1
                k += backwards ? -1 : 1
            }
            return max(1, count)
        }
    }

    func overlayBox(_ overlay: Overlay) -> OverlayBoxLayout {
        var box = overlay == .help ? OverlayBoxLayout(title: "Keys", entries: helpEntries)
            : OverlayBoxLayout(title: "Warnings", entries: warningEntries)
        // Widths and lines are counted only as far as the box can grow.
        var widest = 0
        for entry in box.entries {
            if widest >= 96 { break }
            widest = max(widest, entry.width)
        }
        box.width = min(width - 2, max(40, min(100, widest + 4)))
        var lines = 0
        for entry in box.entries {
            if lines >= paneHeight { break }
            lines += entry.wrapped(width: box.inner).count
        }
        box.height = min(paneHeight, lines + 4)
        box.x = (width - box.width) / 2
        box.y = max(0, (paneHeight - box.height) / 2)
        var fitting = 0
        box.lastTop = box.entries.count
        while box.lastTop > 0 {
            let count = box.entries[box.lastTop - 1].wrapped(width: box.inner).count
            if fitting + count > box.visible { break }
            fitting += count
            box.lastTop -= 1
        }
        box.lastTop = min(box.lastTop, max(0, box.entries.count - 1))
        return box
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
