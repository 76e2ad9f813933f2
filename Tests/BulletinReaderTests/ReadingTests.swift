import BulletinCore
@testable import BulletinReader
import Testing

/// Reading state in the reader (issue 9): marks, counts, styles, `m`, `s`,
/// `u`/`U`, and the position saved and resumed.
@Suite struct ReadingTests {
    static let newer = BulletinParser.parse("""
        # 周报 2024年1月5日

        ## 要闻

        ### 北京 | 第一条

        正文一。

        ### 上海 | 第二条

        正文二。

        ## 其他

        ### 广州 | 第三条

        正文三。
        """, path: "/a/new.md")
    static let older = BulletinParser.parse("# 周报 2023年1月5日\n\n## 要闻\n\n### 深圳 | 旧闻\n\n正文。\n", path: "/a/old.md")

    func state(read: [String] = [], height: Int = 30, onScroll: Bool = true) -> ReaderState {
        let library = Library([Self.newer, Self.older])
        let marks = ReadingMarks(read: Set(read.map { ArticleID(bulletin: library.identity(ofBulletin: 0), article: $0) }))
        return ReaderState(library: library, width: 100, height: height, foldsOtherBulletins: true, reading: marks,
                           marksReadOnScroll: onScroll)
    }

    func row(_ state: ReaderState, containing text: String) -> Int? {
        state.tocLines.firstIndex { $0.contains(text) }
    }

    @Test func unreadCountsBesideBulletinsAndSectionsAndStylesOfArticles() throws {
        let state = state(read: ["第一条#0"])
        let lines = state.tocLines.filter { !$0.isEmpty }
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("▾ 周报 2024年1月5日") && lines[0].hasSuffix(" 2"))
        #expect(lines[1].hasPrefix("  ▾ 要闻") && lines[1].hasSuffix(" 1"))
        #expect(lines[4].hasPrefix("  ▾ 其他") && lines[4].hasSuffix(" 1"))
        #expect(lines[6].hasPrefix("▸ 周报 2023年1月5日") && lines[6].hasSuffix(" 1"))
        let grid = state.render()
        let readRow = try #require(row(state, containing: "第一条")), unreadRow = try #require(row(state, containing: "第二条"))
        let readX = try #require((0..<state.tocWidth).first { grid[$0, readRow].text == "第" })
        let unreadX = try #require((0..<state.tocWidth).first { grid[$0, unreadRow].text == "第" })
        #expect(grid[readX, readRow].style == CellStyle(.muted))
        #expect(grid[unreadX, unreadRow].style == CellStyle(.tocArticle, extra: .bold))
    }

    @Test func anArticleIsReadOnceItsEndHasBeenOnScreen() {
        // A pane too short for all of the first bulletin: only what has been
        // shown counts, and each mark is an effect to save.
        var state = state(height: 12)
        #expect(state.reading.read.isEmpty)
        let effects = state.handle(.key(.character("j")))
        let marked = effects.compactMap { effect -> String? in
            if case .saveReading(.read(let id, true)) = effect { return id.article }
            return nil
        }
        #expect(!marked.isEmpty && !marked.contains("旧闻#0"))
        #expect(marked.allSatisfy { state.reading.read.contains(ArticleID(bulletin: state.library.identity(ofBulletin: 0), article: $0)) })
        // With marking on scroll off, only `m` marks.
        var manual = self.state(height: 12, onScroll: false)
        #expect(manual.handle(.key(.character("j"))).isEmpty && manual.reading.read.isEmpty)
    }

    @Test func mTogglesSStarsAndBothAreSaved() throws {
        var state = state(onScroll: false)
        state.press("}")
        let article = try #require(state.library.article(containing: state.currentNode))
        let id = try #require(state.library.articleID(article))
        #expect(state.handle(.key(.character("m"))) == [.saveReading(.read(id, true))])
        #expect(state.reading.read == [id] && state.message == "Marked read")
        #expect(state.handle(.key(.character("m"))) == [.saveReading(.read(id, false))])
        #expect(state.reading.read.isEmpty)
        #expect(state.handle(.key(.character("s"))) == [.saveReading(.starred(id, true))])
        #expect(state.tocLines.contains { $0.contains("★ 北京 | 第一条") })
    }

    @Test func uAndShiftUVisitUnreadArticlesAcrossBulletins() {
        var state = state(read: ["第一条#0", "第二条#0"], onScroll: false)
        state.press("u")
        #expect(state.library.node(state.currentNode).headline == "第三条")
        state.press("u")
        #expect(state.library.node(state.currentNode).headline == "旧闻")
        #expect(state.tocLines.first { !$0.isEmpty }?.hasPrefix("▸ 周报 2024年1月5日") == true, "the bulletin left is folded")
        state.press("u")
        #expect(state.message == "No unread article after this one")
        state.press("U")
        #expect(state.library.node(state.currentNode).headline == "第三条")
    }

    @Test func thePositionIsSavedOnQuitAndResumed() {
        var state = state(onScroll: false)
        state.press("}}")
        state.press("j")
        let effects = state.handle(.key(.character("q")))
        let identity = state.library.identity(ofBulletin: 0)
        #expect(effects.first == .saveReading(.position(bulletin: identity, node: "第二条#0", line: state.position.line)))
        #expect(effects.last == .quit)
        var reopened = self.state(onScroll: false)
        reopened.resume(ResumeTarget(bulletin: identity, node: "第二条#0", line: state.position.line))
        #expect(reopened.position == state.position)
        // The other bulletin, by its identity: it opens there, unfolded.
        reopened.resume(ResumeTarget(bulletin: reopened.library.identity(ofBulletin: 1), node: "#0", line: 0))
        #expect(reopened.library.locate(reopened.currentNode).bulletin == 1)
        #expect(reopened.tocLines.first { !$0.isEmpty }?.hasPrefix("▸") == true)
        // Places that are not there are ignored.
        reopened.resume(ResumeTarget(bulletin: "t:nothing|", node: "#0", line: 0))
        #expect(reopened.library.locate(reopened.currentNode).bulletin == 1)
    }

    @Test func withoutStateNothingIsMarkedCountedOrSaved() {
        var state = ReaderState(library: Library([Self.newer]), width: 100, height: 30)
        #expect(state.handle(.key(.character("m"))).isEmpty && state.message?.contains("off") == true)
        #expect(state.handle(.key(.character("q"))) == [.quit])
        #expect(!state.tocLines[0].hasSuffix(" 3"))
    }
}

