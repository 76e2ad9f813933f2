import Foundation
import Testing
@testable import BulletinCore

@Suite struct SearchTests {
    let bulletin = BulletinParser.parse("""
    # 周报

    ## 科技 创新

    ### 北京 | ＡＩ 产业园 2021 年 开园

    ### 上海 | 人工智能大会召开

    ### ＡＩ研究院 | 发布新报告

    ## 教育

    ### 广州 | 中小学 AI 课程试点
    """, path: "week.md")

    @Test func foldingIgnoresCaseWidthAndSpaces() {
        #expect(HeadlineSearch.search(SearchQuery("2021年"), in: bulletin).map(\.region) == ["北京"])
        #expect(HeadlineSearch.search(SearchQuery("ai"), in: bulletin).count == 3)
        #expect(HeadlineSearch.search(SearchQuery("ＡＩ"), in: bulletin).count == 3)
        // The section by its own title, first; then its three articles through it.
        let hits = HeadlineSearch.search(SearchQuery("科技创新"), in: bulletin)
        #expect(hits.map(\.kind) == [.section, .article, .article, .article])
    }

    @Test func keywordsAreAndedAcrossFields() {
        let hits = HeadlineSearch.search(SearchQuery("科技 上海"), in: bulletin)
        #expect(hits.map(\.headline) == ["人工智能大会召开"])
        #expect(hits[0].matches == [.init(field: .section, start: 0, length: 2), .init(field: .region, start: 0, length: 2)])
        #expect(HeadlineSearch.search(SearchQuery("上海 广州"), in: bulletin).isEmpty)
        #expect(HeadlineSearch.search(SearchQuery("   "), in: bulletin).isEmpty)
    }

    @Test func headlineMatchesRankBeforeRegionOnlyAndEarlierFirst() {
        let hits = HeadlineSearch.search(SearchQuery("AI"), in: bulletin)
        // Headline at offset 0, headline at offset 4, then a region-only match.
        #expect(hits.map(\.region) == ["北京", "广州", "ＡＩ研究院"])
        #expect(hits[0].matches.first == .init(field: .headline, start: 0, length: 2))
        #expect(hits[1].matches.first == .init(field: .headline, start: 4, length: 2))
    }

    @Test func matchRangesPointAtOriginalScalars() {
        let hit = HeadlineSearch.search(SearchQuery("2021年"), in: bulletin)[0]
        let headline = Array(hit.headline.unicodeScalars)
        let match = hit.matches[0]
        #expect(String(String.UnicodeScalarView(headline[match.start..<(match.start + match.length)])) == "2021 年")
    }

