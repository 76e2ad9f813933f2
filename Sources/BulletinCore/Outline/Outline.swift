/// The flat array of navigable nodes with the moves a reader makes.
/// Every "next"/"previous" takes a node index and answers a node index.
public struct Outline: Sendable, Equatable {
    public let nodes: [OutlineNode]

    public init(_ nodes: [OutlineNode]) { self.nodes = nodes }

    public var count: Int { nodes.count }
    public subscript(index: Int) -> OutlineNode { nodes[index] }

    public var sectionIndices: [Int] { nodes.indices.filter { nodes[$0].kind == .section } }
    public var articleIndices: [Int] { nodes.indices.filter { nodes[$0].kind == .article } }

    /// Articles whose parent is `section`.
    public func articles(in section: Int) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .article && nodes[$0].parent == section }
    }

    public func nextSection(after index: Int) -> Int? { next(.section, after: index) }
    public func previousSection(before index: Int) -> Int? { previous(.section, before: index) }
    public func nextArticle(after index: Int) -> Int? { next(.article, after: index) }
    public func previousArticle(before index: Int) -> Int? { previous(.article, before: index) }

    /// Section number `n`, counting from 1.
    public func section(number n: Int) -> Int? {
        let sections = sectionIndices
        return n >= 1 && n <= sections.count ? sections[n - 1] : nil
    }

    /// The deepest node whose text contains 1-based line `line`.
    public func node(containingLine line: Int) -> Int {
        SortedSearch.lastIndex(nodes.count, atMost: line) { nodes[$0].line } ?? 0
    }

    /// The section a node belongs to (itself if it is one).
    public func section(containing index: Int) -> Int? {
        ancestor(of: index, kind: .section)
    }

    /// The article a node belongs to (itself if it is one).
    public func article(containing index: Int) -> Int? {
        ancestor(of: index, kind: .article)
    }

    func ancestor(of index: Int, kind: OutlineNode.Kind) -> Int? {
        var current: Int? = index
        while let i = current {
            if nodes[i].kind == kind { return i }
            current = nodes[i].parent
        }
        return nil
    }

    private func next(_ kind: OutlineNode.Kind, after index: Int) -> Int? {
        nodes.indices.dropFirst(index + 1).first { nodes[$0].kind == kind }
    }

    private func previous(_ kind: OutlineNode.Kind, before index: Int) -> Int? {
        nodes.indices.prefix(max(0, index)).last { nodes[$0].kind == kind }
    }
}