/// `r` and changes in the folders (issue 9): the library read again, new
/// bulletins marked, the place kept.
@Suite struct RescanTests {
    @Test func aRescanAddsNewBulletinsMarkedNewAndKeepsThePlace() {
        var state = ReaderState(library: Library([ReadingTests.newer, ReadingTests.older]), width: 100, height: 30,
                                foldsOtherBulletins: true)
        state.press("}}")
        let place = state.library.node(state.currentNode).headline
        #expect(state.handle(.key(.character("r"))) == [.rescan])
        #expect(state.handle(.key(.character("r"))).isEmpty, "one rescan at a time")
        #expect(state.screen.last?.contains("rescanning…") == true)
        let added = BulletinParser.parse("# 新刊 2025年2月1日\n\n## 要闻\n\n### 杭州 | 刚到\n\n正文。\n", path: "/a/added.md")
        _ = state.update(.rescanned(Library([added, ReadingTests.newer, ReadingTests.older])))
        #expect(state.library.node(state.currentNode).headline == place, "the reading place holds")
        #expect(state.library.locate(state.currentNode).bulletin == 1)
        #expect(state.message == "1 new bulletin" && !state.rescanning)
        let lines = state.tocLines.filter { !$0.isEmpty }
        #expect(lines.first == "▸ new 新刊 2025年2月1日")
        #expect(lines.contains("▾ 周报 2024年1月5日") && lines.last == "▸ 周报 2023年1月5日")
        // Opening it takes the mark away.
        state.press("gG")
        state.press("g")
        #expect(state.library.locate(state.currentNode).bulletin == 0)
        #expect(!state.tocLines.contains { $0.contains(" new ") })
        // A change seen in the folders asks for a rescan too.
        #expect(state.update(.filesChanged) == [.rescan])
    }

    @Test func aDeletedBulletinIsDroppedAndTheReaderMovesToWhatIsLeft() {
        var state = ReaderState(library: Library([ReadingTests.newer, ReadingTests.older]), width: 100, height: 30,
                                foldsOtherBulletins: true)
        state.press("]]]")
        #expect(state.library.locate(state.currentNode).bulletin == 1)
        _ = state.update(.rescanned(Library([ReadingTests.newer])))
        #expect(state.library.bulletins.count == 1 && state.currentNode < state.library.nodeCount)
        #expect(state.message == "1 bulletin gone from its folder")
    }
}

