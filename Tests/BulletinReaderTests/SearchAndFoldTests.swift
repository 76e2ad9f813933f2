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

/// The link list (`f`) and what following a link does (issue 8).
@Suite struct LinkListTests {
    static let text = """
    ## One

    See [the emu](https://emu.invalid/a) and [mail](mailto:x@y.invalid), [bad](javascript:alert(1)),
    [next part](#two), [other](other.md#x) and [ftp](ftp://f.invalid/pub).

    ## Two

    Plain text, no links.
    """

    @Test func fOpensTheListWithTheFirstLinkSelected() {
        var state = Reader.state(Self.text, path: "/tmp/dir/a.md", width: 100, height: 20)
        state.press("f")
        #expect(state.overlay == .links(node: 1) && state.linkSelected == 0)
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("1  the emu  https://emu.invalid/a"))
        #expect(screen.contains("6  ftp  ftp://f.invalid/pub"))
        #expect(screen.contains("1 of 6"))
        let grid = state.render()
        let y = state.screen.firstIndex { $0.contains("the emu") }!
        let x = (0..<100).first { grid[$0, y].text == "t" && grid[$0 + 1, y].text == "h" }!
        #expect(grid[x, y].style.part == .selection)
        state.press("jj")
        #expect(state.linkSelected == 2)
        state.press("{esc}")
        #expect(state.overlay == nil)
    }

    @Test func followingALinkIsDecidedByTheOpeningPolicy() {
        var state = Reader.state(Self.text, path: "/tmp/dir/a.md", width: 100, height: 20)
        state.press("f")
        #expect(state.handle(.key(.enter)) == [.openURL("https://emu.invalid/a")])
        state.press("f")
        #expect(state.handle(.key(.character("2"))) == [.openURL("mailto:x@y.invalid")])  // a number opens at once
        state.press("f3")
        #expect(state.message?.hasPrefix("Refused: javascript: links are not opened") == true)
        state.press("f4")
        #expect(state.library.node(state.position.node).text == "Two")  // #two: the heading's anchor
        state.press("{^u}{^u}g")
        state.press("f")
        #expect(state.handle(.key(.character("5"))) == [.openFile("/tmp/dir/other.md")])
        state.press("f")
        #expect(state.handle(.key(.character("6"))) == [.openURL("ftp://f.invalid/pub")])
    }

    @Test func twoDigitNumbersWaitForTheSecondDigit() {
        let many = "## A\n\n" + (1...12).map { "[l\($0)](https://x.invalid/\($0))" }.joined(separator: " ") + "\n"
        var state = Reader.state(many, path: "m.md", width: 100, height: 24)
        state.press("f")
        #expect(state.handle(.key(.character("1"))) == [])
        #expect(state.linkSelected == 0 && state.overlay != nil)
        #expect(state.handle(.key(.character("2"))) == [.openURL("https://x.invalid/12")])
        state.press("f")
        #expect(state.handle(.key(.character("3"))) == [.openURL("https://x.invalid/3")])  // no 30-39: opens
    }

    @Test func aLinkPickedByClickOrNumberIsScrolledIntoView() {
        let many = "## A\n\n" + (1...40).map { "[l\($0)](https://x.invalid/\($0))" }.joined(separator: " ") + "\n"
        var state = Reader.state(many, path: "m.md", width: 100, height: 14)
        state.press("f3")  // could be 30-39: waits, selected
        #expect(state.linkSelected == 2 && state.overlay != nil)
        state.press("{esc}")
        state.showLinks(selecting: 35, of: 1)  // as a click on link 35 does
        #expect(state.linkSelected == 34)
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("35  l35  https://x.invalid/35"))
        #expect(screen.contains("35 of 40"))
    }

    @Test func withTheTOCFocusedTheEntryUnderTheCursorAndNoLinksIsSaid() {
        var state = Reader.state(Self.text, path: "a.md", width: 100, height: 20)
        state.press("{tab}jj")  // the TOC cursor on Two
        state.press("f")
        #expect(state.overlay == nil && state.message == "This entry has no links")
    }

    @Test func clickingALinksTextOpensTheListWithThatLinkSelected() {
        var state = Reader.state(Self.text, path: "a.md", width: 100, height: 20)
        let y = state.articleLines.firstIndex { $0.contains("mail[2]") }!
        let grid = state.render()
        let x = (state.articleX..<100).first { grid[$0, y].text == "m" && grid[$0 + 1, y].text == "a" && grid[$0 + 2, y].text == "i" }!
        state.handle(.mouse(MouseEvent(.press, x: x + 1, y: y)))
        #expect(state.overlay == .links(node: 1) && state.linkSelected == 1)
    }

    @Test func openingPolicy() {
        #expect(LinkTarget.classify("HTTPS://x.invalid/", from: "a.md") == .url("HTTPS://x.invalid/"))
        #expect(LinkTarget.classify("data:text/html,x", from: "a.md") == .refused("data: links are not opened (only http, https, mailto and ftp)"))
        #expect(LinkTarget.classify("file:///etc/passwd", from: "a.md") == .refused("file: links are not opened (only http, https, mailto and ftp)"))
        #expect(LinkTarget.classify("notes/b%20c.md?x#y", from: "dir/a.md") == .file("dir/notes/b c.md"))
        #expect(LinkTarget.classify("picture.png", from: "a.md") == .refused("picture.png is not a bulletin file or a web link"))
        #expect(LinkTarget.classify("#%E6%96%B0%E9%97%BB", from: "a.md") == .fragment("新闻"))
        #expect(HeadingSlug.slug("Hello, World! v2.0") == "hello-world-v20")
        #expect(HeadingSlug.slug("新闻 摘要（一）") == "新闻-摘要一")
    }
}
