import BulletinReader
import CNcursesOutput
import CNcursesw

/// The first frame as the bytes that paint it, made without ncurses'
/// refresh: on the way to the first paint, handing 4,800 cells to ncurses
/// and its `doupdate` were 4.3 M of the 9.6 M instructions from `exec`.
/// Every sequence comes from terminfo (cursor address, clear, normal
/// attributes) or from ncurses' own `vid_puts` (each change of style), so
/// what the terminal receives is what ncurses would send, laid out more
/// simply: each row addressed at its first column, its text and its style
/// changes.
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
        var sequences = StyleChanges(styles: styles)
        bytes.reserveCapacity(grid.width * grid.height * 3 + 256)
        bytes += toNormal + clear
        var current = StyleChanges.normal  // the terminal's style: normal after the clear
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
                    guard sequences.index(of: style) == StyleChanges.normal else { break }
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
                        guard let change = sequences.change(from: current, to: wanted) else { return nil }
                        bytes += change
                        current = wanted
                    }
                    currentStyle = cell.style
                }
                guard cell.first < 0x80 || !TerminalScreen.ncursesWidthDiffers(cell.first, from: cell.width) else { return nil }
                for scalar in cell.scalars { UTF8.encode(scalar) { bytes.append($0) } }
            }
        }
        if current != StyleChanges.normal {
            guard let change = sequences.change(from: current, to: StyleChanges.normal) else { return nil }
            bytes += change
        }
        // The cursor home (ncurses, not knowing where it is, moves it absolutely first).
        guard let home = shim_cursor_address(0, 0).flatMap(Self.expanded) else { return nil }
        bytes += home
    }

    /// Styles numbered so that those drawn alike compare equal (by their
    /// sequence from normal, asked of ncurses once a style: a frame has a
    /// few), and the change from one to another as ncurses' `vid_puts` would
    /// send it (only what differs: a colour, not a reset and the colour),
    /// asked once a pair.
    private struct StyleChanges {
        /// The number of normal attributes, default colours.
        static let normal = 0
        let styles: TerminalStyles
        /// A style as ncurses takes it: attributes without colour, and a pair.
        typealias Look = (attributes: UInt32, pair: Int32)
        /// By number: the first style given it, and its sequence from normal.
        private var numbered: [(look: Look, fromNormal: [UInt8])] = [((UInt32(shim_A_NORMAL), 0), [])]
        /// By part and attributes: -1 not asked yet, -2 none that fits.
        private var numbers = [Int16](repeating: -1, count: ThemePart.allCases.count << 8)
        /// By `from << 16 | to`.
        private var changes: [Int: [UInt8]] = [:]

        init(styles: TerminalStyles) { self.styles = styles }

        mutating func index(of style: CellStyle) -> Int? {
            let key = style.part.ordinal << 8 | Int(style.extra.rawValue)
            switch numbers[key] {
            case -1: break
            case -2: return nil
            case let known: return Int(known)
            }
            let (attributes, pair) = styles.attributes(for: style)
            let look: Look = (UInt32(attributes & ~shim_A_COLOR), Int32(pair))
            guard let made = Self.change(from: numbered[Self.normal].look, to: look) else {
                numbers[key] = -2
                return nil
            }
            let number = numbered.firstIndex { $0.fromNormal == made } ?? numbered.count
            if number == numbered.count { numbered.append((look, made)) }
            numbers[key] = Int16(number)
            return number
        }

        mutating func change(from: Int, to: Int) -> [UInt8]? {
            let key = from << 16 | to
            if let known = changes[key] { return known }
            let made = Self.change(from: numbered[from].look, to: numbered[to].look)
            changes[key] = made
            return made
        }

        private static func change(from: Look, to: Look) -> [UInt8]? {
            DirectPaint.collected { ncurses_style_change(from.attributes, from.pair, to.attributes, to.pair, $0, $1) }
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
