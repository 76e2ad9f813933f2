import BulletinCore
@testable import BulletinLibrary
import Testing

/// `bulletin search` through the index, as hits (`--json`) and as lines:
/// the same as reading every file, with enough candidates that two
/// connections share the rows, files named twice, and damaged records.
@Suite struct IndexedSearchTests {
    static let words = ["就业", "创业", "稳岗", "培训", "Ｗｉｄｅ", "ai"]

    /// 800 bulletins in two folders: rows enough for two connections taking three chunks.
    static func library() -> IndexTests.Library {
        let library = IndexTests.Library()
        for i in 0..<800 {
            var articles = (0..<(1 + i % 4)).map { k in "\(words[(i + k) % words.count])第\(k)条 \(words[(i * 7 + k) % words.count])" }
            // In three bulletins far apart: a few rows looked up, not a span read.
            if [5, 400, 790].contains(i) { articles.append("稀有词汇第\(i)号") }
            let month = 1 + i % 12
            library.folder.write("b/\(i % 2 == 0 ? "even" : "odd")/\(2000 + i / 12)-\(month < 10 ? "0" : "")\(month)-01.md",
                                 sampleBulletin(title: "周报 第 \(i) 期", articles: articles))
        }
        return library
    }

    static func describe(_ hits: [SearchHit]) -> [String] {
        hits.map { "\($0.path):\($0.line) \($0.node) \($0.kind) \($0.section ?? "-") > \($0.displayTitle) \($0.matches)" }
    }

    static func text(_ lines: SearchLines) -> String {
        var out: [UInt8] = []
        lines.forEachRun { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hits and lines through the index, and by reading every file.
    static func both(_ query: String, files: [String], index: LibraryIndex) throws -> (hits: [String], plainHits: [String], lines: String, plainLines: String) {
        let query = SearchQuery(query)
        let plain = ArchiveSearch.search(query, files: files).hits
        let hits = try IndexedSearch.search(query, index: index) { .success(files) }.get().hits
        let (lines, errors) = try IndexedSearch.lines(query, index: index) { .success(files) }.get()
        #expect(errors.isEmpty)
        return (describe(hits), describe(plain), text(lines), text(SearchLines([SearchLines.Part(plain)])))
    }

    @Test func linesAndHitsAreThoseOfReadingEveryFile() throws {
        let library = Self.library()
        defer { library.folder.remove() }
        _ = try library.refresh()
        let index = try LibraryIndex(path: library.indexPath)
        var files = try library.files()
        files.append(files[3])  // named twice: found twice, as when reading
        let rare = try Self.both("稀有词汇", files: files, index: index)
        #expect(rare.hits.count == 3 && rare.hits == rare.plainHits && rare.lines == rare.plainLines)
        for query in Self.words + ["就业 创业", "wide", "周报 就业", "第0条", "北京 ai", "没有的词"] {
            let found = try Self.both(query, files: files, index: index)
            #expect(found.hits == found.plainHits, "\(query)")
            #expect(found.lines == found.plainLines, "\(query)")
        }
        let common = try Self.both("北京", files: files, index: index)
        #expect(common.hits.count > 800)  // every bulletin a candidate: shared between two connections
        #expect(common.lines.split(separator: "\n").count == common.hits.count)
        #expect(common.lines.hasPrefix(library.folder.path + "/b/"))
    }

    /// A record cut short or overwritten is refused, and its file read:
    /// the hits do not change.
    @Test func aDamagedRecordIsSearchedInItsFile() throws {
        let library = Self.library()
        defer { library.folder.remove() }
        _ = try library.refresh()
        let index = try LibraryIndex(path: library.indexPath)
        try index.db.execute("UPDATE records SET record = substr(record, 1, 12) WHERE file % 3 = 0")
        try index.db.execute("UPDATE records SET record = zeroblob(40) WHERE file % 3 = 1")
        let files = try library.files()
        for query in ["就业", "北京", "其他消息"] {
            let found = try Self.both(query, files: files, index: index)
            #expect(found.hits == found.plainHits && !found.hits.isEmpty, "\(query)")
            #expect(found.lines == found.plainLines, "\(query)")
        }
    }
}
