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
        let message = background()
        guard case .loaded(let full, _) = message else { Issue.record("no library loaded"); return }
        #expect(full.articles.count == 2_000)
        #expect(state.update(message) == [] && !state.loading)
        #expect(state.library.articles.count == 2_000)
        state.update(.progress("indexing 3/10"))
        #expect(state.statusLine.contains("indexing 3/10"))
    }
}
