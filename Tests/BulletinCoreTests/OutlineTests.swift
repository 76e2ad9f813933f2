import Testing
@testable import BulletinCore

@Suite struct SeedBulletinTests {
    @Test(.enabled(if: Fixtures.seedExists, "../shared/fixtures/seed-bulletin.md is absent"))
    func seedHasEightSectionsAndFifteenReconciledArticles() throws {
        let bulletin = try BulletinParser.parse(path: Fixtures.seedPath)
        #expect(bulletin.sections.count == 8)
        #expect(bulletin.outline.articleIndices.count == 15)
        #expect(bulletin.toc.count == 15)
        #expect(bulletin.toc.allSatisfy { $0.article != nil })
        #expect(bulletin.warnings(.tocUnmatched).isEmpty)
        #expect(bulletin.warnings(.missingFromTOC).isEmpty)
        let last = try #require(bulletin.sections.last)
        #expect(bulletin.node(last.node).text == "失业人员再就业与充分就业")
        #expect(last.articles.map { bulletin.node($0).region } == ["河北廊坊", "江苏常州"])
        #expect(bulletin.warnings(.headingLevel).map(\.line) == [151, 157])
        // Only the one-character difference needs edit distance; spaces around digits fold away.
        #expect(bulletin.toc.filter(\.approximate).map(\.line) == [45])
        // The TOC block is not content.
        #expect(bulletin.outline.nodes.allSatisfy { $0.line >= 49 || $0.kind == .bulletin })
    }

    @Test(.enabled(if: Fixtures.seedExists, "../shared/fixtures/seed-bulletin.md is absent"))
    func seedSplitParagraphIsJoined() throws {
        let bulletin = try BulletinParser.parse(path: Fixtures.seedPath)
        let hubei = try #require(bulletin.outline.articleIndices.first { bulletin.node($0).region == "湖北" })
        let paragraphs = bulletin.blocks(of: hubei).compactMap { block -> String? in
            if case .paragraph(let text) = block { return text.text }
            return nil
        }
        #expect(paragraphs.count == 2)
        #expect(paragraphs[0].contains("目的是扩大参赛面"))
    }

    @Test(.enabled(if: Fixtures.seedExists, "../shared/fixtures/seed-bulletin.md is absent"))
    func seedSearchFindsBoth2021Headlines() throws {
        let bulletin = try BulletinParser.parse(path: Fixtures.seedPath)
        let hits = HeadlineSearch.search(SearchQuery("2021年"), in: bulletin)
        #expect(hits.map(\.line) == [101, 79])
        #expect(hits.map(\.region) == ["全国总工会", "广西南宁"])
    }
}

