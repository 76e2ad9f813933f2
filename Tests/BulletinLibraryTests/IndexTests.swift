import BulletinCore
@testable import BulletinLibrary
import Glibc
import Testing

@Suite struct IndexTests {
    /// A folder of bulletins and an index beside it.
    struct Library {
        let folder = TemporaryFolder()
        var indexPath: String { folder.path + "/cache/index.sqlite" }

        func files() throws -> [String] { try ArchiveWalker.files(for: [folder.path + "/b"]) }

        func refresh() throws -> IndexRefresh.Outcome {
            try IndexRefresh.refresh(try LibraryIndex(path: indexPath), files: try files(), roots: [folder.path + "/b"])
        }

        /// Hits through the index, and by reading every file, in rank order as
        /// `path:line:node:kind:section>title matches` lines.
        func bothSearches(_ text: String) throws -> (indexed: [String], plain: [String]) {
            let query = SearchQuery(text), files = try files()
            func lines(_ hits: [SearchHit]) -> [String] {
                hits.map { "\($0.path):\($0.line):\($0.node):\($0.kind):\($0.section ?? "-")>\($0.displayTitle) \($0.matches)" }
            }
            let indexed = try IndexedSearch.search(query, index: try LibraryIndex(path: indexPath)) { .success(files) }.get()
            return (lines(indexed.hits), lines(ArchiveSearch.search(query, files: files).hits))
        }
    }

    @Test func storedOutlinesAreTheParsedOnes() throws {
        let library = Library()
        defer { library.folder.remove() }
        let a = library.folder.write("b/2024-01-05.md", sampleBulletin(title: "周报 第 3 期", articles: ["就业新政", "就业培训", "就业新政"]))
        library.folder.write("b/sub/old.md", "---\ntitle: 旧闻\ndate: 2020-02-02\n---\n\n## 一\n\n### 一条\n")
        let outcome = try library.refresh()
        #expect(outcome.parsed == 2 && outcome.errors.isEmpty)
        let index = try LibraryIndex(path: library.indexPath)
        let rows = try index.allBulletins()
        let row = try #require(rows.values.first { $0.path.hasSuffix("2024-01-05.md") })
        #expect(row.dating == BulletinDating(date: IssueDate(year: 2024, month: 1, day: 5), number: 3))
        #expect(row.sections == 2 && row.articles == 4 && row.title == "周报 第 3 期")
        #expect(try index.outline(of: row.id) == (try BulletinParser.parse(path: a)).outline)
        // Repeated headlines get occurrence numbers.
        let keys = BulletinIdentity.articleKeys(try index.outline(of: row.id)).values.sorted()
        #expect(keys == ["其他消息#0", "就业培训#0", "就业新政#0", "就业新政#1"])
        // Unchanged files are not read again.
        #expect(try library.refresh().parsed == 0)
    }

