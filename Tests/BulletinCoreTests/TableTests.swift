@testable import BulletinCore
import Testing

/// GFM tables (issue 8): parsed cells and alignments, a grid that fits.
@Suite struct TableTests {
    static let markdown = """
    ## A

    | 地区 | 数量 | 说明 |
    |:---|---:|:-:|
    | 北京 | 3 | 第一行<br>第二行 [链接](https://x.invalid/) |
    | 上海市浦东新区 | 12345 | 很长很长的说明文字需要换行才能放得下这一整段内容，also some English words to wrap |
    | `a|b` \\| c | 👨‍👩‍👧 |
    """

    @Test func cellsAlignmentsAndRaggedRowsParse() throws {
        let bulletin = BulletinParser.parse(Self.markdown)
        guard case .table(let table) = bulletin.blocks(of: 1).first else { Issue.record("no table"); return }
        #expect(table.alignments == [.left, .right, .center])
        #expect(table.header.map(\.text) == ["地区", "数量", "说明"])
        #expect(table.rows.count == 3)
        #expect(table.rows[0][2].text == "第一行\n第二行 链接")
        #expect(table.rows[0][2].urls == ["https://x.invalid/"])
        #expect(table.rows[2].map(\.text) == ["a|b | c", "👨‍👩‍👧", ""])  // padded to the header's count
    }

    @Test func theGridFitsEveryWidthAndKeepsEveryCell() {
        let bulletin = BulletinParser.parse(Self.markdown)
        let cells = ["地区", "数量", "说明", "北京", "3", "第一行", "第二行", "链接", "上海市浦东新区", "12345",
                     "很长很长的说明文字需要换行才能放得下这一整段内容，also some English words to wrap", "a|b | c", "👨‍👩‍👧"]
        for width in [12, 30, 60, 100] {
            let lines = DocumentLayout(bulletin: bulletin, width: width).lines(for: 1).map(\.text).dropFirst(3)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            // A grid's columns read top to bottom; rows of `Header: cell` read as they are.
            var columns = ["", "", ""]
            if lines.contains(where: { $0.contains("│") }) {
                for line in lines where !line.contains("┼") {
                    for (c, part) in line.split(separator: "│", omittingEmptySubsequences: false).enumerated() { columns[c] += part }
                }
            } else {
                columns = [lines.joined()]
            }
            let squeezed = columns.map { $0.filter { $0 != " " } }
            for cell in cells {
                #expect(squeezed.contains { $0.contains(cell.filter { $0 != " " }) }, "\(width): \(cell) in \(lines)")
            }
        }
    }

    @Test func alignmentAndTheRuleUnderTheHeader() {
        let bulletin = BulletinParser.parse("## A\n\n| L | R | C |\n|:--|--:|:-:|\n| a | b | c |\n| long | longer | longest |\n")
        let lines = Array(DocumentLayout(bulletin: bulletin, width: 80).lines(for: 1).map(\.text).dropFirst(3))
        #expect(lines[0] == "L    │      R │    C")
        #expect(lines[1] == "─────┼────────┼────────")
        #expect(lines[2] == "a    │      b │    c")
        #expect(lines[3] == "long │ longer │ longest")
    }

    @Test func aMalformedDelimiterRowStaysPreformatted() {
        let bulletin = BulletinParser.parse("## A\n\n| bad | table |\n|---|--x|\n| a | b |\n\n| no | delimiter |\n| a | b |\n")
        let blocks = bulletin.blocks(of: 1)
        #expect(blocks.first == .preformatted(["| bad | table |", "|---|--x|", "| a | b |"]))
        if case .paragraph = blocks.last {} else { Issue.record("a pipe paragraph became \(String(describing: blocks.last))") }
    }

    @Test func linksInCellsAreNumberedInReadingOrder() {
        let bulletin = BulletinParser.parse("## A\n\n| [h](https://h.invalid/) | b |\n|---|---|\n| [x](https://x.invalid/) | [y](https://y.invalid/) |\n")
        let layout = DocumentLayout(bulletin: bulletin, width: 80).layout(1)
        #expect(layout.links.map(\.url) == ["https://h.invalid/", "https://x.invalid/", "https://y.invalid/"])
        #expect(layout.lines[5].text == "x[2] │ y[3]")
        #expect(layout.lines[5].links.map(\.number) == [2, 3])
    }
}
