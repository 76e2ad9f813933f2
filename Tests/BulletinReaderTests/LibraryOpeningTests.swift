import BulletinCore
@testable import BulletinReader
import Foundation
import Testing

/// The opening policy as a library type, and background results as messages (issue 8).
@Suite struct LibraryOpeningTests {
    func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opening-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func noPathsAndNoInputIsTheSample() throws {
        let plan = try LibraryOpening(paths: [], standardInputIsData: false).plan()
        #expect(plan.first.bulletins.map(\.path) == [SampleBulletin.path] && plan.background == nil)
    }

    @Test func smallSetsOpenWholeAndAMissingPathIsAnError() throws {
        let dir = try folder(["a.md": "## A\n", "b.md": "## B\n"])
        let plan = try LibraryOpening(paths: [dir], standardInputIsData: false).plan()
        #expect(plan.first.bulletins.count == 2 && plan.background == nil)
        #expect(throws: BulletinError.self) { try LibraryOpening(paths: [dir + "/missing.md"], standardInputIsData: false).plan() }
    }

    @Test func aBigFileShowsItsOpeningAndLoadsTheRestAsAMessage() throws {
        let paragraph = String(repeating: "正文内容。", count: 150)
        let body = (0..<2_000).map { "### 地区\($0) | 第\($0)条新闻\n\n\(paragraph)\n" }.joined(separator: "\n")
        let dir = try folder(["big.md": "# 周报\n\n## 要闻\n\n" + body])
        let plan = try LibraryOpening(paths: [dir + "/big.md"], standardInputIsData: false).plan()
        let background = try #require(plan.background)
        #expect(plan.first.articles.count < 2_000)
        var state = ReaderState(library: plan.first, width: 100, height: 30, loading: true)
        state.update(.progress("indexing 3/10"))
        #expect(state.statusLine.contains("indexing 3/10"))
        let message = background { _ in }
        guard case .loaded(let full, _) = message else { Issue.record("no library loaded"); return }
        #expect(full.articles.count == 2_000)
        #expect(state.update(message) == [] && !state.loading)
        #expect(state.library.articles.count == 2_000 && !state.statusLine.contains("indexing"))
    }
}

/// A library opens newest first, every bulletin folded but the one being read (issue 9).
@Suite struct LibraryOrderTests {
    @Test func newestFirstAndOnlyTheOpenBulletinUnfolded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("order-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = [
            "a.md": "---\ndate: 2023-05-01\n---\n\n# 五月刊\n\n## 要闻\n\n### 北京 | 五月新闻\n\n正文。\n",
            "b.md": "# 周报 2024年1月5日\n\n## 要闻\n\n### 上海 | 一月新闻\n\n正文。\n",
            "20220301.md": "# 旧刊\n\n## 要闻\n\n### 广州 | 三月新闻\n\n正文。\n",
            "z.md": "# 无日期 第 9 期\n\n## 要闻\n\n### 深圳 | 无日期新闻\n\n正文。\n",
        ]
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let plan = try LibraryOpening(paths: [dir], standardInputIsData: false).plan()
        #expect(plan.first.bulletins.map(\.title) == ["周报 2024年1月5日", "五月刊", "旧刊", "无日期 第 9 期"])
        var state = ReaderState(library: plan.first, width: 100, height: 30, foldsOtherBulletins: true)
        #expect(state.tocLines.filter { !$0.isEmpty } == [
            "▾ 周报 2024年1月5日", "  ▾ 要闻", "    上海 | 一月新闻", "▸ 五月刊", "▸ 旧刊", "▸ 无日期 第 9 期",
        ])
        #expect(state.screen.last?.contains("(1/4)") == true)
        // Reading on into the next bulletin unfolds it and folds the one left.
        state.press("]]")
        #expect(state.tocLines.filter { !$0.isEmpty } == [
            "▸ 周报 2024年1月5日", "▾ 五月刊", "  ▾ 要闻", "    北京 | 五月新闻", "▸ 旧刊", "▸ 无日期 第 9 期",
        ])
        #expect(state.screen.last?.contains("(2/4)") == true)
    }
}

@Suite struct PreferredFirstTests {
    /// A library loading in the background shows the file it is told to
    /// first (the last read or the newest, from the index), not the first
    /// found; a hint naming no file is passed over.
    @Test func theFileShownFirstIsThePreferredOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("preferred-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let body = String(repeating: "正文内容。", count: 200)
        for name in ["a", "b", "c"] {
            let articles = (0..<500).map { "### 地区 | \(name)第\($0)条\n\n\(body)\n" }.joined(separator: "\n")
            try "# \(name)刊\n\n## 要闻\n\n\(articles)".write(toFile: "\(dir)/\(name).md", atomically: true, encoding: .utf8)
        }
        // With nothing known, the newest by its name (here the last in name order).
        let plain = try LibraryOpening(paths: [dir], standardInputIsData: false).plan()
        #expect(plain.first.bulletins.first?.path.hasSuffix("c.md") == true && plain.background != nil)
        // What the index says comes first is shown before the folder is walked.
        let preferred = try LibraryOpening(paths: [dir], standardInputIsData: false) { roots in roots == [dir] ? dir + "/b.md" : nil }.plan()
        #expect(preferred.first.bulletins.first?.path == dir + "/b.md" && preferred.background != nil)
        let unknown = try LibraryOpening(paths: [dir], standardInputIsData: false) { _ in "/nowhere.md" }.plan()
        #expect(unknown.first.bulletins.first?.path.hasSuffix("c.md") == true)
    }

    /// Before any file is read, names alone order a library: dates in them
    /// latest first, then the names in reverse (zero-padded issue numbers).
    @Test func namesAloneGuessTheNewest() {
        let paths = ["lib/issue-0099.md", "lib/2023-12-29-weekly.md", "lib/notes.md", "lib/20240105.md", "lib/issue-0100.md"]
        #expect(BulletinDating.byNameNewestFirst(paths).map { paths[$0] }
                == ["lib/20240105.md", "lib/2023-12-29-weekly.md", "lib/notes.md", "lib/issue-0100.md", "lib/issue-0099.md"])
    }
}