@Suite struct StarredTests {
    @Test func starredArticlesAreListedUnderAStarredNodeAtTheTop() throws {
        let library = Library([ReadingTests.newer, ReadingTests.older])
        let oldID = try #require(library.articleID(library.articles.last!))
        var state = ReaderState(library: library, width: 100, height: 30, foldsOtherBulletins: true,
                                reading: ReadingMarks(starred: [oldID]), marksReadOnScroll: false)
        var lines = state.tocLines.filter { !$0.isEmpty }
        #expect(lines[0] == "▾ ★ Starred 1")
        #expect(lines[1] == "  ★ 深圳 | 旧闻")
        #expect(lines[2].hasPrefix("▾ 周报 2024年1月5日"))
        // The cursor follows the reading in the tree, not in the group.
        #expect(state.cursor == 2)
        // Star the article being read: the group grows, in library order.
        state.press("}")
        state.press("s")
        lines = state.tocLines.filter { !$0.isEmpty }
        #expect(lines[0] == "▾ ★ Starred 2" && lines[1] == "  ★ 北京 | 第一条" && lines[2] == "  ★ 深圳 | 旧闻")
        #expect(state.tocLines[state.cursor].contains("北京 | 第一条") && !state.rows[state.cursor].inStarredGroup)
        // Enter on an entry opens its article, in its own bulletin.
        state.press("{tab}")
        state.press("gjj{enter}")
        #expect(state.library.node(state.currentNode).headline == "旧闻")
        // The group folds as a whole.
        state.press("{tab}gh")
        #expect(state.tocLines.filter { !$0.isEmpty }[0] == "▸ ★ Starred 2")
        #expect(!state.tocLines.contains { $0.hasPrefix("  ★ ") })
        // Unstarring the last ones takes the group away.
        state.press("lj")
        state.press("s")
        #expect(state.tocLines.filter { !$0.isEmpty }[0] == "▾ ★ Starred 1")
        state.press("s")
        #expect(!state.tocLines.contains { $0.contains("Starred") })
        #expect(state.reading.starred.isEmpty)
    }
}

@Suite struct LibraryStartTests {
    /// A big library shows its first file while the rest loads; once loaded
    /// it opens at the newest bulletin, or where reading stopped, unless the
    /// reader moved meanwhile.
    @Test func aLoadedLibraryOpensAtTheNewestOrWhereReadingStopped() {
        let first = ReadingTests.older  // the walk found it first
        let full = Library([ReadingTests.newer, ReadingTests.older])
        var state = ReaderState(library: Library([first]), width: 100, height: 30, loading: true, foldsOtherBulletins: true,
                                reading: ReadingMarks())
        _ = state.update(.loaded(full, lineOffset: 0))
        #expect(state.library.locate(state.currentNode).bulletin == 0, "the newest")

        var resumed = ReaderState(library: Library([first]), width: 100, height: 30, loading: true, foldsOtherBulletins: true,
                                  reading: ReadingMarks())
        resumed.resume(ResumeTarget(bulletin: full.identity(ofBulletin: 0), node: "第三条#0", line: 0))
        _ = resumed.update(.loaded(full, lineOffset: 0))
        #expect(resumed.library.node(resumed.currentNode).headline == "第三条", "where reading stopped")

        var moved = ReaderState(library: Library([first]), width: 100, height: 30, loading: true, foldsOtherBulletins: true,
                                reading: ReadingMarks())
        moved.press("}")
        let place = moved.library.node(moved.currentNode).headline
        _ = moved.update(.loaded(full, lineOffset: 0))
        #expect(moved.library.node(moved.currentNode).headline == place, "the reader moved: it stays")
    }
}

@Suite struct ReadingLoadedTests {
    /// The launcher draws the first frame before opening the state; the
    /// state's marks and place arrive as a message right after.
    @Test func theReadingStateArrivesAfterTheFirstFrame() throws {
        let library = Library([ReadingTests.newer, ReadingTests.older])
        var state = ReaderState(library: library, width: 100, height: 12, foldsOtherBulletins: true)
        #expect(!state.tracksReading && !state.tocLines[0].hasSuffix(" 3"))
        let read = ArticleID(bulletin: library.identity(ofBulletin: 0), article: "第一条#0")
        let effects = state.update(.readingLoaded(ReadingMarks(read: [read]),
                                                  resume: ResumeTarget(bulletin: library.identity(ofBulletin: 0), node: "第三条#0", line: 0),
                                                  notice: "reading state will not be saved (test)"))
        #expect(state.tracksReading && state.reading.read.contains(read))
        #expect(state.library.node(state.currentNode).headline == "第三条", "resumed")
        #expect(state.message == "reading state will not be saved (test)")
        // What is on screen at the resumed place counts as seen.
        #expect(effects.contains { if case .saveReading(.read(let id, true)) = $0 { id.article == "第三条#0" } else { false } })
        #expect(state.tocLines.contains { $0.hasPrefix("▾ 周报 2024年1月5日") && $0.hasSuffix(" 1") })
    }
}
