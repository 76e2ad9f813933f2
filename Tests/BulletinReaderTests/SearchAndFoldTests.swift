import BulletinCore
@testable import BulletinReader
import Testing

@Suite struct SearchAndFoldTests {
    @Test func typingFiltersTheTOCToMatchesWithTheirSectionsAndHighlights() {
        var state = Reader.state(width: 140, height: 30)
        state.press("/上海")
        #expect(state.search?.editing == true)
        #expect(state.screen[state.paneHeight + 1].hasPrefix("/上海"))
        #expect(state.tocLines.prefix(4) == ["▾ 示例简报 · Sample bulletin", "  ▾ 城市动态", "    上海 | 浦东新区发布人工智能产业扶持政策", ""])
        let grid = state.render()
        #expect(grid[4, 2].text == "上" && grid[4, 2].style.part == .match)
        #expect(grid[6, 2].text == "海" && grid[6, 2].style.part == .match)
        state.press("{bs}{bs}就业")
        // Section titles match too: every article of 民生就业.
        #expect(state.tocLines.filter { $0.hasPrefix("    ") }.count == 3)
        #expect(state.tocLines[1] == "  ▾ 民生就业")
        #expect(state.render()[8, 1].text == "就" && state.render()[8, 1].style.part == .match)
        // Several keywords: each must match (case, width and spaces folded).
        state.press(" 武汉")
        #expect(state.tocLines.filter { $0.hasPrefix("    ") } == ["    湖北武汉 | 高校毕业生留汉就业创业补贴提高"])
        state.press("{enter}")
        #expect(state.articleLines[0] == " 4.1 湖北武汉 | 高校毕业生留汉就业创业补贴提高")
        #expect(state.search?.editing == false)
        state.press("{esc}")
        #expect(state.search == nil)
        #expect(state.tocLines.filter { $0.hasPrefix("  ▾") }.count == 5)
    }

    @Test func caseAndWidthInsensitiveAndNoMatchIsSaidPlainly() {
        var state = Reader.state(width: 140, height: 30)
        state.press("/ＷＨＯ")
        #expect(state.tocLines.contains("    Geneva | WHO publishes updated guidance …"))
        state.press("{esc}/火星")
        #expect(state.statusLine.contains("No headline matches “火星”"))
        #expect(state.screen[state.paneHeight + 1].contains("no match"))
        state.press("{enter}")
        #expect(state.statusLine.contains("No headline matches “火星”"))
    }

    @Test func nextAndPreviousHitWrapAround() {
        var state = Reader.state(width: 140, height: 30)
        state.press("/发{enter}")
        let matches = state.search!.matches
        #expect(matches.count == 3)
        #expect(state.position.node == matches[0])
        state.press("n")
        #expect(state.position.node == matches[1])
        state.press("nn")
        #expect(state.position.node == matches[0])
        #expect(state.message?.contains("wrapped") == true)
        state.press("N")
        #expect(state.position.node == matches[2])
    }

    @Test func foldingHidesAndShowsArticles() {
        var state = Reader.state(width: 140, height: 30)
        state.press("{tab}jjj")  // 城市动态
        state.press("z")
        #expect(state.tocLines[3] == "  ▸ 城市动态")
        #expect(state.tocLines[4] == "  ▾ 科技创新")
        state.press("l")
        #expect(state.tocLines[4].hasPrefix("    北京 | 地铁新线开通"))
        state.press("jh")  // on an article: folds its section, cursor to the section
        #expect(state.tocLines[state.cursor] == "  ▸ 城市动态")
        state.press("Z")  // some folded: unfold all
        #expect(state.folded.isEmpty)
        state.press("Z")
        #expect(state.tocLines.filter { !$0.isEmpty } == ["▾ 示例简报 · Sample bulletin", "  ▸ 使用说明", "  ▸ 城市动态", "  ▸ 科技创新", "  ▸ 民生就业", "  ▸ International"])
        // Reading on still highlights the folded section that holds the article.
        state.press("{tab}]]}")
        #expect(state.tocLines[state.cursor] == "  ▸ 城市动态")
    }
}

@Suite struct SearchNarrowingTests {
    /// Typing narrows among the previous matches; the result must equal a
    /// fresh search at every keystroke, spaces and folding included.
    func typingGivesTheSameMatchesAsAFreshSearch(_ bulletins: [Bulletin]) {
        var state = Reader.state(bulletins, width: 100, height: 30)
        for text in ["就业 福", "ＷＨＯ pub", "2021 年全", "城市 ai", "发 布"] {
            state.press("/")
            var typed = ""
            for c in text {
                state.press(String(c))
                typed.append(c)
                #expect(state.search?.matches == state.library.matchingNodes(SearchQuery(typed)), "after “\(typed)”")
            }
            state.press("{bs}")
            typed.removeLast()
            #expect(state.search?.matches == state.library.matchingNodes(SearchQuery(typed)))
            state.press("{esc}")
        }
    }

