import Testing
@testable import BulletinCore

/// A search record (what the library index stores for `search`) must give
/// exactly the hits of the bulletin's own `HeadlineIndex`: same nodes,
/// strings, match offsets and rank, for any query.
@Suite struct SearchRecordTests {
    /// Folding that changes lengths and positions (whitespace, fullwidth,
    /// case, a ligature, circled digits), headings before any section,
    /// articles with and without regions, deeper headings, repeated titles.
    static let tricky = """
        # Ｗｅｅｋｌｙ　第 3 期

        ### 北京 | 序言里的 ＡＩ 新闻

        ## 一、就业 与 创业

        ### 北京 | 就业  政策 ﬁnal ①号
        ### 没有地区的 就业 标题
        #### 更深的 就业 小标题
        ### 上海 | ＡＩ 就业 ＡＩ

        ## 二、Ａｉ 与 ai

        ### 广东 | 就业
        ### 广东 | 就业
        ##### 第五级 ai

        ## 一、就业 与 创业

        ### 湖南 | 重复的一节
        """

    /// A section without a title before one with a title: the record holds
    /// the empty one's text where the next one's begins (a fuzz finding).
    static let untitledSection = """
        # 周报

        ##

        ### 北京 | 迁移说明

        ## 社区新闻

        ### 上海 | 迁移说明
        """

    static func bulletins() throws -> [Bulletin] {
        var bulletins = [BulletinParser.parse(tricky, path: "tricky.md"), BulletinParser.parse("", path: "empty.md"),
                         BulletinParser.parse(untitledSection, path: "untitled-section.md")]
        for name in ["messy-bulletin.md", "news-summary.md", "newsletter.md", "weekly-frontmatter.md", "list-toc.md"] {
            bulletins.append(try Fixtures.parse(name))
        }
        if Fixtures.seedExists { bulletins.append(try BulletinParser.parse(path: Fixtures.seedPath)) }
        return bulletins
    }

    /// Queries drawn from the bulletin's own fields: whole texts, their
    /// starts and ends, pairs of keywords, and a few that match nothing or
    /// would match across two fields of the folded text.
    static func queries(_ bulletin: Bulletin) -> [String] {
        var texts: [String] = []
        for node in bulletin.outline.nodes where node.kind != .bulletin && node.kind != .preamble {
            texts.append(node.kind == .article ? node.headline : node.text)
            if let region = node.region { texts.append(region) }
        }
        var queries = ["就业", "ai", "ＡＩ", "fi", "1号", "就业 ai", "政策 北京", "no such words", "\u{1}", "业\u{1}", "ai 就业 北京"]
        for (i, text) in texts.prefix(60).enumerated() {
            let scalars = Array(text.unicodeScalars)
            queries.append(text)
            queries.append(String(String.UnicodeScalarView(scalars.prefix(2))))
            queries.append(String(String.UnicodeScalarView(scalars.suffix(3))))
            if i > 0 { queries.append(String(String.UnicodeScalarView(scalars.prefix(1))) + " " + texts[i - 1]) }
        }
        return queries.filter { !SearchQuery($0).isEmpty }
    }

    static func describe(_ hits: [SearchHit]) -> [String] {
        hits.map { "\($0.path) \($0.node) \($0.kind) \($0.line) \($0.section ?? "-") \($0.region ?? "-") \($0.headline) \($0.matches) \($0.rank.headlineKeywords) \($0.rank.firstPosition) \($0.rank.coverage) \($0.bulletinOrder)" }
    }

    static func recordHits(_ query: SearchQuery, _ index: HeadlineIndex, record: [UInt8], path: String, order: Int) -> [SearchHit]? {
        let folded = Array(index.foldedText.utf8)
        return folded.withUnsafeBufferPointer { folded in
            record.withUnsafeBytes { SearchRecord.hits(query, folded: folded, record: $0, path: path, order: order) }
        }
    }

    /// The article keys the index stores come from the headlines folded for
    /// search; they must be the reading state's keys exactly (a mark kept
    /// under another key would be lost).
    @Test func articleKeysFromTheSearchFoldingAreTheReadingStateKeys() throws {
        for bulletin in try Self.bulletins() {
            #expect(HeadlineIndex(bulletin).articleKeys == BulletinIdentity.articleKeys(bulletin.outline), "\(bulletin.path)")
        }
        let keys = BulletinIdentity.articleKeys(BulletinParser.parse(Self.tricky, path: "tricky.md").outline)
        #expect(Set(keys.values).isSuperset(of: ["就业#0", "就业#1", "ai就业ai#0"]))
    }

    @Test func givesTheHeadlineIndexHitsForEveryQuery() throws {
        var compared = 0
        for bulletin in try Self.bulletins() {
            let index = HeadlineIndex(bulletin)
            let record = try #require(SearchRecord(index)).bytes
            for text in Self.queries(bulletin) {
                let query = SearchQuery(text)
                let expected = index.hits(query, order: 7)
                let got = try #require(Self.recordHits(query, index, record: record, path: bulletin.path, order: 7))
                #expect(Self.describe(got) == Self.describe(expected), "\(bulletin.path): \(text)")
                compared += expected.count
            }
        }
        #expect(compared > 500)  // the queries do find things
    }