    @Test func archiveSearchWalksDirectoriesAndSurvivesSymlinkLoops() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-archive-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("2021/06")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try "## 要闻\n\n### 北京 | 关键词一\n".write(to: nested.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "## 要闻\n\n### 上海 | 关键词二\n".write(to: root.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try "### 不应搜索 | 关键词\n".write(to: root.appendingPathComponent("c.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: nested.appendingPathComponent("loop"), withDestinationURL: root)
        let files = try ArchiveWalker.files(for: [root.path])
        #expect(files == [root.path + "/2021/06/a.md", root.path + "/b.txt"])
        let outcome = ArchiveSearch.search(SearchQuery("关键词"), files: files)
        #expect(outcome.hits.map(\.region) == ["北京", "上海"])
        #expect(outcome.errors.isEmpty)
    }
}

@Suite struct SearchPrefilterTests {
    /// Bulletins whose matches hide behind every transformation between raw
    /// bytes and headlines: entities, fullwidth and compatibility forms, case,
    /// whitespace, markup, control characters, GB18030.
    static func archive() throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-prefilter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let files: [(String, String)] = [
            ("entity.md", "## 要闻\n\n### 北京 | &#40114;&#x9E4F;计划启动\n"),
            ("named.md", "## 要闻\n\n### 北京 | 新闻&mdash;发布\n"),
            ("fullwidth.md", "## 要闻\n\n### 上海 | ＡＩ 产业 ２０２１ 年\n"),
            ("compat.md", "## 要闻\n\n### 广州 | 新\u{F9D1}计划\n"),  // U+F9D1 folds to 六
            ("case.md", "## NEWS\n\n### Berlin | Bulletin Reader Released\n"),
            ("markup.md", "## 要闻\n\n### 深圳 | 鲲*鹏*\u{1B}[1m计划\n"),
            ("plain.md", "## 要闻\n\n### 杭州 | 鲲鹏计划第二期\n"),
            ("other.md", "## 要闻\n\n### 南京 | 没有关键词\n"),
        ]
        for (name, text) in files { try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let gb = "## 要闻\n\n### 成都 | 鲲鹏计划落地\n"
        let gbBytes = try #require(iconvGB18030(gb))
        try Data(gbBytes).write(to: root.appendingPathComponent("gb.md"))
        try Data([0x23, 0x20, 0x00, 0x01]).write(to: root.appendingPathComponent("binary.md"))
        return try ArchiveWalker.files(for: [root.path])
    }

    static func iconvGB18030(_ text: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    @Test(arguments: ["鲲鹏计划", "鲲鹏", "新闻—发布", "ai 2021年", "六计划", "bulletin reader", "BERLIN", "没有", "不存在"])
    func prefilterNeverChangesResults(query: String) throws {
        let files = try Self.archive()
        let fast = ArchiveSearch.search(SearchQuery(query), files: files)
        let full = ArchiveSearch.search(SearchQuery(query), files: files, prefilter: false)
        #expect(fast.hits.map { "\($0.path):\($0.line)" } == full.hits.map { "\($0.path):\($0.line)" })
        #expect(fast.errors == full.errors)
        #expect(fast.errors.count == 1, "the binary file is reported, not skipped")
    }

    @Test func parsingManyFilesKeepsTheirOrderAndReportsEachFailure() throws {
        let files = try Self.archive()
        let results = BulletinParser.parse(paths: files)
        #expect(results.count == files.count)
        for (path, result) in zip(files, results) {
            switch result {
            case .success(let bulletin): #expect(bulletin.path == path)
            case .failure(let error): #expect(path.hasSuffix("/binary.md") && error == .notText(path: path))
            }
        }
        #expect(results.filter { (try? $0.get()) == nil }.count == 1)
    }

    @Test func hiddenMatchesAreFound() throws {
        let files = try Self.archive()
        let names = { (query: String) in
            ArchiveSearch.search(SearchQuery(query), files: files).hits.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        }
        #expect(Set(names("鲲鹏计划")) == ["entity.md", "markup.md", "plain.md", "gb.md"])
        #expect(names("新闻—发布") == ["named.md"])
        #expect(names("ai 2021年") == ["fullwidth.md"])
        #expect(names("六计划") == ["compat.md"])
        #expect(names("bulletin reader") == ["case.md"])
    }

    @Test func prefilterExcludesOnlyFilesMissingAKeywordCharacter() {
        let filter = SearchPrefilter(SearchQuery("鲲鹏 ai"))
        let check = { (text: String) in Array(text.utf8).withUnsafeBufferPointer { filter.excludes($0) } }
        #expect(check("## x\n\n### 北京 | 鲲 鹏 ＡＩ\n") == false)
        #expect(check("## x\n\n### 北京 | 鲲鹏\n") == true)      // no a/i in any spelling
        #expect(check("## x\n\n### 北京 | 鹏 AI\n") == true)     // no 鲲
        #expect(check("## x\n\n### 北京 | &#40114;鹏 AI\n") == false)  // an entity may produce it
    }
}

/// Every heading can be found (issue 8): sections without articles,
/// deeper headings, and what each hit says it is.
@Suite struct EveryHeadingSearchTests {
    let bulletin = BulletinParser.parse("""
    # Weekly

    ## Releases

    - Swift 6.3 is out
    - Ratatui 1.0

    ## Articles

    ### Terminal tricks

    #### Swift on the terminal

    text
    """, path: "w.md")

    @Test func sectionsWithOnlyListItemsAndDeepHeadingsAreFound() {
        let releases = HeadlineSearch.search(SearchQuery("releases"), in: bulletin)
        #expect(releases.map(\.kind) == [.section])
        #expect(releases.first?.section == nil && releases.first?.headline == "Releases")
        let swift = HeadlineSearch.search(SearchQuery("swift"), in: bulletin)
        #expect(swift.map(\.kind) == [.heading])
        #expect(swift.first?.section == "Articles" && swift.first?.headline == "Swift on the terminal")
        #expect(swift.first?.line == 12)
    }

    @Test func ownTextRanksBeforeAMatchThroughTheSection() {
        let hits = HeadlineSearch.search(SearchQuery("articles"), in: bulletin)
        #expect(hits.map(\.kind) == [.section, .article])
    }
}

