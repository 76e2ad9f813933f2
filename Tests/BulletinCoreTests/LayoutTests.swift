import Testing
@testable import BulletinCore

@Suite struct WidthTests {
    @Test func widthsComeFromTheUnicodeTables() {
        #expect(DisplayWidth.of("A" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("中" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("，" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("Ａ" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("가" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("😀" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{200B}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("“" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("“" as Unicode.Scalar, ambiguousWide: true) == 2)
        #expect(DisplayWidth.of("e\u{301}中文abc") == 8)
        // With a limit, counting stops once past it: enough to say "does not fit".
        #expect(DisplayWidth.of("e\u{301}中文abc", limit: 8) == 8)
        #expect(DisplayWidth.of("中文abc", limit: 3) == 4)
        #expect(DisplayWidth.of(String(repeating: "中", count: 100_000), limit: 10) == 12)
    }
}

@Suite struct WrappingTests {
    /// Column where each line's text ends.
    func columns(_ lines: [String]) -> [Int] { lines.map { DisplayWidth.of($0) } }

    @Test func cjkFillsTheLineTwoColumnsPerCharacter() {
        let lines = LineBreaker.wrapLines("一二三四五六七八九十", width: 7)
        #expect(lines == ["一二三", "四五六", "七八九", "十"])
        #expect(columns(lines) == [6, 6, 6, 2])
    }

    @Test func closingPunctuationNeverStartsALine() {
        let lines = LineBreaker.wrapLines("一二三四，五六。", width: 8)
        // "一二三四" fills 8 columns, but "，" may not start a line: "四" moves down with it.
        #expect(lines == ["一二三", "四，五", "六。"])
        #expect(columns(lines) == [6, 6, 4])
        for line in LineBreaker.wrapLines(String(repeating: "要闻，“新闻”（地方）。", count: 6), width: 11) {
            #expect(!LineBreaker.noStart.contains(line.unicodeScalars.first!))
            #expect(!LineBreaker.noEnd.contains(line.unicodeScalars.last!))
        }
    }

    @Test func openingPunctuationNeverEndsALine() {
        let lines = LineBreaker.wrapLines("一二三《四五》", width: 8)
        #expect(lines == ["一二三", "《四五》"])
    }

    @Test func latinWordsAreNotSplitUnlessTooLong() {
        #expect(LineBreaker.wrapLines("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(LineBreaker.wrapLines("abcdefghijkl xy", width: 5) == ["abcde", "fghij", "kl xy"])
        #expect(LineBreaker.wrapLines("中文English混排text", width: 9) == ["中文", "English混", "排text"])
    }

    @Test func wrapsAtOddWidthsWithoutOverflow() {
        let text = String(repeating: "第四届“工友杯”职工创业创新大赛 2021 年启动，abc def。", count: 5)
        for width in [1, 2, 3, 5, 7, 13, 21, 33] {
            for line in LineBreaker.wrapLines(text, width: width) {
                #expect(DisplayWidth.of(line) <= max(width, 2), "width \(width): \(line)")
            }
        }
    }

    @Test func catNumbersHeadingsAndWrapsWithHangingIndent() throws {
        let bulletin = try Fixtures.parse("messy-bulletin.md")
        let text = PlainText.render(bulletin, width: 40).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "城乡建设工作简报（第 12 期）")
        #expect(lines[1] == String(repeating: "=", count: 28))
        #expect(lines.contains("1. 住房保障"))
        let deep = try #require(lines.firstIndex(of: "2.1 广东深圳 | 2022 年新增公交专用道"))
        #expect(lines[deep + 1] == "    120 公里")
        #expect(lines.contains("3.2 江苏无锡 | 运河沿岸历史街区完成修繕"))
        #expect(!text.contains("本条目录没有对应文章"))
        for line in lines { #expect(DisplayWidth.of(line) <= 40) }
    }
}