    /// The index answers "which bulletin first" from its newest-first
    /// order, within the folders asked about, and a refresh hands over
    /// each batch's rows as they are stored, the newest names first.
    @Test func newestFirstFromTheIndexAndRowsAsTheyAreStored() throws {
        let library = Library()
        defer { library.folder.remove() }
        library.folder.write("b/issue-07.md", sampleBulletin(title: "周报 第 7 期", articles: ["一"]))
        library.folder.write("b/issue-09.md", sampleBulletin(title: "周报 第 9 期", articles: ["二"]))
        library.folder.write("b/dated.md", sampleBulletin(title: "周报 2024-01-05", articles: ["三"]))
        library.folder.write("b/plain.md", sampleBulletin(title: "周报", articles: ["四"]))
        library.folder.write("other/2030-01-01.md", sampleBulletin(title: "别处 2030-01-01", articles: ["五"]))
        let index = try LibraryIndex(path: library.indexPath)
        var stored: [String] = []
        let outcome = try IndexRefresh.refresh(index, files: try library.files(), roots: [library.folder.path + "/b"], stored: { rows in
            stored += rows.map { $0.path.split(separator: "/").last.map(String.init) ?? "" }
        })
        #expect(Set(stored) == ["issue-07.md", "issue-09.md", "dated.md", "plain.md"] && outcome.parsed == 4)
        #expect(stored == ["plain.md", "issue-09.md", "issue-07.md", "dated.md"])
        _ = try IndexRefresh.refresh(index, files: [library.folder.path + "/other/2030-01-01.md"], roots: [library.folder.path + "/other"])
        let root = try #require(IndexRefresh.realPath(library.folder.path + "/b"))
        let names = try index.newestPaths(under: [root], limit: 10).map { $0.split(separator: "/").last.map(String.init) ?? "" }
        #expect(names == ["dated.md", "issue-09.md", "issue-07.md", "plain.md"])
        let rows = try index.allBulletins().values.filter { $0.path.hasPrefix(root + "/") }.sorted(by: IndexedBulletin.newestFirst)
        #expect(rows.map { $0.path.split(separator: "/").last.map(String.init) ?? "" } == names)
        #expect(try index.newestPaths(under: [root], limit: 2).count == 2)
        // Whether the index knows of a library there big enough to load in the background.
        #expect(try index.holdsLibrary(under: [root], over: 100))
        #expect(!(try index.holdsLibrary(under: [root], over: 1 << 30)))
        let other = try #require(IndexRefresh.realPath(library.folder.path + "/other"))
        #expect(!(try index.holdsLibrary(under: [other], over: 0)))  // one file is not a library
    }

    /// The reader's in-memory search texts find what the index finds.
    @Test func foldedTextsInMemoryAnswerAsTheIndexDoes() throws {
        let library = Library()
        defer { library.folder.remove() }
        library.folder.write("b/one.md", sampleBulletin(title: "一号", articles: ["稀有词汇出现", "Ｗｉｄｅ ASCII 新闻"]))
        library.folder.write("b/two.md", sampleBulletin(title: "二号", articles: ["普通消息", "wide ascii"]))
        library.folder.write("b/three.md", sampleBulletin(title: "三号", articles: ["稀有", "词汇"]))
        _ = try library.refresh()
        let index = try LibraryIndex(path: library.indexPath)
        let texts = try #require(try FoldedTexts(index, limit: 1 << 20))
        for text in ["稀有词汇", "稀有", "wide ascii", "ＡＳＣＩＩ", "消息 一号", "没有的词", "稀 汇"] {
            let query = SearchQuery(text)
            #expect(texts.candidates(for: query) == (try index.candidates(for: query)), "\(text)")
        }
        #expect(texts.candidates(for: SearchQuery("稀有")).count == 2)
        // A library whose texts exceed the limit keeps them in the index.
        #expect(try FoldedTexts(index, limit: 10) == nil)
    }

    @Test func changesBetweenRunsAreSeenByListAndSearch() throws {
        let library = Library()
        defer { library.folder.remove() }
        library.folder.write("b/one.md", sampleBulletin(title: "一号 2024-01-01", articles: ["稀有词汇出现", "普通消息"]))
        library.folder.write("b/two.md", sampleBulletin(title: "二号 2024-01-02", articles: ["普通消息二"]))
        library.folder.write("b/gone.md", sampleBulletin(title: "三号 2024-01-03", articles: ["即将删除的稀有词汇"]))
        _ = try library.refresh()
        var (indexed, plain) = try library.bothSearches("稀有词汇")
        #expect(indexed == plain && indexed.count == 2)

        // Change one (same size is not enough to hide it: mtime moves), add one, delete one.
        library.folder.write("b/two.md", sampleBulletin(title: "二号 2024-01-02", articles: ["稀有词汇也来了"]))
        library.folder.write("b/new.md", sampleBulletin(title: "四号 2024-01-04", articles: ["新的稀有词汇"]))
        unlink(library.folder.path + "/b/gone.md")
        // Before the refresh, stale rows are read from their files: the same hits.
        (indexed, plain) = try library.bothSearches("稀有词汇")
        #expect(indexed == plain && indexed.count == 3)
        let outcome = try library.refresh()
        #expect(outcome.parsed == 2 && outcome.removed == 1)
        (indexed, plain) = try library.bothSearches("稀有词汇")
        #expect(indexed == plain && indexed.count == 3)
        for query in ["北京", "普通 消息", "要闻", "其他", "没有这个词"] {
            (indexed, plain) = try library.bothSearches(query)
            #expect(indexed == plain, "\(query)")
        }
        let titles = try LibraryIndex(path: library.indexPath).allBulletins().values.sorted(by: IndexedBulletin.newestFirst).map(\.title)
        #expect(titles == ["四号 2024-01-04", "二号 2024-01-02", "一号 2024-01-01"])
    }

