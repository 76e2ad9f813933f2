/// A colour as a theme writes it: the terminal's default, a palette index
/// (the 8/16 names are indexes 0-15), or `#rrggbb`. Mapped to the nearest
/// colour the terminal has when drawn.
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case indexed(Int)
    case rgb(Int, Int, Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, a colour name (`bright-` for 8-15), `#rrggbb`, or 0-255.
    public init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" { self = .terminalDefault; return }
        if let k = Self.names.firstIndex(of: lower) { self = .indexed(k); return }
        if lower.hasPrefix("bright-"), let k = Self.names.firstIndex(of: String(lower.dropFirst(7))) { self = .indexed(k + 8); return }
        if lower.hasPrefix("#"), lower.count == 7, let v = Int(lower.dropFirst(), radix: 16) {
            self = .rgb(v >> 16, (v >> 8) & 0xFF, v & 0xFF)
            return
        }
        return nil
    }

    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .indexed(index)
    }

    /// The colour number to use on a terminal with `colors` colours, or -1
    /// for the terminal's default.
    public func number(forTerminalColors colors: Int) -> Int {
        switch self {
        case .terminalDefault:
            return -1
        case .indexed(let k) where k < colors:
            return k
        case .indexed(let k) where k < 16:
            return k - 8  // bright on an 8-colour terminal: the plain colour
        case .indexed(let k):
            return Self.nearest(Self.rgb(ofIndex: k), among: min(colors, 16))
        case .rgb(let r, let g, let b):
            return colors >= 256 ? Self.nearest256((r, g, b)) : Self.nearest((r, g, b), among: min(colors, 16))
        }
    }

    /// xterm's default RGB for palette indexes 0-15.
    static let basic: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex k: Int) -> (Int, Int, Int) {
        if k < 16 { return basic[k] }
        if k >= 232 { let v = 8 + 10 * (k - 232); return (v, v, v) }
        let c = k - 16
        return (cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }

    static func nearest(_ color: (Int, Int, Int), among count: Int) -> Int {
        (0..<max(1, count)).min { distance(basic[$0], color) < distance(basic[$1], color) } ?? 0
    }

    /// Nearest of the 6x6x6 cube and the grey ramp (16-255).
    static func nearest256(_ color: (Int, Int, Int)) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(color.0) + 6 * level(color.1) + level(color.2)
        let average = (color.0 + color.1 + color.2) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return distance(rgb(ofIndex: grey), color) < distance(rgb(ofIndex: cube), color) ? grey : cube
    }
}