@Suite struct OutlineTests {
    @Test func tocMismatchesAreReconciledAndReported() throws {
        let bulletin = try Fixtures.parse("messy-bulletin.md")
        #expect(bulletin.title == "城乡建设工作简报（第 12 期）")
        #expect(bulletin.sectionTitles == ["住房保障", "交通出行", "城市更新"])
        #expect(bulletin.articleTitles == [
            "上海 | 新开工保障性租赁住房3.2万套", "四川成都 | 公租房申请实现“一网通办”",
            "广东深圳 | 2022 年新增公交专用道 120 公里", "湖南长沙 | 地铁六号线东延段试运行",
            "湖南株洲 | 城际公交开通夜间班次", "山东青岛 | 老旧小区改造惠及居民五万户",
            "江苏无锡 | 运河沿岸历史街区完成修繕",
        ])
        #expect(bulletin.warnings(.tocUnmatched).map(\.line) == [21])
        #expect(bulletin.warnings(.missingFromTOC).map(\.line) == [47])
        #expect(bulletin.warnings(.headingLevel).map(\.line) == [53, 57])
        let wuxi = try #require(bulletin.toc.first { $0.region == "江苏无锡" })
        #expect(wuxi.approximate)
        #expect(bulletin.node(wuxi.article!).line == 57)
        // Fullwidth bar and spaces around digits match exactly.
        #expect(bulletin.toc.filter { !$0.approximate && $0.article != nil }.count == 5)
    }

    @Test func nodesCarryKindDepthParentAndRanges() throws {
        let bulletin = try Fixtures.parse("messy-bulletin.md")
        let outline = bulletin.outline
        #expect(outline[0].kind == .bulletin)
        #expect(outline[0].level == 1)
        let section = try #require(outline.section(number: 3))
        #expect(outline[section].text == "城市更新")
        #expect(outline[section].depth == 1)
        let articles = outline.articles(in: section)
        #expect(articles.count == 2)
        #expect(outline[articles[0]].level == 2)
        #expect(outline[articles[0]].depth == 2)
        #expect(outline[articles[0]].parent == section)
        #expect(outline[articles[0]].region == "山东青岛")
        #expect(outline[articles[0]].headline == "老旧小区改造惠及居民五万户")
        // A node's body ends where the next node starts: only its own paragraph.
        #expect(bulletin.blocks(of: articles[0]) == [.paragraph(InlineText(text: "青岛市今年改造老旧小区三百余个，加装电梯一千余部。"))])
        #expect(outline[articles[0]].bodyLine == 54)
        #expect(bulletin.blocks(of: section).isEmpty)
    }

    @Test func navigationHelpersMoveBetweenSectionsAndArticles() throws {
        let outline = try Fixtures.parse("messy-bulletin.md").outline
        let first = try #require(outline.section(number: 1))
        let second = try #require(outline.nextSection(after: first))
        #expect(outline[second].text == "交通出行")
        #expect(outline.previousSection(before: second) == first)
        #expect(outline.previousSection(before: first) == nil)
        let article = try #require(outline.nextArticle(after: second))
        #expect(outline[article].region == "广东深圳")
        #expect(outline.previousArticle(before: article).map { outline[$0].region } == "四川成都")
        #expect(outline.node(containingLine: 41) == article)
        #expect(outline.node(containingLine: 5) == 0)
        #expect(outline.section(containing: article) == second)
        #expect(outline.section(number: 4) == nil)
        #expect(outline.nextSection(after: try #require(outline.section(number: 3))) == nil)
    }

    @Test func splitParagraphIsRepairedButFinishedOnesAreNot() throws {
        let bulletin = try Fixtures.parse("messy-bulletin.md")
        let shanghai = try #require(bulletin.outline.articleIndices.first)
        #expect(bulletin.blocks(of: shanghai) == [
            .paragraph(InlineText(text: "今年以来，上海市加快发展保障性租赁住房，新开工项目覆盖全部中心城区。市住房城乡建设管理委表示，将继续推动存量房源盘活，力争年内供应更多房源。")),
            .paragraph(InlineText(text: "下一步，上海将完善租金定价机制。")),
        ])
    }

    @Test func numberedContentsListIsATOC() throws {
        let bulletin = try Fixtures.parse("list-toc.md")
        #expect(bulletin.sectionTitles == ["要闻"])
        #expect(bulletin.toc.map(\.headline) == [
            "国务院部署推进新型城镇化建设", "多地出台措施支持小微企业稳岗扩岗", "三部门联合发布数字乡村发展行动计划", "本条目录没有对应正文",
        ])
        #expect(bulletin.toc.prefix(3).allSatisfy { $0.article != nil && !$0.approximate })
        #expect(bulletin.warnings(.tocUnmatched).map(\.line) == [9])
        #expect(bulletin.warnings(.headingLevel).isEmpty)
        #expect(!bulletin.outline.nodes.contains { $0.text == "目录" })
    }

    @Test func markdownNewsletterGetsAUsefulOutline() throws {
        let bulletin = try Fixtures.parse("newsletter.md")
        #expect(bulletin.title == "The Weekly Terminal")
        #expect(bulletin.metadata.map(\.key) == ["title", "date"])
        let nodes = bulletin.outline.nodes
        #expect(nodes.map(\.kind) == [.bulletin, .preamble, .section, .article, .article, .heading, .section, .article, .section, .article])
        #expect(nodes[1].line == 6)
        #expect(nodes.map(\.depth) == [0, 1, 1, 2, 2, 3, 1, 2, 1, 2])
        #expect(nodes[5].parent == 4)
        #expect(nodes[4].text == "Bubble Tea | v2")
        #expect(nodes[4].region == nil)
        #expect(nodes[7].text == "Frogmouth | a Markdown browser review")
        #expect(nodes[7].region == nil)
        #expect(nodes[8].text == "Setext Section")
        #expect(nodes[8].level == 2)
        #expect(!nodes.contains { $0.text.contains("Not a heading") || $0.text.contains("inside a") })
    }

    @Test func newsletterBodiesKeepLinksCodeAndHTMLText() throws {
        let bulletin = try Fixtures.parse("newsletter.md")
        let ratatui = bulletin.blocks(of: 3)
        guard case .paragraph(let text) = ratatui.first else { Issue.record("no paragraph"); return }
        #expect(text.text == "Ratatui reached 1.0 with a stable API and release notes.")
        #expect(text.urls == ["https://ratatui.rs/blog|1.0"])
        #expect(ratatui[1] == .preformatted(["# Not a heading inside a fence", "## Neither is this"]))
        let frogmouth = bulletin.blocks(of: 7).map { block -> String in
            if case .paragraph(let t) = block { return t.text }
            return ""
        }
        #expect(frogmouth == ["Frogmouth renders Markdown in the terminal & keeps history.", "Sent with love\nand care", "[image: logo]"])
    }

    /// A tab has no column to stop at in running text: it reads as a space
    /// in headings, TOC lines and paragraphs, and code keeps its columns.
    @Test func tabsInRunningTextAreSpaces() {
        let bulletin = BulletinParser.parse("## 要闻\n\n### 北京\t| 标题\twith tab\n\n正文\t有制表符。\n\n    a\tb\n")
        let article = bulletin.outline.articleIndices[0]
        #expect(bulletin.outline[article].region == "北京")
        #expect(bulletin.outline[article].headline == "标题 with tab")
        let blocks = bulletin.blocks(of: article)
        #expect(blocks.first == .paragraph(InlineText(text: "正文 有制表符。")))
        #expect(blocks.last == .preformatted(["a   b"]))
    }

    @Test func headingRulesFollowCommonMark() {
        let bulletin = BulletinParser.parse("""
        #Not a heading
        ## Closing hashes ##
            ## indented code
        ##   Spaced   ##   
        ### Escaped \\### ###
        ####### seven

        Para line
        ===

        ~~~
        ## fenced
        ~~~
        <!--
        ## in comment
        -->
        ## After **bold** and `code` &amp; [link](http://x)
        """)
        // "#Not a heading" is preamble text; the setext H1 is the first H1, so the title.
        #expect(bulletin.outline.nodes.dropFirst().map(\.text) == [
            "", "Closing hashes", "Spaced", "Escaped ###", "Para line", "After bold and code & link",
        ])
        #expect(bulletin.outline[1].kind == .preamble)
        #expect(bulletin.outline[5].level == 1)
        #expect(bulletin.title == "Para line")
    }
}