    @Test func typingNarrowsLikeAFreshSearchOnTheSample() {
        typingGivesTheSameMatchesAsAFreshSearch([BulletinParser.parse(SampleBulletin.text, path: "a.md")])
    }

    @Test(.enabled(if: Reader.seedExists, "../shared/fixtures/seed-bulletin.md is absent"))
    func typingNarrowsLikeAFreshSearchOnTheSampleAndTheSeed() throws {
        typingGivesTheSameMatchesAsAFreshSearch([BulletinParser.parse(SampleBulletin.text, path: "a.md"), try Reader.seed()])
    }
}

/// The filtered TOC shows every kind of hit (issue 8), and rows without
/// children have no fold marker.
@Suite struct EveryHeadingScreenTests {
    static let newsletter = """
    # Weekly

    ## Releases

    - Swift 6.3 is out

    ## Articles

    ### Terminal tricks

    #### Swift on the terminal

    text

    #### Pagers

    more
    """

    @Test func sectionsAndDeeperHeadingsAreHitsWithHighlights() {
        var state = Reader.state(Self.newsletter, path: "w.md", width: 100, height: 20)
        state.press("/swift")
        #expect(state.tocLines.prefix(4) == ["▾ Weekly", "  ▾ Articles", "      Swift on the terminal", ""])
        let grid = state.render()
        #expect(grid[6, 2].text == "S" && grid[6, 2].style.part == .match)
        #expect(grid[10, 2].text == "t" && grid[10, 2].style.part == .match)
        #expect(grid[11, 2].style.part != .match)
        state.press("{esc}/releases")
        #expect(state.tocLines.prefix(3) == ["▾ Weekly", "    Releases", ""])
        #expect(state.render()[4, 1].style.part == .match)
        // n visits every kind of hit.
        state.press("{esc}/t{enter}")
        let matches = state.search!.matches
        #expect(matches.map { state.library.node($0).kind } == [.section, .article, .heading])
        for expected in matches.dropFirst() {
            state.press("n")
            #expect(state.position.node == expected)
        }
    }

    @Test func rowsWithoutChildrenHaveNoFoldMarkerAndNoArticleCountWithoutArticles() {
        let state = Reader.state("# Weekly\n\n## Releases\n\n- a\n\n## Talks\n\ntext\n", path: "w.md", width: 100, height: 20)
        #expect(state.tocLines.prefix(3) == ["▾ Weekly", "    Releases", "    Talks"])
        #expect(!state.statusLine.contains("article"))
        #expect(state.statusLine.hasPrefix(" w.md  §"))
    }

    @Test func theWarningCountIsTheLengthOfTheWarningList() {
        var state = Reader.state("## A\n\nbell &#7; here\n", path: "w.md", width: 100, height: 20)
        _ = state.render()  // lays out the body: the removed control becomes a warning
        state.press("j")
        #expect(state.warningLines.count == 1)
        #expect(state.warningCount == state.warningLines.count)
        #expect(state.statusLine.contains("w: 1 warning"))
    }
}

/// Tables and numbered links on the cell grid (issue 8).
@Suite struct TableAndLinkScreenTests {
    static let text = "## 表格\n\n| 地区 | 数量 |\n|:--|--:|\n| 北京 | 3 |\n| 上海市 | 12 |\n\n看 [官网](https://x.invalid/) 了解。\n"

    @Test func aTableIsAGridWithBordersAndAlignedCJKCells() {
        for width in [60, 100] {
            let state = Reader.state(Self.text, path: "t.md", width: width, height: 20)
            let lines = state.articleLines
            let header = try! #require(lines.firstIndex { $0.contains("地区") })
            #expect(lines[header].hasSuffix("地区   │ 数量"))
            #expect(lines[header + 1].hasSuffix("───────┼─────"))
            #expect(lines[header + 2].hasSuffix("北京   │    3"))
            #expect(lines[header + 3].hasSuffix("上海市 │   12"))
            let grid = state.render()
            let bar = (state.articleX..<width).first { grid[$0, header].text == "│" }!
            #expect(grid[bar, header].style.part == .border)
            #expect(grid[bar, header + 2].text == "│" && grid[bar, header + 3].text == "│")  // one column for all rows
            let strong = (state.articleX..<width).first { grid[$0, header].text == "地" }!
            #expect(grid[strong, header].style.extra.contains(.bold))
        }
    }

    @Test func linksShowTheirNumberInTheMutedStyleAfterTheLinkText() {
        let state = Reader.state(Self.text, path: "t.md", width: 100, height: 20)
        let y = state.articleLines.firstIndex { $0.contains("官网[1]") }!
        let grid = state.render()
        let x = (state.articleX..<100).first { grid[$0, y].text == "官" }!
        #expect(grid[x, y].style.part == .link)
        #expect(grid[x + 4, y].text == "[" && grid[x + 4, y].style.part == .muted)
        #expect(!state.articleLines.joined().contains("https://"))
    }
}
