/// The one table of keys: it maps events to actions and writes the help
/// screen and the README's key table, so they cannot drift apart.
public enum KeyMap {
    public struct Binding: Sendable {
        public var keys: [Key]
        /// How the keys are shown in help.
        public var label: String
        public var action: ReaderAction
        public var help: String
    }

    static func chars(_ s: String) -> [Key] { s.map { .character($0) } }

    public static let bindings: [Binding] = [
        Binding(keys: chars("j") + [.down], label: "j ↓", action: .scroll(1), help: "Down a line (TOC focused: next entry)"),
        Binding(keys: chars("k") + [.up], label: "k ↑", action: .scroll(-1), help: "Up a line (TOC focused: previous entry)"),
        Binding(keys: chars(" ") + [.pageDown, .control("f")], label: "Space PgDn", action: .page(1), help: "Down a screen (also Ctrl-F)"),
        Binding(keys: chars("b") + [.pageUp, .control("b")], label: "b PgUp", action: .page(-1), help: "Up a screen (also Ctrl-B)"),
        Binding(keys: [.control("d")], label: "Ctrl-D", action: .halfPage(1), help: "Down half a screen"),
        Binding(keys: [.control("u")], label: "Ctrl-U", action: .halfPage(-1), help: "Up half a screen"),
        Binding(keys: chars("g") + [.home], label: "g Home", action: .top, help: "Top"),
        Binding(keys: chars("G") + [.end], label: "G End", action: .bottom, help: "Bottom"),
        Binding(keys: [.tab, .backTab], label: "Tab", action: .switchFocus, help: "Switch focus: TOC / article"),
        Binding(keys: [.enter], label: "Enter", action: .open, help: "Open the TOC entry under the cursor"),
        Binding(keys: chars("]"), label: "]", action: .nextSection, help: "Next section"),
        Binding(keys: chars("["), label: "[", action: .previousSection, help: "Previous section"),
        Binding(keys: chars("}"), label: "}", action: .nextArticle, help: "Next article"),
        Binding(keys: chars("{"), label: "{", action: .previousArticle, help: "Previous article"),
        Binding(keys: [], label: "1-9", action: .section(1), help: "Section 1-9 of this bulletin"),
        Binding(keys: chars("/"), label: "/", action: .startSearch, help: "Search headlines (TOC shows matches as you type)"),
        Binding(keys: chars("n"), label: "n", action: .nextHit, help: "Next search hit"),
        Binding(keys: chars("N"), label: "N", action: .previousHit, help: "Previous search hit"),
        Binding(keys: [.escape], label: "Esc", action: .cancel, help: "Clear the search / close this screen"),
        Binding(keys: chars("h") + [.left], label: "h ←", action: .fold, help: "Fold the section in the TOC"),
        Binding(keys: chars("l") + [.right], label: "l →", action: .unfold, help: "Unfold the section in the TOC"),
        Binding(keys: chars("z"), label: "z", action: .toggleFold, help: "Fold or unfold the section"),
        Binding(keys: chars("Z"), label: "Z", action: .toggleFoldAll, help: "Fold or unfold all sections"),
        Binding(keys: chars("t"), label: "t", action: .toggleTOC, help: "Hide or show the TOC"),
        Binding(keys: chars("<"), label: "<", action: .narrowTOC, help: "Narrow the TOC"),
        Binding(keys: chars(">"), label: ">", action: .widenTOC, help: "Widen the TOC"),
        Binding(keys: chars("m"), label: "m", action: .toggleRead, help: "Mark the article read or unread"),
        Binding(keys: chars("u"), label: "u", action: .nextUnread, help: "Next unread article (newest bulletin first)"),
        Binding(keys: chars("U"), label: "U", action: .previousUnread, help: "Previous unread article"),
        Binding(keys: chars("s"), label: "s", action: .toggleStar, help: "Star or unstar the article"),
        Binding(keys: chars("r"), label: "r", action: .rescan, help: "Rescan the library's folders now (new files appear by themselves too)"),
        Binding(keys: chars("f"), label: "f", action: .showLinks, help: "Links of the part in view: j/k pick, Enter or its number opens"),
        Binding(keys: chars("w"), label: "w", action: .showWarnings, help: "Warnings about the input"),
        Binding(keys: chars("?"), label: "?", action: .showHelp, help: "This help"),
        Binding(keys: [.control("l")], label: "Ctrl-L", action: .redraw, help: "Redraw the screen"),
        Binding(keys: chars("q"), label: "q Ctrl-C", action: .quit, help: "Quit"),
    ]

    /// Mouse lines, for the help screen and README (not keys, so not above).
    public static let mouseHelp: [(label: String, help: String)] = [
        ("click", "Open a TOC entry (on ▾/▸: fold); on a link: the link list, that link picked"),
        ("wheel", "Scroll the pane under the pointer"),
    ]

    static let table: [Key: ReaderAction] = {
        var table: [Key: ReaderAction] = [:]
        for binding in bindings { for key in binding.keys { table[key] = binding.action } }
        for n in 0...9 { table[.character(Character(String(n)))] = .section(n) }  // 0: a link number's digit
        return table
    }()

    /// The action for an event in the main view (nil: ignored).
    public static func action(for event: ReaderEvent, prompt: Bool) -> ReaderAction? {
        switch event {
        case .resize(let width, let height):
            return .resize(width: width, height: height)
        case .mouse(let mouse):
            switch mouse.kind {
            case .press: return .click(x: mouse.x, y: mouse.y)
            case .wheelUp: return .wheel(x: mouse.x, y: mouse.y, lines: -3)
            case .wheelDown: return .wheel(x: mouse.x, y: mouse.y, lines: 3)
            }
        case .key(let key) where prompt:
            switch key {
            case .enter: return .searchSubmit
            case .escape: return .cancel
            case .backspace: return .searchBackspace
            case .control("u"): return .searchClear
            case .control("w"): return .searchDeleteWord
            case .character(let c): return .searchType(String(c))
            default: return nil
            }
        case .key(let key):
            return table[key]
        }
    }
}
