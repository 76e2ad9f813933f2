import BulletinCore
@testable import BulletinReader
import Testing

@Suite struct NavigationTests {
    @Test func sectionJumpsMoveTheArticlePaneAndTheTOCHighlight() {
        var state = Reader.state(width: 100, height: 30)
        state.press("]")
        #expect(state.articleLines[0] == " 1. 使用说明")
        #expect(state.statusLine.contains("§1/5"))
        state.press("]")
        #expect(state.articleLines[0] == " 2. 城市动态")
        #expect(state.statusLine.contains("§2/5"))
        // The highlighted TOC row is the section the reader is in.
        #expect(state.tocLines[state.cursor - state.tocTop] == "  ▾ 城市动态")
        #expect(state.render()[4, state.cursor - state.tocTop].style.part == .selection)
        state.press("[")
        #expect(state.articleLines[0] == " 1. 使用说明")
        state.press("[")
        #expect(state.message == "No previous section")
    }

    @Test func articleJumpsAndSectionNumbers() {
        var state = Reader.state(width: 100, height: 30)
        state.press("3")
        #expect(state.articleLines[0] == " 3. 科技创新")
        state.press("}")
        #expect(state.articleLines[0] == " 3.1 国务院 | 关于加快数字经济发展的指导意见")
        #expect(state.statusLine.contains("article 5/11"))
        state.press("}{{")
        #expect(state.articleLines[0] == " 2.3 广东深圳 | 前海合作区新增跨境金融服务试点")
        state.press("9")
        #expect(state.message == "No section 9 (this bulletin has 5)")
    }

    @Test func scrollingPagingTopAndBottom() {
        var state = Reader.state(width: 80, height: 20)
        let first = state.articleLines
        state.press("j")
        #expect(state.articleLines[0] == first[1])
        state.press("k{down}{up}")
        #expect(state.articleLines == first)
        state.press(" ")
        #expect(state.articleLines[0] == first[state.paneHeight - 1])
        state.press("b")
        #expect(state.articleLines == first)
        state.press("G")
        #expect(state.statusLine.contains("100%"))
        #expect(state.articleLines.last!.contains("Tuas") || state.articleLines.contains { $0.contains("Tuas.") })
        state.press("j")  // already at the end
        #expect(state.statusLine.contains("100%"))
        state.press("g")
        #expect(state.articleLines == first)
    }

    /// less and vi keys: Ctrl-D/U half a screen, Ctrl-F/B a screen; Ctrl-L
    /// asks the backend to repaint and changes nothing else.
    @Test func controlKeysPageAndRedraw() {
        var state = Reader.state(width: 80, height: 20)
        let first = state.articleLines
        let half = state.paneHeight / 2
        state.press("{^d}")
        #expect(state.articleLines[0] == first[half])
        state.press("{^u}")
        #expect(state.articleLines == first)
        state.press("{^f}")
        #expect(state.articleLines[0] == first[state.paneHeight - 1])
        state.press("{^b}")
        #expect(state.articleLines == first)
        let screen = state.screen
        #expect(state.handle(.key(.control("l"))) == [.repaintAll] && state.screen == screen)
        state.press("/北京{^u}")
        #expect(state.search?.text == "" && state.search?.editing == true, "Ctrl-U in the prompt clears it")
        state.press("城市 北京 {^w}")
        #expect(state.search?.text == "城市 ", "Ctrl-W in the prompt deletes the last word")
    }

    @Test func tabFocusesTheTOCWhereJKMoveTheCursorAndEnterOpens() {
        var state = Reader.state(width: 140, height: 30)
        state.press("{tab}")
        #expect(state.focus == .toc)
        #expect(state.statusLine.contains("[TOC]"))
        state.press("jjjj")  // 使用说明, 读者, 城市动态, 北京
        #expect(state.tocLines[state.cursor].hasPrefix("    北京 | 地铁新线开通"))
        #expect(state.articleLines[0] == " 示例简报 · Sample bulletin")  // the article pane waits for Enter
        state.press("{enter}")
        #expect(state.focus == .article)
        #expect(state.articleLines[0] == " 2.1 北京 | 地铁新线开通 早高峰通勤时间缩短15分钟")
    }

