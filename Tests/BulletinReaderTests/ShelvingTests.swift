import BulletinCore
import BulletinLibrary
import Foundation
@testable import BulletinReader
import Synchronization
import Testing

/// A library read from the index: folded bulletins are stubs, read from
/// their files only when the reader needs them, and put back when folded
/// away (issue 9: memory follows what is read).
@Suite struct ShelvingTests {
    /// Bulletin `i` of `count`: newest first, three sections of two articles
    /// each; bulletin 3 alone has the word 鲲鹏 in a headline.
    static func text(_ i: Int) -> String {
        var out = "# 周报 第\(100 - i)期\n\n"
        for s in 1...3 {
            out += "## 栏目\(s)\n\n"
            for a in 1...2 {
                let word = i == 3 && s == 2 && a == 1 ? "鲲鹏计划" : "新闻"
                out += "### 地区\(a) | 第\(100 - i)期\(word)\(s)-\(a)\n\n" + String(repeating: "正文。", count: 80) + "\n\n"
            }
        }
        return out
    }

    /// Counts what the shelf was asked, so a test can tell what was read.
    final class Reads: Sendable {
        let loads = Mutex<[String]>([])
        let failing: Set<String>
        init(failing: Set<String> = []) { self.failing = failing }
    }

    /// `count` bulletins, all stubs but the first; the shelf reads them
    /// from text and finds candidates by their folded headlines, as the
    /// index's folded text does.
    static func library(count: Int = 6, reads: Reads = Reads()) -> Library {
        let bulletins = (0..<count).map { BulletinParser.parse(text($0), path: "b\($0).md") }
        let byPath = Dictionary(uniqueKeysWithValues: bulletins.map { ($0.path, $0) })
        let stubs = bulletins.enumerated().map { i, b in
            BulletinStub(id: 1000 + i, path: b.path, title: b.title, identity: "id-\(i)",
                         sections: b.outline.sectionIndices.count, articles: b.outline.articleIndices.count)
        }
        let texts = bulletins.map { HeadlineIndex($0).foldedText }
        let shelf = LibraryShelf(load: { stub in
            reads.loads.withLock { $0.append(stub.path) }
            if reads.failing.contains(stub.path) { return .failure(.missing(path: stub.path)) }
            return .success(byPath[stub.path]!)
        }, candidates: { query in
            Set(texts.indices.filter { i in query.keywords.allSatisfy { texts[i].contains($0.string) } }.map { 1000 + $0 })
        })
        return Library(stubs: stubs, read: [0: bulletins[0]], shelf: shelf)
    }

    static func state(_ library: Library, reading: ReadingMarks? = nil) -> ReaderState {
        ReaderState(library: library, width: 100, height: 30, foldsOtherBulletins: true, reading: reading, marksReadOnScroll: false)
    }

    static func loaded(_ state: ReaderState) -> [Int] { state.library.read.keys.sorted() }

    @Test func foldedBulletinsAreStubRowsWithTheirCounts() {
        let state = Self.state(Self.library(), reading: ReadingMarks(read: [Self.articleIDs(of: 2)[0]]))
        #expect(Self.loaded(state) == [0])
        let lines = state.tocLines.filter { !$0.isEmpty }
        #expect(lines[0].hasPrefix("▾ 周报 第100期"))
        // A stub folds what its file holds and counts its unread articles
        // from the marks kept for it (one of bulletin 2's six is read).
        #expect(lines.contains { $0.hasPrefix("▸ 周报 第99期") && $0.hasSuffix(" 6") })
        #expect(lines.contains { $0.hasPrefix("▸ 周报 第98期") && $0.hasSuffix(" 5") })
        #expect(state.library.nodeCount == state.library.bulletins[0].outline.count + 5)
    }

    @Test func unfoldingAStubReadsItAndReadingOnPutsItBack() {
        let reads = Reads()
        var state = Self.state(Self.library(reads: reads))
        state.press("{tab}G")
        state.press("l")
        #expect(Self.loaded(state) == [0, 5])
        #expect(state.tocLines.contains { $0.contains("地区1 | 第95期新闻1-1") })
        #expect(state.tocLines[state.cursor].hasPrefix("▾ 周报 第95期"))
        state.press("{enter}")
        #expect(state.statusLine.contains("b5.md (6/6)"))
        // Reading in bulletin 5 now: bulletin 0 is folded and back to its stub.
        #expect(Self.loaded(state) == [5])
        #expect(reads.loads.withLock { $0 } == ["b5.md"])
    }

    @Test func scrollingPastTheEndOfABulletinReadsTheNext() {
        var state = Self.state(Self.library())
        for _ in 0..<60 { state.press(" ") }
        #expect(state.statusLine.contains("(6/6)"))
        #expect(state.percent == 100)
        // Only what was on the way stays read: the bulletin shown and the one above it on screen at most.
        #expect(Self.loaded(state).count <= 2 && Self.loaded(state).contains(5))
    }

