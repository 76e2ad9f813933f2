import BulletinCore
@testable import BulletinReader
import Testing

/// Thousands of random keys, clicks, wheel turns and resizes on awkward
/// libraries: the state stays consistent and every frame stays drawable.
@Suite struct RandomInputTests {
    static let libraries: [(String, @Sendable () -> Library)] = [
        ("sample", { Library([BulletinParser.parse(SampleBulletin.text, path: "sample.md")]) }),
        ("empty", { Library([BulletinParser.parse("", path: "empty.md")]) }),
        ("three files, one empty", {
            Library([BulletinParser.parse(SampleBulletin.text, path: "a.md"), BulletinParser.parse("", path: "b.md"),
                     BulletinParser.parse("## 一\n\n### 北京 | 新闻\n\n正文。\n", path: "c.md")],
                    unreadable: [.notText(path: "d.md")])
        }),
        ("no sections", { Library([BulletinParser.parse("# 标题\n\n只有正文。\n\n第二段。\n", path: "p.md")]) }),
    ]

    static let keys: [Key] = Array("jkgG []{}123456789/nNhlzZt<>w? fbq").map { .character($0) }
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab, .backTab,
           .control("d"), .control("u"), .control("f"), .control("b"), .control("l"), .character("北"), .character("京")]

    /// A library that arrives in two parts, as a big set of files does: the
    /// first alone while loading, the whole swapped in part-way through.
    static let loadingName = "loading, then three files"

    @Test(arguments: libraries.map(\.0) + [loadingName])
    func randomInputKeepsTheStateConsistent(name: String) {
        var random = SeededGenerator(seed: UInt64(name.utf8.count) * 7919)
        let loading = name == Self.loadingName
        let full = Self.libraries[loading ? 2 : Self.libraries.firstIndex { $0.0 == name }!].1()
        var state = ReaderState(library: loading ? Library([full.bulletins[0]]) : full, width: 100, height: 30, loading: loading)
        for step in 0..<3000 {
            if loading && step == 1000 { state.finishLoading(full, lineOffset: 0) }
            let event: ReaderEvent
            switch Int.random(in: 0..<20, using: &random) {
            case 0: event = .resize(width: Int.random(in: 1...160, using: &random), height: Int.random(in: 1...60, using: &random))
            case 1: event = .mouse(MouseEvent(.press, x: Int.random(in: -2...170, using: &random), y: Int.random(in: -2...70, using: &random)))
            case 2: event = .mouse(MouseEvent(Bool.random(using: &random) ? .wheelUp : .wheelDown,
                                              x: Int.random(in: 0...160, using: &random), y: Int.random(in: 0...60, using: &random)))
            default: event = .key(Self.keys.randomElement(using: &random)!)
            }
            if case .key(.character("q")) = event, state.overlay == nil, state.search?.editing != true { continue }
            state.handle(event)
            let grid = state.render()
            #expect(grid.width == state.width && grid.height == state.height, "\(name) step \(step)")
            #expect(state.position.node >= 0 && state.position.node < max(1, state.library.nodeCount), "\(name) step \(step)")
            #expect(state.position.line >= 0 && state.position.line < max(1, state.lineCount(state.position.node)), "\(name) step \(step)")
            #expect(state.rows.isEmpty || state.rows.indices.contains(state.cursor), "\(name) step \(step)")
            #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } }, "\(name) step \(step)")
        }
    }
}
