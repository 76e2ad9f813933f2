import BulletinCore
@testable import BulletinReader
import Testing

@Suite struct ScreenTests {
    @Test func firstScreenShowsTOCBorderArticleAndStatus() {
        let state = Reader.state(width: 90, height: 24)
        let screen = state.screen
        #expect(state.tocWidth == 30)
        #expect(screen.count == 24)
        // The vertical line runs the full height of the panes.
        let grid = state.render()
        for y in 0..<state.paneHeight { #expect(grid[30, y].text == "│" && grid[30, y].style.part == .border) }
        #expect(state.tocLines.prefix(4) == ["▾ 示例简报 · Sample bulletin", "  ▾ 使用说明", "    读者 | 如何阅读这份简报", "  ▾ 城市动态"])
        #expect(state.articleLines[0] == " 示例简报 · Sample bulletin")
        #expect(state.statusLine.hasPrefix(" sample.md  §–/5  article –/11  "))
        #expect(state.statusLine.hasSuffix("? help  q quit "))
    }

    @Test(.enabled(if: Reader.seedExists, "../shared/fixtures/seed-bulletin.md is absent"))
    func tocListsEverySectionOfTheSeed() throws {
        let seed = try Reader.seed()
        let state = Reader.state([seed], width: 120, height: 60)
        let sections = seed.sections.map { seed.outline[$0.node].text }
        #expect(sections.count == 8)
        let toc = state.tocLines
        for title in sections { #expect(toc.contains("  ▾ " + title), "missing section \(title)") }
    }

    @Test func regionHasItsOwnStyleInTheTOC() {
        let state = Reader.state(width: 90, height: 24)
        let grid = state.render()
        // Row 2: "    读者 | 如何阅读这份简报": region at columns 4-7, headline after " | ".
        #expect(grid[4, 2].text == "读" && grid[4, 2].style.part == .region)
        #expect(grid[9, 2].text == "|" && grid[9, 2].style.part == .muted)
        #expect(grid[11, 2].text == "如" && grid[11, 2].style.part == .tocArticle)
    }

    @Test func cutTOCEntriesEndWithAnEllipsisRightAfterAWholeCharacter() {
        let text = "## 要闻\n\n### 北京 | 短\n\n正文。\n\n### 上海 | 这是一个非常非常长的新闻标题需要截断\n\n正文。\n\n### X | abcdefghijklmnopqrstuvwxyz\n\n正文。\n"
        // TOC width 20: text may use columns 0-18 (one blank before the border).
        let toc = Reader.state(text, width: 60, height: 12).tocLines
        #expect(toc[2] == "    北京 | 短")
        // "    上海 | " is 11 columns; 个 (17-18) gives way to the ellipsis at 17, after 这是一.
        #expect(toc[3] == "    上海 | 这是一…")
        #expect(toc[4] == "    X | abcdefghij…")
        let wide = Reader.state(text, width: 200, height: 12).tocLines
        #expect(wide[3] == "    上海 | 这是一个非常非常长的新闻标题需要截断")
        // A headline of 100,000 characters, searched: cut the same way, highlighted.
        let huge = "## 要闻\n\n### 北京 | " + String(repeating: "很长的标题", count: 20_000) + "\n\n正文。\n"
        var state = Reader.state(huge, width: 60, height: 12)
        state.press("/很")
        let row = state.tocLines.first { $0.hasPrefix("    北京 | ") }
        #expect(row == "    北京 | 很长的…")
        let grid = state.render()
        #expect(grid[11, 2].text == "很" && grid[11, 2].style.part == .match)
    }

    @Test func cjkLinesUpInTheArticlePane() {
        var state = Reader.state(width: 61, height: 20)
        state.press("]]")  // 城市动态
        let grid = state.render()
        let x = state.articleX + 1
        // Every article row starts at the same column, and every wide
        // character is followed by its continuation cell.
        for y in 0..<state.paneHeight {
            var column = x
            while column < state.width {
                let cell = grid[column, y]
                if cell.width == 2 { #expect(grid[column + 1, y].isContinuation); column += 2 } else { column += 1 }
            }
        }
        #expect(state.articleLines.contains { $0.hasPrefix(" 2.1 北京 | 地铁新线开通") })
    }

    @Test func articleTextWrapsWithinThePaneAtOddWidths() {
        let paragraph = "本报讯　北京地铁新线今日正式开通运营，全长二十八公里，设站十六座，连接城市北部居住区与中心城区多个就业集中区域。"
        for width in [41, 57, 77, 133] {
            var state = Reader.state(width: width, height: 40)
            state.press("]]}")
            // Every laid-out line fits the text width...
            for line in state.lines(state.position.node) {
                #expect(DisplayWidth.of(line.text) <= state.textWidth, "width \(width): \(line.text)")
            }
            // ...and the paragraph arrives whole on screen, over several rows
            // at narrow widths (clipping would lose characters).
            let rows = state.articleLines.map { $0.trimmingCharacters(in: " ") }
            guard let first = rows.firstIndex(where: { $0.hasPrefix("本报讯") }) else {
                Issue.record("width \(width): paragraph not on screen")
                continue
            }
            var joined = ""
            for row in rows[first...] where !row.isEmpty { joined += row }
            #expect(joined.hasPrefix(paragraph), "width \(width)")
            #expect(width > 100 || rows[first].count < paragraph.count)
        }
    }

    @Test func tooSmallTerminalShowsANoticeAndNothingCrashesDownTo1x1() {
        let state = Reader.state(width: 39, height: 10)
        #expect(state.screen.contains { $0.contains("Terminal too small") })
        #expect(Reader.state(width: 40, height: 9).screen.contains { $0.contains("Terminal too small") })
        #expect(!Reader.state(width: 40, height: 10).screen.contains { $0.contains("Terminal too small") })
        for w in 0...45 {
            for h in [0, 1, 2, 5, 9, 10, 11] {
                var s = Reader.state(width: w, height: h)
                s.press("]j/a{enter}?{esc}tz<>G")
                #expect(s.render().lines.count == max(0, h))
            }
        }
    }

    @Test func helpListsEveryKeyFromTheKeyMap() {
        var state = Reader.state(width: 100, height: 50)
        state.press("?")
        let text = state.screen.joined(separator: "\n")
        for binding in KeyMap.bindings { #expect(text.contains(binding.label), "help lacks \(binding.label)") }
        state.press("{esc}")
        #expect(state.overlay == nil)
        state.press("?")
        #expect(state.handle(.key(.character("q"))) == [] && state.overlay == nil)  // q closes help; it does not quit
        #expect(state.handle(.key(.character("q"))) == [.quit])
    }

    @Test func wrappedHelpAndWarningsKeepTheirColumns() {
        var state = Reader.state(width: 44, height: 14)
        state.press("?")
        // "j ↓" then its help from column 12 of the box; the rest of the help wraps under it.
        let box = state.screen.map { String($0.dropFirst(3)) }
        let first = box.firstIndex { $0.hasPrefix("j ↓ ") }!
        #expect(box[first].hasPrefix("j ↓         Down a line"))
        #expect(box[first + 1].hasPrefix("            ") && !box[first + 1].hasPrefix("             "))
        let text = "## 要闻\n\n北京 | 一篇在正文里找不到的文章，标题很长很长很长很长很长很长很长\n上海 | 新闻\n\n## 要闻\n\n### 上海 | 新闻\n\n正文\n"
        var warned = Reader.state(text, width: 44, height: 14)
        warned.press("w")
        let lines = warned.screen.map { String($0.dropFirst(3)) }
        let start = lines.firstIndex { $0.hasPrefix("sample.md:3: TOC line") }!
        #expect(lines[start + 1].hasPrefix("  ") && !lines[start + 1].hasPrefix("   "), "warning continuation lines hang two columns in")
    }

    /// The warnings screen scrolls by entry and never past its end, so `k`
    /// moves at once however far `j` was pressed.
    @Test func overlayScrollingStopsAtTheEnd() {
        let bulletin = BulletinParser.parse("## 要闻\n\n### 上海 | 新闻\n\n正文\n", path: "a.md")
        let library = Library([bulletin], unreadable: (1...60).map { BulletinError.notText(path: "dir/\($0).md") })
        var state = ReaderState(library: library, width: 80, height: 20)
        #expect(state.library.warningCount == 60)
        func footer() -> String { state.screen.first { $0.contains(" of 60") } ?? "" }
        state.press("w")
        #expect(footer().contains(" 1-"))
        state.press("G")
        #expect(footer().contains("-60 of 60"))
        let end = state.overlayTop
        state.press(String(repeating: "j", count: 100))
        #expect(state.overlayTop == end)
        state.press("k")
        #expect(state.overlayTop == end - 1 && !footer().contains("-60 of 60"))
        state.press("g ")
        #expect(state.overlayTop > 0 && state.overlayTop <= state.paneHeight, "Space pages by the entries shown")
    }

    @Test func warningsAreReachableFromW() {
        let text = "# B\n\n## A\n\n北京 | 不存在的文章\n\n上海 | 真的文章\n\n## A\n\n### 上海 | 真的文章\n\n正文\n"
        var state = Reader.state(text, width: 100, height: 20)
        #expect(state.statusLine.contains("w: 1 warning"))
        state.press("w")
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("Warnings"))
        #expect(screen.contains("不存在的文章"))
        state.press("w")
        #expect(state.overlay == nil)
    }

    @Test func filesThatCouldNotBeOpenedAreCountedAndListedUnderW() {
        let bulletin = BulletinParser.parse("## 要闻\n\n### 上海 | 新闻\n\n正文\n", path: "ok.md")
        let library = Library([bulletin], unreadable: [.notText(path: "dir/bad.md"), .unreadable(path: "dir/locked.md", reason: "permission denied")])
        var state = ReaderState(library: library, width: 100, height: 20)
        #expect(state.tocLines.prefix(3) == ["▾ ok", "  ▾ 要闻", "    上海 | 新闻"])
        #expect(state.statusLine.contains("w: 2 warnings"))
        state.press("w")
        let screen = state.screen.joined(separator: "\n")
        #expect(screen.contains("dir/bad.md: not a text bulletin (binary data) (not opened)"))
        #expect(screen.contains("dir/locked.md: cannot read: permission denied (not opened)"))
    }
}

@Suite struct HostileInputTests {
    static let inputs: [(String, String)] = [
        ("empty", ""),
        ("title only", "# 只有标题\n"),
        ("no sections", "正文第一段。\n\n正文第二段。\n"),
        ("escapes", "# T\u{1B}[31m\n\n## A\u{7}\u{9B}2J\n\n### 北京 | 标题&#27;[2J&#7;\n\n正文\u{1B}]0;title\u{7}继续 &#x9b;1m\n"),
        ("wide and joined", "# 😀\n\n## 👩‍👩‍👧 家庭\n\n### e\u{301}\u{301} | \u{200B}零宽\u{FE0F}\u{202E}反向\n\n" + String(repeating: "长", count: 3000) + "\n"),
        ("one long word", "## S\n\n### R | H\n\n" + String(repeating: "a", count: 5000) + "\n"),
        ("deep headings", "## S\n\n### R | H\n\n#### 4\n\n##### 5\n\n###### 6\n\n- a\n  - b\n\n```\ncode\t\u{1B}x\n```\n"),
    ]

    @Test(arguments: inputs.map(\.0))
    func rendersWithoutControlCharactersAtAnySize(name: String) {
        let text = Self.inputs.first { $0.0 == name }!.1
        for (w, h) in [(1, 1), (20, 5), (40, 10), (41, 11), (80, 24), (200, 60)] {
            var state = Reader.state(text, width: w, height: h)
            for keys in ["", "j", "G", "]", "}", "/a", "{enter}", "n", "{esc}", "?", "{esc}w", "{esc}{tab}jz", "t"] {
                state.press(keys)
                let grid = state.render()
                #expect(grid.lines.count == h)
                #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) } },
                        "\(name) at \(w)x\(h) after \(keys)")
                // Cells never add up past the width.
                for y in 0..<h {
                    let columns = (0..<w).reduce(0) { $0 + Int(grid[$1, y].width) }
                    #expect(columns <= w)
                }
            }
        }
    }
}