    @Test(arguments: ["random", "truncated", "empty"])
    func damagedIndexIsSetAsideAndRebuilt(_ damage: String) throws {
        let library = Library()
        defer { library.folder.remove() }
        library.folder.write("b/one.md", sampleBulletin(title: "一号", articles: ["消息"]))
        _ = try library.refresh()
        let folder = TemporaryFolder(existing: library.folder.path + "/cache")
        switch damage {
        case "random":
            var generator = SystemRandomNumberGenerator()
            folder.writeBytes("index.sqlite", (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        case "truncated":
            #expect(truncate(library.indexPath, 4096) == 0)
        default:
            folder.writeBytes("index.sqlite", [])
        }
        unlink(library.indexPath + "-wal")
        unlink(library.indexPath + "-shm")
        let index = try LibraryIndex(path: library.indexPath)
        let aside = folder.files(prefix: "index.sqlite.corrupt-")
        if damage == "empty" {
            // An empty file is an empty database: nothing to keep.
            #expect(index.notice == nil && aside.isEmpty)
        } else {
            #expect(index.notice?.contains("moved aside") == true)
            #expect(aside.count == 1)
        }
        #expect(try library.refresh().parsed == 1)
        #expect(try LibraryIndex(path: library.indexPath).allBulletins().count == 1)
    }

    @Test func twoWritersAtOnceLoseNothing() throws {
        let library = Library()
        defer { library.folder.remove() }
        for i in 0..<40 { library.folder.write("b/\(i).md", sampleBulletin(title: "第 \(i) 期", articles: ["消息\(i)"])) }
        let files = try library.files()
        // Two connections (as two processes have) refreshing halves at once.
        let errors = Parallel.map(count: 2) { k -> String? in
            do {
                let index = try LibraryIndex(path: library.indexPath)
                let half = files.enumerated().filter { $0.offset % 2 == k }.map(\.element)
                _ = try IndexRefresh.refresh(index, files: half, roots: half)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(errors.compactMap { $0 }.isEmpty)
        #expect(try LibraryIndex(path: library.indexPath).allBulletins().count == 40)
    }
}

@Suite struct IndexSchemaTests {
    /// The index is a cache: one of another schema is rebuilt quietly, not
    /// reported as damage; the reading state's is set aside (it is the user's).
    @Test func anOlderIndexIsRebuiltAndAnOlderStateIsSetAside() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for (name, version) in [("index.sqlite", 1), ("state.sqlite", 7)] {
            let db = try SQLiteDatabase(path: folder.path + "/" + name)
            try db.execute("CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT, search TEXT); CREATE TABLE nodes(file INTEGER REFERENCES files(id)); PRAGMA user_version=\(version)")
            try db.execute("INSERT INTO files(path, search) VALUES ('/old.md', 'x')")
        }
        let index = try LibraryIndex(path: folder.path + "/index.sqlite")
        #expect(index.notice == nil && folder.files(prefix: "index.sqlite.corrupt-").isEmpty)
        #expect(try index.allBulletins().isEmpty)
        let state = ReadingState(path: folder.path + "/state.sqlite")
        #expect(state.notice?.contains("moved aside") == true && folder.files(prefix: "state.sqlite.corrupt-").count == 1, "\(state.notice ?? "no notice")")
    }
}
