import Testing
@testable import BulletinCore

/// Regression tests for the defects of the security review (issue 7), each
/// on the input that showed it.
@Suite struct SecurityReviewTests {
    /// Every byte 0xFF forced through GB18030 becomes U+FFFD: three output
    /// bytes for each input byte, more than the old buffer held (a crash).
    @Test(arguments: [1, 20, 4096, 100_000])
    func invalidGB18030BytesAllBecomeReplacements(count: Int) throws {
        let text = try Fixtures.decode([UInt8](repeating: 0xFF, count: count), forcing: .gb18030)
        #expect(text.string == String(repeating: "\u{FFFD}", count: count))
        #expect(text.warnings.contains { $0.kind == .invalidBytes && $0.message.contains("\(count) invalid") })
    }

    @Test func mixedValidAndInvalidGB18030Decodes() throws {
        // 中 in GB18030 is D6 D0; 0x80 and a lone lead byte at the end are invalid.
        let text = try Fixtures.decode([0xD6, 0xD0, 0x80, 0x41, 0xFF, 0xD6], forcing: .gb18030)
        #expect(text.string == "中\u{FFFD}A\u{FFFD}\u{FFFD}")
    }

    /// A heading whose entity decodes to a line feed would print a second,
    /// forged line of `toc` or `search` output.
    @Test func singleLineFieldsHoldNoLineSeparators() {
        let source = """
        Title: 周报&#10;第二行 \u{2028}x
        Date: 2026-01-01\u{2029}forged

        ## 要闻&#13;节

        ### R&#x0A;x | real&#10;/etc/passwd:1: FORGED > X | injected hit

        ### 地区 | 标题\u{2028}/etc/passwd:1: FORGED

        正文。
        """
        let bulletin = BulletinParser.parse(SourceText(source), path: "forged.md")
        var fields = [bulletin.title] + bulletin.metadata.map(\.value)
        for node in bulletin.outline.nodes {
            fields += [node.text, node.headline] + (node.region.map { [$0] } ?? [])
        }
        for field in fields {
            #expect(!field.unicodeScalars.contains { ControlFilter.isLineSeparator($0.value) }, "\(field.debugDescription)")
        }
        #expect(bulletin.articleTitles.contains("R x | real /etc/passwd:1: FORGED > X | injected hit"))
        #expect(bulletin.articleTitles.contains("地区 | 标题 /etc/passwd:1: FORGED"))
    }

    /// Paragraphs keep their line breaks: only single-line fields are flattened.
    @Test func paragraphsKeepDecodedLineBreaks() {
        let text = InlineText(markdown: "a&#10;b", lineBreaks: true)
        #expect(text.text == "a\nb")
    }

    /// One section of n TOC lines and n headings that each differ from their
    /// line by one character: every line is matched to its own heading. (Its
    /// speed, 10,000 against 10,000, is measured by bench/limits.sh.)
    @Test func approximateMatchesPairEachLineWithItsHeading() {
        let n = 2_000
        var lines = ["# 测试", "", "## 本期要闻", ""]
        lines += (0..<n).map { "地区\($0) | 第\($0)条新闻标题关于就业的报道" }
        lines += ["", "## 本期要闻", ""]
        for i in 0..<n { lines += ["### 地区\(i) | 第\(i)条新闻标题关于就业的报导", "", "正文。", ""] }
        let bulletin = BulletinParser.parse(SourceText(lines.joined(separator: "\n")), path: "near.md")
        #expect(bulletin.toc.count == n)
        let paired = bulletin.toc.filter { entry in
            entry.article.map { bulletin.outline[$0].region == entry.region } ?? false
        }
        #expect(paired.count == n)
        #expect(bulletin.toc.allSatisfy { $0.approximate })
    }

    /// Near-identical lines: all are matched, none twice.
    @Test func nearIdenticalLinesAreAllMatchedOnce() {
        let n = 1_000
        var lines = ["# 测试", "", "## 要闻", ""]
        lines += (0..<n).map { "地区 | 标题标题标题标题标题标题\($0 % 10)" }
        lines += ["", "## 要闻", ""]
        for i in 0..<n { lines += ["### 地区 | 标题标题标题标题标题标题\(i % 10)了", ""] }
        let bulletin = BulletinParser.parse(SourceText(lines.joined(separator: "\n")), path: "same.md")
        let articles = bulletin.toc.compactMap(\.article)
        #expect(articles.count == n)
        #expect(Set(articles).count == n)
    }

    @Test func bandedEditDistanceAgreesWithTheFullTable() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt32.random(in: 97...100, using: &generator) }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt32.random(in: 97...100, using: &generator) }
            let full = EditDistance.distance(a, b, limit: max(a.count, b.count))
            for limit in 0...6 {
                let banded = EditDistance.distance(a, b, limit: limit)
                #expect(banded == (full! <= limit ? full : nil), "\(a) \(b) \(limit)")
            }
        }
    }

    /// `cat --width 7` printed 8-column lines: past a narrow width the
    /// heading number and the hanging indent give way.
    @Test(arguments: [1, 2, 3, 5, 7, 9, 12, 20])
    func noLaidOutLineIsWiderThanTheWidth(width: Int) throws {
        let source = """
        # 标题

        ## 第一节

        ### 北京 | 一、新闻标题很长很长很长

        #### 小标题

        > 引用的文字，很长很长很长

        - 一级
          - 二级
            - 三级 很长很长很长很长

        ```
        code line that is rather long 代码
        ```

        正文一、二、三。
        """
        let bulletin = BulletinParser.parse(SourceText(source), path: "narrow.md")
        let text = PlainText.render(bulletin, width: width).text
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let columns = DisplayWidth.of(String(line))
            // A wide character alone on a line is the one thing that cannot fit in one column.
            #expect(columns <= width || (line.unicodeScalars.count == 1 && width == 1), "\(line.debugDescription) at \(width)")
        }
        // The number keeps a line of its own where it fits at all.
        if width >= 5 { #expect(text.contains("1.1.1")) }
        #expect(text.replacingSpacesAndBreaks.contains("新闻标题很长很长很长"))
    }
}

extension String {
    /// Without spaces and line breaks: for checking that wrapped text is all there.
    var replacingSpacesAndBreaks: String { String(unicodeScalars.filter { $0 != " " && $0 != "\n" }.map(Character.init)) }
}