    @Test func theTrickyBulletinMatchesAcrossFoldingAndSections() throws {
        let bulletin = BulletinParser.parse(Self.tricky, path: "tricky.md")
        let index = HeadlineIndex(bulletin)
        let record = try #require(SearchRecord(index)).bytes
        let hits = try #require(Self.recordHits(SearchQuery("ＦＩ"), index, record: record, path: "tricky.md", order: 0))
        // "ﬁ" folds to two scalars: the match maps back to the one it came from.
        #expect(hits.map(\.headline) == ["就业  政策 ﬁnal ①号"])
        #expect(hits.first?.matches == [.init(field: .headline, start: 7, length: 1)])
        // An article is found by its section's title; a deeper heading is not.
        let bySection = try #require(Self.recordHits(SearchQuery("创业"), index, record: record, path: "tricky.md", order: 0))
        #expect(bySection.contains { $0.kind == .article && $0.headline == "没有地区的 就业 标题" })
        #expect(!bySection.contains { $0.kind == .heading })
        #expect(bySection.first { $0.headline == "没有地区的 就业 标题" }?.region == nil)
    }

    /// A damaged index hands over records cut short or with bytes changed:
    /// the search never reads out of bounds, and a record that no longer
    /// fits its text is refused (nil), so the file is read instead.
    @Test func damagedRecordsAreRefusedOrSearchedWithoutCrashing() throws {
        let bulletin = BulletinParser.parse(Self.tricky, path: "tricky.md")
        let index = HeadlineIndex(bulletin)
        let record = try #require(SearchRecord(index)).bytes
        let query = SearchQuery("就业")
        var refused = 0
        for length in 0..<record.count {
            if Self.recordHits(query, index, record: Array(record.prefix(length)), path: "t", order: 0) == nil { refused += 1 }
        }
        #expect(refused >= 8 * 4)  // every cut into the header and slots
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<3000 {
            var damaged = record
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = Self.recordHits(query, index, record: damaged, path: "t", order: 0)
        }
    }
}

/// Ranking and printing hits from several parts (a core's share each).
@Suite struct SearchLinesTests {
    @Test func packedKeysRankAsIsBefore() {
        var generator = SeededGenerator(seed: 3)
        let keys = (0..<4000).map { _ in
            SearchHit.SortKey(headlineKeywords: Int.random(in: 0...2, using: &generator),
                              firstPosition: [0, 1, 5, Int.max].randomElement(using: &generator)!,
                              coverage: [0, 0.25, 0.5, 1, 1.5, 1.0 / 3].randomElement(using: &generator)!,
                              bulletinOrder: Int.random(in: 0...5, using: &generator), line: Int.random(in: 0...5, using: &generator))
        }
        let expected = keys.indices.sorted { keys[$0].isBefore(keys[$1]) || (!keys[$1].isBefore(keys[$0]) && $0 < $1) }
        #expect(SearchHit.SortKey.ranking(keys) == expected)
    }

    /// Lines are `PATH:LINE: Section > Region | Headline` (the path's
    /// controls spelled out), best first across parts, as the hits rank.
    @Test func partsMergeIntoTheRankedHitsPrinted() throws {
        let paths = ["a.md", "dir/\u{1B}[31mred.md", "c.md", "d.md"]
        var hits: [SearchHit] = []
        for (order, path) in paths.enumerated() {
            hits += HeadlineSearch.search(SearchQuery("就业"), in: BulletinParser.parse(SearchRecordTests.tricky, path: path), order: order)
        }
        #expect(hits.count > 20)
        let expected = SearchHit.ranked(hits).map {
            "\(ControlFilter.escaped($0.path)):\($0.line): " + ($0.section.map { "\($0) > " } ?? "") + $0.displayTitle + "\n"
        }.joined()
        for partCount in [1, 2, 3, 5] {
            var shares = [[SearchHit]](repeating: [], count: partCount)
            for (i, hit) in hits.reversed().enumerated() { shares[i % partCount].append(hit) }
            var out: [UInt8] = []
            let lines = SearchLines(shares.map(SearchLines.Part.init) + [SearchLines.Part()])
            lines.forEachRun { out += $0 }
            #expect(String(decoding: out, as: UTF8.self) == expected, "\(partCount) parts")
            #expect(lines.count == hits.count)
        }
        #expect(expected.contains("\\u{1B}[31mred.md:") && expected.contains(" > 上海 | ＡＩ 就业 ＡＩ\n"))
    }

    /// Lines ranked one after another that were made one after another come
    /// as one run of bytes (one `writev` vector); every other line is a run.
    @Test func linesMadeInRankedOrderAreOneRun() {
        let hits = SearchHit.ranked(HeadlineSearch.search(SearchQuery("就业"), in: BulletinParser.parse(SearchRecordTests.tricky, path: "a.md")))
        #expect(hits.count > 5)
        var runs: [[UInt8]] = []
        SearchLines([SearchLines.Part(hits)]).forEachRun { runs.append(Array($0)) }
        #expect(runs.count == 1 && runs[0].filter { $0 == 0x0A }.count == hits.count)
        // Made in reverse: no two ranked lines lie together.
        runs = []
        SearchLines([SearchLines.Part(hits.reversed())]).forEachRun { runs.append(Array($0)) }
        #expect(runs.count == hits.count && runs.allSatisfy { $0.last == 0x0A && $0.filter { $0 == 0x0A }.count == 1 })
    }
}