    @Test func jumpsGoIntoStubs() {
        var state = Self.state(Self.library())
        state.press("]]]]")
        #expect(state.statusLine.contains("b1.md (2/6)") && state.statusLine.contains("§1/3"))
        state.press("[")
        #expect(state.statusLine.contains("b0.md (1/6)") && state.statusLine.contains("§3/3"))
        state.press("G")
        #expect(state.statusLine.contains("b5.md (6/6)") && state.percent == 100)
        state.press("g")
        #expect(state.statusLine.contains("b0.md (1/6)"))
    }

    @Test func nextUnreadSkipsStubsReadThroughAndReadsTheOneWithUnread() {
        let reads = Reads()
        var state = Self.state(Self.library(reads: reads))
        // Bulletins 0 to 2 read through; 3 has every article unread.
        _ = state.update(.readingLoaded(ReadingMarks(read: Set((0...2).flatMap(Self.articleIDs))), resume: nil, notice: nil))
        state.press("u")
        #expect(state.statusLine.contains("b3.md (4/6)") && state.statusLine.contains("article 1/6"))
        // The stubs read through were passed by their counts, never read.
        #expect(reads.loads.withLock { $0 } == ["b3.md"])
        state.press("U")
        #expect(state.message == "No unread article before this one")
        #expect(Self.loaded(state) == [3])
    }

    /// The reading-state keys of bulletin `b`'s articles, as the library
    /// works them out once it is read.
    static func articleIDs(of b: Int) -> [ArticleID] {
        let bulletin = BulletinParser.parse(text(b), path: "b\(b).md")
        return BulletinIdentity.articleKeys(bulletin.outline).values.map { ArticleID(bulletin: "id-\(b)", article: $0) }
    }

    @Test func searchReadsTheStubsWithHitsAndPutsThemBackOnEsc() {
        let reads = Reads()
        var state = Self.state(Self.library(reads: reads))
        state.press("/鲲鹏")
        #expect(state.search?.matches.count == 1)
        #expect(state.tocLines.contains { $0.contains("第97期鲲鹏计划2-1") })
        // Only the one stub that holds the word was read.
        #expect(reads.loads.withLock { $0 } == ["b3.md"])
        state.press("{enter}")
        #expect(state.statusLine.contains("b3.md (4/6)") && state.statusLine.contains("article 3/6"))
        state.press("{esc}")
        #expect(Self.loaded(state) == [3])
    }

    /// A word in every bulletin of a big library: a keystroke reads the
    /// stubs a batch at a time until a screen of hits is there, and
    /// `n` past the last hit read reads the next batch.
    @Test func hitsInManyStubsAreReadABatchAtATime() {
        var state = Self.state(Self.library(count: 60))
        state.press("/新闻")
        let first = Self.loaded(state).count
        #expect(first > 1 && first < 60)
        #expect(state.rows.count >= state.paneHeight)
        #expect(state.render().lines.contains { $0.trimmingTrailingSpaces.hasSuffix("+ matches") }, "\(state.render().lines.suffix(2))")
        state.press("{enter}")
        let hits = state.search!.matches.count
        for _ in 0..<hits { state.press("n") }
        #expect(state.search!.matches.count > hits)
        #expect(state.message?.hasPrefix("Hit \(hits + 1) of ") == true)
        #expect(Self.loaded(state).count > first)
    }

    @Test func starredArticlesAndResumingReadTheirStubs() throws {
        var state = Self.state(Self.library())
        let starred = Self.articleIDs(of: 4)[0]
        let position = try #require(Self.articleIDs(of: 2).first)
        _ = state.update(.readingLoaded(ReadingMarks(starred: [starred]),
                                        resume: ResumeTarget(bulletin: "id-2", node: position.article, line: 0), notice: nil))
        #expect(state.tocLines.filter { !$0.isEmpty }[0] == "▾ ★ Starred 1")
        #expect(state.statusLine.contains("b2.md (3/6)"))
        #expect(Set(Self.loaded(state)) == [2, 4])
    }

    @Test func aStubWhoseFileIsGoneStaysARowAndSaysWhy() {
        var state = Self.state(Self.library(reads: Reads(failing: ["b5.md"])))
        state.press("G")
        #expect(state.message?.contains("b5.md: no such file or directory") == true)
        #expect(state.library.isShelved(5))
        state.press("{tab}Gl")
        #expect(state.library.isShelved(5) && state.tocLines.contains { $0.contains("第95期") })
    }