    @Test func sectionJumpsCrossFromOneBulletinToTheNext() {
        let a = BulletinParser.parse("# 甲\n\n## 一\n\n### 北京 | 甲一\n\n正文\n", path: "a.md")
        let b = BulletinParser.parse("# 乙\n\n## 二\n\n### 上海 | 乙二\n\n正文\n", path: "b.md")
        var state = Reader.state([a, b], width: 80, height: 20)
        #expect(state.tocLines.prefix(6) == ["▾ 甲", "  ▾ 一", "    北京 | 甲一", "▾ 乙", "  ▾ 二", "    上海 | 乙二"])
        state.press("]")
        #expect(state.statusLine.hasPrefix(" a.md (1/2)  §1/1"))
        state.press("]")
        #expect(state.articleLines[0] == " 1. 二")
        #expect(state.statusLine.hasPrefix(" b.md (2/2)  §1/1"))
        state.press("}")
        #expect(state.articleLines[0] == " 1.1 上海 | 乙二")
        state.press("[[")
        #expect(state.articleLines[0] == " 1. 一")
    }

    @Test func tocHideAndResizeKeepTheMinimumWidth() {
        var state = Reader.state(width: 90, height: 24)
        state.press("t")
        #expect(state.tocWidth == 0 && state.articleX == 0)
        #expect(!state.screen[0].contains("│"))
        state.press("t<<<<<<<<")
        #expect(state.tocWidth == ReaderState.minimumTOCWidth)
        state.press(">")
        #expect(state.tocWidth == 24)
        #expect(state.render()[24, 0].text == "│")
    }

    /// Hiding, showing or resizing the TOC re-wraps the article pane; the
    /// line on top keeps its text, as after a terminal resize.
    @Test func tocChangesKeepTheReadingPlace() {
        let long = "## 栏目\n\n### 北京 | 长文\n\n" + (1...40).map { "第\($0)句话写在这里，内容足够长以便换行。" }.joined() + "\n"
        var state = Reader.state(long, width: 90, height: 20)
        state.press("}" + String(repeating: "j", count: 12))
        let node = state.position.node
        for keys in ["t", "t", "<", ">>>"] {
            let top = state.articleLines[0].trimmingCharacters(in: " ")
            let sentence = top.split(separator: "第").dropFirst().first.map { "第" + $0.prefix(3) } ?? String(top.prefix(4))
            state.press(keys)
            #expect(state.position.node == node && state.position.line < state.lineCount(node), "after \(keys)")
            let shown = state.articleLines.prefix(2).joined().filter { $0 != " " }
            #expect(shown.contains(sentence), "after \(keys): \(sentence) → \(state.articleLines[0])")
        }
    }

    @Test func resizeRewrapsAndKeepsTheReadingPosition() {
        var state = Reader.state(width: 120, height: 30)
        state.press("]]}jjj")  // inside 北京's article
        let before = state.articleLines[0]
        state.handle(.resize(width: 60, height: 20))
        #expect(state.position.node == state.library.articles[1])
        #expect(!state.articleLines[0].isEmpty)
        // The line now on top holds text that was on the top line before.
        let words = before.split(separator: "，").first.map(String.init) ?? before
        #expect(state.articleLines.prefix(3).joined().contains(words.trimmingCharacters(in: " ").prefix(4)), "\(before) → \(state.articleLines[0])")
        state.handle(.resize(width: 30, height: 8))
        #expect(state.tooSmall)
        state.handle(.resize(width: 120, height: 30))
        #expect(state.position.node == state.library.articles[1])
    }

    @Test func mouseClickOpensATOCEntryAndWheelScrollsThePaneUnderThePointer() {
        var state = Reader.state(width: 100, height: 30)
        state.handle(.mouse(MouseEvent(.press, x: 8, y: 4)))  // 北京's row
        #expect(state.articleLines[0] == " 2.1 北京 | 地铁新线开通 早高峰通勤时间缩短15分钟")
        let top = state.articleLines
        state.handle(.mouse(MouseEvent(.wheelDown, x: 60, y: 5)))
        #expect(state.articleLines[0] == top[3])
        state.handle(.mouse(MouseEvent(.wheelUp, x: 60, y: 5)))
        #expect(state.articleLines == top)
        // Clicking a section's marker folds it.
        state.handle(.mouse(MouseEvent(.press, x: 2, y: 3)))
        #expect(state.tocLines[3] == "  ▸ 城市动态")
        #expect(state.tocLines[4] == "  ▾ 科技创新")
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        return String(s)
    }
}

@Suite struct PureUpdateTests {
    @Test func updateReturnsANewStateAndLeavesTheOldOneAlone() {
        let state = Reader.state(width: 100, height: 30)
        let next = state.updated(.nextSection)
        #expect(next.position != state.position)
        #expect(state.position == ReaderState.Position(node: 0, line: 0))
        #expect(next.render().lines != state.render().lines)
        #expect(state.render().lines == Reader.state(width: 100, height: 30).render().lines)
    }
}