@Suite struct BlockTests {
    @Test func linesJoinWithoutSpacesInCJKAndWithSpacesInLatin() {
        let bulletin = BulletinParser.parse("## A\n\n中文第一行\n第二行\nlatin one\ntwo\n")
        #expect(bulletin.blocks(of: 1) == [.paragraph(InlineText(text: "中文第一行第二行latin one two"))])
    }

    @Test func tablesAreTablesAndListsAreItems() {
        let bulletin = BulletinParser.parse("## A\n\n| 地区 | 数量 |\n|---|---:|\n| 北京 | 3 |\n\n- one\n- two\n  - nested\n\n> quote *here*\n\n---\n")
        let blocks = bulletin.blocks(of: 1)
        #expect(blocks[0] == .table(Table(alignments: [.left, .right], header: [InlineText(text: "地区"), InlineText(text: "数量")],
                                          rows: [[InlineText(text: "北京"), InlineText(text: "3")]])))
        #expect(blocks[1] == .listItem(marker: "-", level: 0, InlineText(text: "one")))
        #expect(blocks[3] == .listItem(marker: "-", level: 1, InlineText(text: "nested")))
        #expect(blocks[4] == .quote([.paragraph(InlineText(text: "quote here", spans: [.init(range: 6..<10, style: .emphasis)]))]))
        #expect(blocks[5] == .rule)
    }

    @Test func shortOrFinishedParagraphsAreNotJoined() {
        let bulletin = BulletinParser.parse("""
        ## A

        2021年6月3日

        新华社北京电，会议召开。

        The meeting of the committee started

        then it ended.

        Short label

        lowercase text follows.
        """)
        let texts = bulletin.blocks(of: 1).map { block -> String in
            if case .paragraph(let t) = block { return t.text }
            return ""
        }
        #expect(texts == ["2021年6月3日", "新华社北京电，会议召开。", "The meeting of the committee started then it ended.",
                          "Short label", "lowercase text follows."])
    }
}

/// Inline Markdown on text built to make a parser rescan: each must come out
/// as the text it is (no link, tag or emphasis can form), and the parser is
/// linear in its input (bench/README.md times these).
@Suite struct HostileInlineTests {
    static let inputs: [(String, String)] = [
        ("unmatched brackets", String(repeating: "[", count: 30000) + "x"),
        ("links never closed", String(repeating: "[a](", count: 20000)),
        ("angle brackets", String(repeating: "<", count: 30000) + ">"),
        ("tags never closed", String(repeating: "<a ", count: 20000)),
        ("lone stars", String(repeating: "* ", count: 30000)),
    ]

    @Test(arguments: inputs.map(\.0))
    func hostileRunsStayText(name: String) {
        let input = Self.inputs.first { $0.0 == name }!.1
        let parsed = InlineText(markdown: input)
        #expect(parsed.text == input && parsed.spans.isEmpty)
    }

    @Test func linksHoldNoLinksAndLongURLsStayText() {
        let nested = InlineText(markdown: String(repeating: "[", count: 5000) + "x" + String(repeating: "](u)", count: 5000))
        #expect(nested.urls == ["u"], "one link, the outermost: link text holds no links")
        let long = "[a](" + String(repeating: "u", count: 2000) + ")"
        #expect(InlineText(markdown: long).text == long)
        #expect(InlineText(markdown: "[a](https://example.com/x)").urls == ["https://example.com/x"])
    }

    @Test func emphasisMarkersAreRemovedAndSpansFollow() {
        let text = InlineText(markdown: "一*二*三**四**五 [六*七*](u) `*八*`")
        #expect(text.text == "一二三四五 六七 *八*")
        let styled = text.spans.map { span in
            (String(String.UnicodeScalarView(Array(text.text.unicodeScalars)[span.range])), span.style)
        }
        #expect(styled.contains { $0 == ("二", .emphasis) })
        #expect(styled.contains { $0 == ("四", .strong) })
        #expect(styled.contains { $0 == ("七", .emphasis) })
        #expect(styled.contains { $0 == ("六七", .link(url: "u")) })
        #expect(styled.contains { $0 == ("*八*", .code) })
    }
}
