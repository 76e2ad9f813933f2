/// Outline numbering: sections (and other top-level nodes) `1.`, `2.`,
/// their children `1.1`, `1.2`, deeper `1.2.1`. Numbers are written into a
/// stream on demand: `toc` prints one per node of outlines with 100,000 nodes.
public struct HeadingNumbers: Sendable {
    /// Position among the parent's numbered children (0: not numbered).
    private let ordinal: [Int]
    private let parent: [Int]

    public init(_ outline: Outline) {
        var ordinal = [Int](repeating: 0, count: outline.count)
        var parent = [Int](repeating: 0, count: outline.count)
        var childCounts = [Int](repeating: 0, count: outline.count)
        for (i, node) in outline.nodes.enumerated() {
            guard let p = node.parent, node.kind != .preamble else { continue }
            childCounts[p] += 1
            ordinal[i] = childCounts[p]
            parent[i] = p
        }
        self.ordinal = ordinal
        self.parent = parent
    }

    /// Writes node `index`'s number (nothing for the bulletin and preamble).
    public func write(_ index: Int, to out: inout some TextOutputStream) {
        guard ordinal[index] > 0 else { return }
        writeDigits(index, to: &out)
        if parent[index] == 0 { out.write(".") }
    }

    /// `1`, `1.2`, `1.2.1`: the number without the top level's trailing dot.
    private func writeDigits(_ index: Int, to out: inout some TextOutputStream) {
        if parent[index] != 0 {
            writeDigits(parent[index], to: &out)
            out.write(".")
        }
        out.write(String(ordinal[index]))
    }

    public subscript(index: Int) -> String {
        var text = ""
        write(index, to: &text)
        return text
    }
}
