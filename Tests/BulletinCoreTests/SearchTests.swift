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
        #expect(HeadlineSearch.search(SearchQuery("科技创新"), in: bulletin).count == 3)
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