@Suite struct LargeOutlineTests {
    @Test func plainHeadingsSplitOnBytesLikeMarkupOnes() {
        // Plain headings take the byte path; it must agree with the general one.
        let cases: [(String, String?, String)] = [
            ("　北京　｜　新闻发布　", "北京", "新闻发布"),
            ("北京|新闻", "北京", "新闻"),
            ("| 只有标题", nil, "只有标题"),
            ("北京 |", nil, "北京 |"),
            ("没有地区", nil, "没有地区"),
        ]
        for (markdown, region, headline) in cases {
            let plain = HeadingText(markdown: markdown)
            let parts = RegionSplit.split(markdown)
            #expect(plain.region == region, "\(markdown)")
            #expect(plain.headline == headline, "\(markdown)")
            #expect(plain.region == parts?.region.map { InlineText(markdown: $0).text }, "\(markdown)")
            #expect(plain.headline == parts.map { InlineText(markdown: $0.headline).text } ?? InlineText(markdown: markdown).text.trimmingSpaces)
        }
    }

    /// Thousands of articles: exercises the parallel heading and TOC parsing
    /// and the hashed key tables that small fixtures never reach.
    @Test func thousandsOfArticlesAreAllReconciled() {
        let sections = ["要闻", "地方", "国际"]
        var toc = "# 大简报\n\n", body = ""
        for (s, section) in sections.enumerated() {
            toc += "## \(section)\n\n"
            body += "## \(section)\n\n"
            for k in 0..<1200 {
                toc += "地区\(k % 37) | 第\(s)组第\(k)条新闻标题\n\n"
                let written = k % 10 == 0 ? "第 \(s) 组第 \(k) 条新闻标题" : "第\(s)组第\(k)条新闻标题"
                body += "\(k % 50 == 7 ? "##" : "###") 地区\(k % 37) | \(written)\n\n正文。\n\n"
            }
        }
        let bulletin = BulletinParser.parse(toc + body)
        #expect(bulletin.sections.count == 3)
        #expect(bulletin.outline.articleIndices.count == 3600)
        #expect(bulletin.toc.count == 3600)
        #expect(bulletin.toc.allSatisfy { $0.article != nil && !$0.approximate })
        #expect(bulletin.warnings(.headingLevel).count == 72)
        // Each TOC line points at the article with the same text in the same section.
        for entry in bulletin.toc.prefix(50) {
            let article = bulletin.outline[entry.article!]
            #expect(FoldedText(article.headline).scalars == FoldedText(entry.headline).scalars)
            #expect(bulletin.outline[article.parent!].text == entry.section)
        }
    }
}

