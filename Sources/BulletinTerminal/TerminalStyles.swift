import BulletinReader
import CNcursesw

/// The theme as ncurses colour pairs and attributes: one pair per part,
/// colours mapped to the nearest the terminal has.
struct TerminalStyles {
    /// By `ThemePart.ordinal`.
    private var pairs = [(attributes: attr_t, pair: Int16)](repeating: (0, 0), count: ThemePart.allCases.count)

    init(theme: Theme) {
        let colors = has_colors() && start_color() == OK ? Int(shim_colors()) : 0
        if colors > 0 { use_default_colors() }
        // Without colours a colour theme loses its selection and matches
        // (they are backgrounds); the monochrome theme marks them with attributes.
        let theme = colors == 0 && theme.usesColour ? ThemeCatalog.monochrome ?? theme : theme
        for (k, part) in ThemePart.allCases.enumerated() {
            let style = theme[part]
            var pair: Int16 = 0
            if colors > 0 && k + 1 < Int(shim_color_pairs()) {
                let fg = style.foreground.number(forTerminalColors: colors)
                let bg = style.background.number(forTerminalColors: colors)
                if fg >= 0 || bg >= 0 {
                    pair = Int16(k + 1)
                    init_pair(pair, Int16(fg), Int16(bg))
                }
            }
            pairs[part.ordinal] = (Self.attributes(style.attributes), pair)
        }
    }

    func attributes(for style: CellStyle) -> (attr_t, Int16) {
        let base = pairs[style.part.ordinal]
        return (base.attributes | Self.attributes(style.extra), base.pair)
    }

    static func attributes(_ set: TextAttributes) -> attr_t {
        var value = shim_A_NORMAL
        if set.contains(.bold) { value |= shim_A_BOLD }
        if set.contains(.dim) { value |= shim_A_DIM }
        if set.contains(.italic) { value |= shim_A_ITALIC }
        if set.contains(.underline) { value |= shim_A_UNDERLINE }
        if set.contains(.reverse) { value |= shim_A_REVERSE }
        return value
    }
}