@Suite struct ByteBufferTests {
    @Test func appendsGrowsAndCopiesOnWrite() {
        var a = ByteBuffer()
        for i in 0..<5000 { a.append(UInt8(truncatingIfNeeded: i)) }
        [UInt8](repeating: 7, count: 300).withUnsafeBytes { a.append($0) }
        var b = a  // a copy: writing it leaves `a` alone
        b.append(1)
        #expect(a.count == 5300 && b.count == 5301)
        a.withBytes { #expect($0[4999] == UInt8(truncatingIfNeeded: 4999) && $0[5299] == 7) }
        b.withBytes { #expect($0[5300] == 1) }
        var digits = ByteBuffer()
        for value in [0, 7, 10, 123_456_789, -42, Int.max, Int.min] {
            digits.append(decimal: value)
            digits.append(UInt8(ascii: " "))
        }
        digits.withBytes { #expect(String(decoding: $0, as: UTF8.self) == "0 7 10 123456789 -42 \(Int.max) \(Int.min) ") }
    }
}

/// A bulletin's signature never rules out a keyword one of its fields
/// holds, and rules out most that none holds.
@Suite struct BigramSignatureTests {
    @Test func neverRulesOutAKeywordAFieldHolds() throws {
        for bulletin in try SearchRecordTests.bulletins() {
            let index = HeadlineIndex(bulletin)
            let signature = BigramSignature.bytes(index)
            #expect(signature.count * 8 >= BigramSignature.minimumBits && signature.count & (signature.count - 1) == 0)
            var tried = 0
            for s in 0..<(index.bounds.count - 1) {
                let field = index.slot(s)
                for start in field.indices where start % 3 == 0 {
                    for length in [2, 3, 5] where start + length <= field.endIndex {
                        let query = SearchQuery(FoldedText.string(field[start..<(start + length)]))
                        guard query.keywords.count == 1, query.keywords[0].scalars[...] == field[start..<(start + length)],
                              let probes = BigramSignature.probes(query) else { continue }
                        tried += 1
                        let holds = signature.withUnsafeBytes { BigramSignature.mayHold($0, probes) }
                        #expect(holds, "\(bulletin.path): \(query.keywords[0].string)")
                    }
                }
            }
            #expect(index.nodes.isEmpty || tried > 0, "\(bulletin.path)")
        }
    }

    @Test func rulesOutMostKeywordsNoFieldHolds() {
        let bulletin = BulletinParser.parse(SearchRecordTests.tricky, path: "tricky.md")
        let signature = BigramSignature.bytes(HeadlineIndex(bulletin))
        // Pairs of ideographs from far outside the text.
        let absent = (0..<400).map { k in String(UnicodeScalar(0x5000 + 2 * k)!) + String(UnicodeScalar(0x7000 + 3 * k)!) }
        let wronglyHeld = absent.filter { word in
            signature.withUnsafeBytes { BigramSignature.mayHold($0, BigramSignature.probes(SearchQuery(word))!) }
        }
        #expect(wronglyHeld.count < absent.count / 3, "\(wronglyHeld.count) of \(absent.count)")
        // Several keywords: all must be held.
        let both = BigramSignature.probes(SearchQuery("就业 " + absent[0]))!
        if !wronglyHeld.contains(absent[0]) { #expect(!signature.withUnsafeBytes { BigramSignature.mayHold($0, both) }) }
    }

    @Test func aOneScalarKeywordOrADamagedSignatureRulesNothingOut() {
        #expect(BigramSignature.probes(SearchQuery("就业 a")) == nil)
        #expect(BigramSignature.probes(SearchQuery("就")) == nil)
        let probes = BigramSignature.probes(SearchQuery("没有"))!
        for damaged in [[UInt8](), [0], [UInt8](repeating: 0, count: 12), [UInt8](repeating: 0, count: 4)] {
            #expect(damaged.withUnsafeBytes { BigramSignature.mayHold($0, probes) }, "\(damaged.count) bytes")
        }
        #expect(![UInt8](repeating: 0, count: 8).withUnsafeBytes { BigramSignature.mayHold($0, probes) })
    }

    @Test func growsWithTheTextUpToItsLimit() {
        let small = BigramSignature.bytes(HeadlineIndex(BulletinParser.parse("## 一\n\n### 北京 | 就业\n", path: "a.md")))
        let articles = (0..<20_000).map { "### 地区\($0) | 标题\($0 * 7919)\n" }.joined()
        let big = BigramSignature.bytes(HeadlineIndex(BulletinParser.parse("## 一\n\n" + articles, path: "b.md")))
        #expect(small.count == BigramSignature.minimumBits / 8)
        #expect(big.count == BigramSignature.maximumBits / 8)
    }
}