/// Newsletters with `Key: value` front matter (issue 8): the title from the
/// front matter, every body heading a node, the intro as a preamble.
@Suite struct FrontMatterTests {
    @Test func frontMatterTitleLeavesTheFirstHeadingANode() throws {
        let bulletin = try Fixtures.parse("weekly-frontmatter.md")
        #expect(bulletin.title == "Terminal Weekly")
        let nodes = bulletin.outline.nodes
        #expect(nodes.map(\.kind) == [.bulletin, .preamble, .section, .article, .article, .heading])
        #expect(nodes.map(\.depth) == [0, 1, 1, 2, 2, 3])
        #expect(nodes[2].text == "News from the Community")
        #expect(nodes[3].parent == 2 && nodes[4].parent == 2 && nodes[5].parent == 4)
        #expect(bulletin.metadata.map(\.key) == ["Title", "Number", "Date", "Category"])
    }

    @Test func catShowsTheIntroAndOneMetadataLine() throws {
        let bulletin = try Fixtures.parse("weekly-frontmatter.md")
        let text = PlainText.render(bulletin, width: 80).text
        #expect(text.contains("This week the intro paragraph comes before any heading"))
        #expect(text.contains("Number 42 · Date 2026-03-05 · Category Weekly"))
        #expect(!text.contains("Number: 42"))
        #expect(text.components(separatedBy: "Terminal Weekly").count == 2)  // the title once
    }

    @Test func anH1EqualToTheFrontMatterTitleIsStillTheTitle() {
        let bulletin = BulletinParser.parse("Title: Same\n\n# Same\n\n## A\n\ntext\n\n## B\n\ntext\n")
        #expect(bulletin.title == "Same")
        #expect(bulletin.outline.nodes.map(\.kind) == [.bulletin, .section, .section])
    }

    @Test func h1TitleWithoutFrontMatterIsUnchanged() {
        let bulletin = BulletinParser.parse("# Weekly\n\nintro\n\n## A\n\n### a1\n\n## B\n\n### b1\n")
        #expect(bulletin.title == "Weekly")
        #expect(bulletin.outline.nodes.map(\.kind) == [.bulletin, .preamble, .section, .article, .section, .article])
    }

