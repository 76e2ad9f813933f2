import Foundation
import Testing

/// `list`, `index` and `search` through the library index, each run with
/// its own XDG cache folder.
@Suite struct LibraryCLITests {
    struct Archive {
        let root: URL
        var cache: String { root.appendingPathComponent("cache").path }
        var folder: String { root.appendingPathComponent("b").path }
        var environment: [String: String] { ["XDG_CACHE_HOME": cache] }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-library-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("b/old"), withIntermediateDirectories: true)
            try write("b/2024-03-01-weekly.md", "# 周报 第 12 期\n\n## 要闻\n\n### 北京 | 就业新政出台\n\n正文。\n")
            try write("b/old/x.md", "---\ntitle: 旧闻汇编\ndate: 2019-05-04\n---\n\n## 一\n\n### 上海 | 就业培训\n\n正文。\n")
            try write("b/undated.md", "# 无日期 第 3 期\n\n## 一\n\n### 广州 | 天气\n\n正文。\n")
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }

        func run(_ arguments: [String], cache: String? = nil) throws -> CLI.Output {
            try CLI.run(arguments, environment: ["XDG_CACHE_HOME": cache ?? self.cache,
                                                 "XDG_STATE_HOME": root.appendingPathComponent("state").path])
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func listIsNewestFirstWithDatesNumbersAndJSON() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let plain = try archive.run(["list", archive.folder])
        #expect(plain.status == 0, "\(plain.stderr)")
        let lines = plain.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("2024-03-01  周报 第 12 期  1 sections  1 articles  "))
        #expect(lines[1].hasPrefix("2019-05-04  旧闻汇编"))
        #expect(lines[2].hasPrefix("            无日期 第 3 期") && lines[2].hasSuffix("undated.md"))
        let json = try archive.run(["list", "--json", archive.folder])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == ["周报 第 12 期", "旧闻汇编", "无日期 第 3 期"])
        #expect(items[0]["date"] as? String == "2024-03-01" && items[0]["number"] as? Int == 12)
        #expect(items[2]["date"] is NSNull && items[2]["number"] as? Int == 3)
        #expect(Set(items[0].keys) == ["path", "title", "date", "number", "sections", "articles", "unread"])
        // Nothing read yet: every article is unread, with the state or without it.
        #expect(items.map { $0["unread"] as? Int } == [1, 1, 1])
        #expect(lines[0].contains("  1 articles  1 unread  "))
        #expect(try archive.run(["list", "--unread", "--no-state", archive.folder]).stdout.split(separator: "\n").count == 3)
    }

    @Test func indexStatusAndFreshnessAcrossChanges() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let built = try archive.run(["index", archive.folder])
        #expect(built.status == 0 && built.stdout.contains("3 read"), "\(built.stderr)")
        #expect(built.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        var status = try archive.run(["index", "--status", archive.folder])
        #expect(status.stdout.contains("3 indexed") && status.stdout.contains("3 fresh") && status.stdout.contains("0 not indexed"))
        // Change one, add one, delete one: status sees it, list and search see it.
        try archive.write("b/undated.md", "# 无日期 第 4 期\n\n## 一\n\n### 广州 | 就业天气\n\n正文。\n")
        try archive.write("b/new.md", "# 新刊 2025年1月2日\n\n## 一\n\n### 深圳 | 就业新闻\n\n正文。\n")
        try FileManager.default.removeItem(atPath: archive.folder + "/old/x.md")
        status = try archive.run(["index", "--status", archive.folder])
        #expect(status.stdout.contains("1 changed") && status.stdout.contains("1 missing") && status.stdout.contains("1 not indexed"), "\(status.stdout)")
        let search = try archive.run(["search", "就业", archive.folder])
        let plain = try archive.run(["search", "就业", archive.folder], cache: archive.root.appendingPathComponent("none").path)
        #expect(search.stdout == plain.stdout && search.stdout.split(separator: "\n").count == 3)
        let list = try archive.run(["list", archive.folder])
        #expect(list.stdout.split(separator: "\n").map { $0.prefix(10) } == ["2025-01-02", "2024-03-01", "          "])
        #expect(try archive.run(["index", archive.folder]).stdout.contains("0 read, 3 unchanged"))
    }

    @Test func searchWithIndexFlagBuildsItAndGivesTheSameHits() throws {
        let archive = try Archive()
        defer { archive.remove() }
        for query in ["就业", "北京", "一", "天气 广州", "没有"] {
            let indexed = try archive.run(["search", "--index", query, archive.folder])
            let plain = try archive.run(["search", query, archive.folder], cache: archive.root.appendingPathComponent("none").path)
            #expect(indexed.stdout == plain.stdout && indexed.status == plain.status, "\(query)")
            let json = try archive.run(["search", "--json", query, archive.folder])
            let plainJSON = try archive.run(["search", "--json", query, archive.folder], cache: archive.root.appendingPathComponent("none").path)
            #expect(json.stdout == plainJSON.stdout, "\(query)")
        }
        #expect(FileManager.default.fileExists(atPath: archive.cache + "/bulletin/index.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: archive.root.appendingPathComponent("none").path), "search without --index and no index builds none")
    }

    /// Far more output than a pipe holds, written straight from where the
    /// lines were made (`writev`, 1,024 runs a call): every byte arrives, in
    /// order, as reading every file prints it.
    @Test func aLongSearchThroughTheIndexArrivesWhole() throws {
        let archive = try Archive()
        defer { archive.remove() }
        try FileManager.default.createDirectory(at: archive.root.appendingPathComponent("b/many"), withIntermediateDirectories: true)
        for i in 0..<120 {
            let articles = (0..<25).map { "### 地区\($0) | 就业第\(i)号 \(String(repeating: "长", count: $0))\n\n正文。\n\n" }.joined()
            try archive.write("b/many/\(2000 + i)-01-01.md", "# 周报 \(i)\n\n## 要闻\n\n" + articles)
        }
        _ = try archive.run(["index", archive.folder])
        let indexed = try archive.run(["search", "就业", archive.folder])
        let plain = try archive.run(["search", "就业", archive.folder], cache: archive.root.appendingPathComponent("none").path)
        #expect(indexed.status == 0 && indexed.stdout.utf8.count > 256 << 10)
        #expect(indexed.stdout.split(separator: "\n").count == 120 * 25 + 2)
        #expect(indexed.stdout == plain.stdout)
    }

    @Test func damagedIndexIsReportedOnceAndSetAside() throws {
        let archive = try Archive()
        defer { archive.remove() }
        try FileManager.default.createDirectory(atPath: archive.cache + "/bulletin", withIntermediateDirectories: true)
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: archive.cache + "/bulletin/index.sqlite"))
        let list = try archive.run(["list", archive.folder])
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 3)
        #expect(list.stderr.split(separator: "\n").count == 1 && list.stderr.contains("moved aside as"), "\(list.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: archive.cache + "/bulletin")
        #expect(names.contains { $0.hasPrefix("index.sqlite.corrupt-") })
        #expect(try archive.run(["list", archive.folder]).stderr.isEmpty)
    }

    /// A cache that cannot be written: a read-only folder for a user, and
    /// (since root writes anywhere) a file where the folder should be.
    @Test func unwritableCacheStillListsAndSaysSoOnce() throws {
        let archive = try Archive()
        defer {
            chmod(archive.cache, 0o755)
            archive.remove()
        }
        if getuid() == 0 {
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: archive.cache))
        } else {
            try FileManager.default.createDirectory(atPath: archive.cache, withIntermediateDirectories: true)
            chmod(archive.cache, 0o555)
        }
        let list = try archive.run(["list", archive.folder])
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 3)
        #expect(list.stderr.split(separator: "\n").count == 1 && list.stderr.contains("working without it"), "\(list.stderr)")
        let search = try archive.run(["search", "--index", "就业", archive.folder])
        #expect(search.status == 0 && search.stdout.split(separator: "\n").count == 2)
    }
}

@Suite struct ConfigCLITests {
    @Test func aBadConfigIsOneLineNamingFileAndLineBeforeTheTerminalIsTouched() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bulletin"), withIntermediateDirectories: true)
        let file = root.appendingPathComponent("bulletin/config.toml")
        try Data("theme = \"dark\"\nmark-read = \"sometimes\"\n".utf8).write(to: file)
        for arguments in [[String](), [CLI.fixture("messy-bulletin.md")]] {
            let result = try CLI.run(arguments, environment: ["XDG_CONFIG_HOME": root.path])
            #expect(result.status == 2)
            #expect(result.stderr == "bulletin: config \(file.path):2: mark-read must be \"scroll\" or \"manual\"\n")
            #expect(result.stdout.isEmpty, "nothing written to the terminal")
        }
        // A theme named in the file that does not exist is the theme's error.
        try Data("theme = \"no-such-theme\"\n".utf8).write(to: file)
        let theme = try CLI.run([CLI.fixture("messy-bulletin.md")], environment: ["XDG_CONFIG_HOME": root.path])
        #expect(theme.status == 2 && theme.stderr.contains("no-such-theme"))
    }
}
