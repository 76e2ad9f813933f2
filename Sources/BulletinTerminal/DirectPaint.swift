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
        bytes.reserveCapacity(grid.width * grid.height * 3 + 256)
        bytes += toNormal + clear
        var current = StyleSequences.normal  // the terminal's style: normal after the clear
        var currentStyle: CellStyle?
        let cells = grid.cells
        for y in 0..<grid.height {
            let row = y * grid.width
            // Blanks in normal style at the end of a row are the clear's already.
            var end = grid.width
            var normalStyle: CellStyle?  // the last style seen to be normal (one lookup a row)
            while end > 0, cells[row + end - 1].isSpace {
                let style = cells[row + end - 1].style
                if style != normalStyle {
                    guard sequences.index(of: style) == StyleSequences.normal else { break }
                    normalStyle = style
                }
                end -= 1
            }
            guard end > 0 else { continue }
            guard let address = shim_cursor_address(Int32(y), 0).flatMap(Self.expanded) else { return nil }
            bytes += address
            for x in 0..<end {
                let cell = cells[row + x]
                if cell.isContinuation { continue }
                if cell.style != currentStyle {
                    guard let wanted = sequences.index(of: cell.style) else { return nil }
                    if wanted != current {
                        if current != StyleSequences.normal { bytes += toNormal }
                        bytes += sequences.sequences[wanted]
                        current = wanted
                    }
                    currentStyle = cell.style
                }
                guard cell.first < 0x80 || !TerminalScreen.ncursesWidthDiffers(cell.first, from: cell.width) else { return nil }
                for scalar in cell.scalars { UTF8.encode(scalar) { bytes.append($0) } }
            }
        }
        if current != StyleSequences.normal { bytes += toNormal }
        // The cursor home (ncurses, not knowing where it is, moves it absolutely first).
        guard let home = shim_cursor_address(0, 0).flatMap(Self.expanded) else { return nil }
        bytes += home
    }

    /// Each style's sequence, asked of ncurses once (a frame has a few
    /// styles), and numbered so that styles drawn alike compare equal.
    private struct StyleSequences {
        /// The number of the empty sequence: normal attributes, default colours.
        static let normal = 0
        let styles: TerminalStyles
        private(set) var sequences: [[UInt8]] = [[]]
        /// By part and attributes: -1 not asked yet, -2 none that fits.
        private var numbers = [Int16](repeating: -1, count: ThemePart.allCases.count << 8)

        init(styles: TerminalStyles) { self.styles = styles }

        mutating func index(of style: CellStyle) -> Int? {
            let key = style.part.ordinal << 8 | Int(style.extra.rawValue)
            switch numbers[key] {
            case -1: break
            case -2: return nil
            case let known: return Int(known)
            }
            let (attributes, pair) = styles.attributes(for: style)
            guard let made = DirectPaint.collected({ ncurses_style_sequence(attributes & ~shim_A_COLOR, Int32(pair), $0, $1) }) else {
                numbers[key] = -2
                return nil
            }
            let number = sequences.firstIndex(of: made) ?? sequences.count
            if number == sequences.count { sequences.append(made) }
            numbers[key] = Int16(number)
            return number
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
