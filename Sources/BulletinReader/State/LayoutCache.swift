import BulletinCore

/// Laid-out lines of the nodes the reader has shown, by node and width.
/// A memo, not state: whatever it holds, `lines(_:width:)` answers the same,
/// so update and render stay pure while laying out only what is visible.
public final class LayoutCache: @unchecked Sendable {
    let library: Library
    let ambiguousWide: Bool
    private var numbers: [Int: HeadingNumbers] = [:]  // by bulletin, for every width
    /// By `key(node, width)`: an `Int` key, not a struct, as a dictionary
    /// keyed by a type of our own costs a scan of every conformance in the
    /// binary at its first use, on the way to the first frame.
    private var layouts: [Int: DocumentLayout.NodeLayout] = [:]
    /// Control characters that HTML entities in article text decoded to, by
    /// global node: found while parsing bodies, reported under `w`.
    private(set) var removedControls: [Int: Int] = [:]

    static func key(_ node: Int, _ width: Int) -> Int { node << 16 | min(width, 0xFFFF) }
    static let capacity = 4096

    init(library: Library, ambiguousWide: Bool) {
        self.library = library
        self.ambiguousWide = ambiguousWide
    }

    func lines(_ node: Int, width: Int) -> [LayoutLine] { layout(node, width: width).lines }

    /// The node's links, numbered as its lines show them.
    func links(_ node: Int, width: Int) -> [NumberedLink] { layout(node, width: width).links }

    private func layout(_ node: Int, width: Int) -> DocumentLayout.NodeLayout {
        let key = Self.key(node, width)
        if let cached = layouts[key] { return cached }
        if layouts.count >= Self.capacity { layouts.removeAll(keepingCapacity: true) }
        let (b, n) = library.locate(node)
        let bulletin = library.bulletins[b]
        let headingNumbers = numbers[b] ?? HeadingNumbers(bulletin.outline)
        numbers[b] = headingNumbers
        let layout = DocumentLayout(bulletin: bulletin, width: width, ambiguousWide: ambiguousWide, numbers: headingNumbers)
        let blocks = bulletin.blocks(of: n)
        let removed = blocks.reduce(0) { $0 + $1.removedControls }
        if removed > 0 { removedControls[node] = removed }
        let result = layout.layout(n, blocks: blocks)
        layouts[key] = result
        return result
    }

    func lineCount(_ node: Int, width: Int) -> Int { lines(node, width: width).count }
}