    /// Nothing asks for every stub: `Z` toggles sections only, and a
    /// library arriving after the reader moved comes folded.
    @Test func noKeyAndNoLoadReadsEveryStub() {
        let reads = Reads()
        let library = Self.library(count: 200, reads: reads)
        var state = ReaderState(library: Library([library.bulletins[0]]), width: 100, height: 30, loading: true, foldsOtherBulletins: true)
        state.press("jj")
        state.update(.loaded(library, lineOffset: 0))
        #expect(state.library.bulletins.count == 200)
        #expect(state.tocLines.filter { $0.hasPrefix("▸ 周报") }.count >= 15 && state.tocLines.filter { $0.hasPrefix("▾ 周报") }.count == 1)
        state.press("ZZ")
        state.press("{tab}G")
        // Read: at most the first one again (kept read across the swap) and the last, now in view.
        #expect(reads.loads.withLock { $0.count } <= 2)
        #expect(state.library.read.count <= 2)
    }

    /// Indexing fills the library in as it goes: each part is swapped in
    /// folded, still loading, the reader where it was; once whole, it
    /// resumes where reading stopped.
    @Test func aLibraryArrivingInPartsKeepsThePlaceAndResumesOnceWhole() throws {
        let full = Self.library(count: 6), part = Self.library(count: 3)
        var state = ReaderState(library: Library([full.bulletins[0]]), width: 100, height: 30, loading: true,
                                foldsOtherBulletins: true, reading: ReadingMarks(), marksReadOnScroll: false)
        let target = try #require(Self.articleIDs(of: 4).first)
        state.resume(ResumeTarget(bulletin: "id-4", node: target.article, line: 0))
        state.update(.partlyLoaded(part, lineOffset: 0))
        #expect(state.loading && state.statusLine.contains("b0.md (1/3)"))
        #expect(state.tocLines.filter { $0.hasPrefix("▸ 周报") }.count == 2)
        // What the reader unfolds meanwhile stays unfolded as the next part
        // arrives; only the bulletins new with it come folded.
        state.press("{tab}Gl{tab}")
        #expect(state.tocLines.contains { $0.hasPrefix("▾ 周报 第98期") })
        state.update(.partlyLoaded(Self.library(count: 5), lineOffset: 0))
        #expect(state.tocLines.contains { $0.hasPrefix("▾ 周报 第98期") })
        #expect(state.tocLines.filter { $0.hasPrefix("▸ 周报") }.count == 3)
        state.update(.progress("indexing 3/6"))
        #expect(state.statusLine.contains("indexing 3/6"))
        state.update(.loaded(full, lineOffset: 0))
        #expect(!state.loading && state.statusLine.contains("b4.md (5/6)"))
        #expect(state.library.articleID(state.library.article(containing: state.currentNode)!) == target)
    }
}

/// A folder read through a real index (in memory): stubs newest first, the
/// first bulletin read, search candidates from the folded texts, and the
/// files that cannot be read listed.
@Suite struct IndexedLibraryTests {
    @Test func aFolderBecomesStubsNewestFirstWithItsFirstRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("indexed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, title, headline) in [("a.md", "周报 2024年1月5日", "鲲鹏计划启动"), ("b.md", "周报 2023年5月1日", "普通新闻"),
                                        ("c.md", "周报 2025年2月1日", "另一条")] {
            try "# \(title)\n\n## 要闻\n\n### 北京 | \(headline)\n\n正文。\n".write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
        }
        try Data([0xFF, 0x00, 0xFE]).write(to: URL(fileURLWithPath: "\(dir)/broken.md"))
        let files = try ArchiveWalker.files(for: [dir])
        let library = try IndexedLibrary.read(files, roots: [dir], first: dir + "/a.md", encoding: nil) {
            (try! LibraryIndex(path: StoreFile.inMemory), nil)
        }
        #expect(library.bulletins.indices.map(library.path) == ["\(dir)/c.md", "\(dir)/a.md", "\(dir)/b.md"])
        #expect(library.read.keys.sorted() == [1] && library.isShelved(0) && library.isShelved(2))
        #expect(library.stubs[0]?.articles == 1 && library.stubs[0]?.title == "周报 2025年2月1日")
        #expect(library.unreadable.map(\.description).contains { $0.contains("broken.md") })
        // A forced encoding reads the folder the same, but leaves the index
        // it is given alone: the index holds what auto-detection read.
        let shared = try LibraryIndex(path: dir + "/index.sqlite")
        let forced = try IndexedLibrary.read(files, roots: [dir], first: nil, encoding: .utf8) { (shared, nil) }
        let rows = try shared.allBulletins()
        #expect(forced.bulletins.count == 3 && rows.isEmpty)
        // The shelf finds the stub holding a word, and reads it.
        let shelf = try #require(library.shelf)
        #expect(shelf.candidates(SearchQuery("另一条")) == [library.stubs[0]!.id])
        #expect(try shelf.load(library.stubs[0]!).get().outline.articleIndices.count == 1)
    }
}