    @Test func yamlQuotedValuesLoseTheirQuotes() {
        let bulletin = BulletinParser.parse("---\ntitle: \"Quoted: yes\"\ndate: '2024-01-05'\n---\n\n## A\n")
        #expect(bulletin.title == "Quoted: yes")
        #expect(bulletin.metadata.last?.value == "2024-01-05")
    }
}

/// Numbered summaries that say more than the heading (issue 8).
@Suite struct SummaryTOCTests {
    @Test func teasersColumnsSubItemsIntroAndClosingLines() throws {
        let bulletin = try Fixtures.parse("news-summary.md")
        let articles = bulletin.outline.articleIndices.map { bulletin.outline[$0] }
        #expect(articles.map(\.tocLine) == [7, 8, 11, 12, 13])
        #expect(bulletin.toc.map(\.headline) == ["某地召开会议 部署秋收工作 多地加快进度", "代表风采：", "国内联播快讯",
                                                  "新能源汽车产销两旺 市场持续回暖", "多地迎来降雪 交通部门提前部署", "这一条在正文里没有对应的报道"])
        #expect(bulletin.warnings.map(\.kind) == [.tocUnmatched])
        #expect(bulletin.warnings.first?.line == 14)
        #expect(bulletin.tocLines == 3...16)  // the closing air-time line is part of the summary, not text
        #expect(!PlainText.render(bulletin, width: 80).text.contains("19:00"))
    }

    /// Generated daily summaries: at least 97% of articles get their TOC line,
    /// and only items without an article are warned about.
    @Test func generatedSummariesMatchAtLeast97Percent() {
        var generator = SeededGenerator(seed: 8)
        let words = ["会议", "部署", "秋收", "工作", "加快", "进度", "新能源", "汽车", "产销", "市场", "降雪", "交通", "部门", "科技", "创新", "就业", "服务", "乡村", "振兴", "改革"]
        func phrase(_ n: Int) -> String { (0..<n).map { _ in words.randomElement(using: &generator)! }.joined() }
        var articles = 0, matched = 0, falseWarnings = 0
        for _ in 0..<40 {
            var items: [String] = [], bodies: [String] = []
            var orphans = 0
            for k in 0..<Int.random(in: 8...20, using: &generator) {
                let headline = "\(phrase(2)) \(phrase(2))\(k)"
                switch Int.random(in: 0..<10, using: &generator) {
                case 0:
                    items.append("\(k + 1).专栏\(k)：\n（1）\(phrase(3))\n（2）\(phrase(3))")
                    bodies.append("### 【专栏\(k)】\(headline)")
                case 1:
                    items.append("\(k + 1).\(headline) 没有报道；")
                    orphans += 1
                    continue
                case 2...5:
                    items.append("\(k + 1).\(headline) \(phrase(3))；")  // a teaser clause
                    bodies.append("### \(headline)")
                default:
                    items.append("\(k + 1).\(headline)；")
                    bodies.append("### \(headline)")
                }
            }
            let text = "# 联播 20240105\n\n## 新闻摘要\n\n本期主要内容：\n\n" + items.joined(separator: "\n")
                + "\n\n（《联播》 20240105 19:00）\n\n## 正文\n\n" + bodies.map { $0 + "\n\n正文。\n" }.joined(separator: "\n")
            let bulletin = BulletinParser.parse(text)
            let nodes = bulletin.outline.articleIndices.map { bulletin.outline[$0] }
            articles += nodes.count
            matched += nodes.count { $0.tocLine != nil }
            falseWarnings += max(0, bulletin.warnings.count { $0.kind == .tocUnmatched } - orphans)
        }
        #expect(articles > 300)
        #expect(Double(matched) >= 0.97 * Double(articles), "\(matched) of \(articles)")
        #expect(falseWarnings == 0)
    }
}
