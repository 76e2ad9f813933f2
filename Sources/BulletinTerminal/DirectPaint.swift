import BulletinReader
import CNcursesOutput
import CNcursesw

/// The first frame as the bytes that paint it, made without ncurses'
/// refresh: on the way to the first paint, handing 4,800 cells to ncurses
/// and its `doupdate` were 4.3 M of the 9.6 M instructions from `exec`.
/// Every sequence comes from terminfo (cursor address, clear, normal
/// attributes) or from ncurses' own `vid_puts` (each style), so what the
/// terminal receives is what ncurses would send, laid out more simply: each
/// row addressed at its first column, its text and its style changes.
/// Nil where this terminal or this grid needs ncurses' own care (no cursor
/// addressing, a margin that scrolls at the last cell, attributes that take
/// a cell, or a character ncurses measures otherwise than the grid).
struct DirectPaint {
    private(set) var bytes: [UInt8] = []

    init?(_ grid: CellGrid, styles: TerminalStyles) {
        guard let clear = shim_tigetstr("clear").flatMap(Self.expanded), let normal = shim_tigetstr("sgr0").flatMap(Self.expanded),
              shim_tigetflag("am") == 0 || shim_tigetflag("xenl") != 0, shim_magic_cookie_glitch() == 0
        else { return nil }
        // Back to normal attributes and default colours, as ncurses leaves the terminal.
        let toNormal = (shim_tigetstr("op").flatMap(Self.expanded) ?? []) + normal
        var sequences = StyleSequences(styles: styles)
        bytes.reserveCapacity(grid.width * grid.height * 2)
        bytes += toNormal + clear
        var current: [UInt8] = []  // the style the terminal is in: none after the clear
        var currentStyle: CellStyle?
        let cells = grid.cells
        for y in 0..<grid.height {
            let row = y * grid.width
            // Blanks in normal style at the end of a row are the clear's already.
            var end = grid.width
            while end > 0, cells[row + end - 1].text == " ", sequences[cells[row + end - 1].style]?.isEmpty == true { end -= 1 }
            guard end > 0 else { continue }
            guard let address = shim_cursor_address(Int32(y), 0).flatMap(Self.expanded) else { return nil }
            bytes += address
            for x in 0..<end {
                let cell = cells[row + x]
                if cell.isContinuation { continue }
                if cell.style != currentStyle {
                    guard let wanted = sequences[cell.style] else { return nil }
                    if wanted != current {
                        if !current.isEmpty { bytes += toNormal }
                        bytes += wanted
                        current = wanted
                    }
                    currentStyle = cell.style
                }
                var text = cell.text
                let placed = text.withUTF8 { utf8 in
                    for byte in utf8 { bytes.append(byte) }
                    guard let lead = utf8.first, lead >= 0x80 else { return true }
                    return !TerminalScreen.ncursesWidthDiffers(Self.firstScalar(utf8), from: cell.width)
                }
                guard placed else { return nil }
            }
        }
        if !current.isEmpty { bytes += toNormal }
        // The cursor home (ncurses, not knowing where it is, moves it absolutely first).
        guard let home = shim_cursor_address(0, 0).flatMap(Self.expanded) else { return nil }
        bytes += home
    }

    /// The first scalar of UTF-8 that starts with a multi-byte sequence (a String's: valid).
    private static func firstScalar(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = UInt32(utf8[0])
        let (count, bits): (Int, UInt32) = lead >= 0xF0 ? (4, lead & 0x07) : lead >= 0xE0 ? (3, lead & 0x0F) : (2, lead & 0x1F)
        var value = bits
        for k in 1..<min(count, utf8.count) { value = value << 6 | UInt32(utf8[k] & 0x3F) }
        return value
    }

    /// Each style's sequence, asked of ncurses once (a frame has a few styles).
    private struct StyleSequences {
        let styles: TerminalStyles
        private var known: [CellStyle] = []
        private var sequences: [[UInt8]?] = []

        init(styles: TerminalStyles) { self.styles = styles }

        subscript(style: CellStyle) -> [UInt8]? {
            mutating get {
                if let k = known.firstIndex(of: style) { return sequences[k] }
                let (attributes, pair) = styles.attributes(for: style)
                let made = DirectPaint.collected { ncurses_style_sequence(attributes & ~shim_A_COLOR, Int32(pair), $0, $1) }
                known.append(style)
                sequences.append(made)
                return made
            }
        }
    }

    /// What a C function wrote into a buffer, nil when it did not fit.
    fileprivate static func collected(_ write: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> [UInt8]? {
        var out = [CChar](repeating: 0, count: 512)
        let length = Int(write(&out, Int32(out.count)))
        return length < 0 ? nil : out[..<length].map { UInt8(bitPattern: $0) }
    }

    /// A terminfo string as ncurses sends it: padding expanded.
    private static func expanded(_ string: UnsafePointer<CChar>) -> [UInt8]? {
        collected { ncurses_expand(string, $0, $1) }
    }
}
