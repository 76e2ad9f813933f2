import Foundation
import Testing

/// Runs the `bulletin` executable built next to the test bundle.
struct CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/BulletinCoreTests/Fixtures")
    static let seed = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/seed-bulletin.md").path
    static var seedExists: Bool { FileManager.default.fileExists(atPath: seed) }

    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("bulletin")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/bulletin")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `environment`: variables set on top of this process's.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Writes `bytes` to a new temporary file named `name` and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input.md") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

@Suite struct CLITests {
    @Test func helpListsEverySubcommandWithExamples() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        for name in ["toc", "search", "cat"] { #expect(help.stdout.contains("  \(name) ")) }
        #expect(help.stdout.contains("Examples:"))
        let searchHelp = try CLI.run(["search", "--help"])
        #expect(searchHelp.stdout.contains("bulletin search 2021年"))
    }

    @Test func tocPrintsIndentedNodesAndWarningsOnStderr() throws {
        let result = try CLI.run(["toc", CLI.fixture("messy-bulletin.md")])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "     1  城乡建设工作简报（第 12 期）")
        #expect(lines[1] == "    23    1. 住房保障")
        #expect(lines[2] == "    25      1.1 上海 | 新开工保障性租赁住房3.2万套")
        #expect(result.stderr.contains("messy-bulletin.md:21: warning: TOC line '浙江宁波 | 本条目录没有对应文章' has no matching article"))
        #expect(!result.stdout.contains("warning"))
    }

    @Test func tocJSONCarriesFrontMatterAsMetadata() throws {
        let result = try CLI.run(["toc", CLI.fixture("weekly-frontmatter.md"), "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let metadata = try #require(json["metadata"] as? [String: String])
        #expect(metadata == ["Title": "Terminal Weekly", "Number": "42", "Date": "2026-03-05", "Category": "Weekly"])
        #expect(result.stdout.range(of: "\"Number\" : \"42\",\n    \"Date\"") != nil)  // in the file's order
    }

    @Test func searchFindsSectionsAndDeeperHeadingsAndSaysWhatEachIs() throws {
        let path = try CLI.temporaryFile(Array("# W\n\n## Releases\n\n- Swift 6\n\n## Articles\n\n### Terminal | Swift tips\n\n#### Swift on ttys\n".utf8))
        let plain = try CLI.run(["search", "swift", path])
        #expect(plain.status == 0)
        #expect(plain.stdout == "\(path):9: Articles > Terminal | Swift tips\n\(path):11: Articles > Swift on ttys\n")
        #expect(try CLI.run(["search", "releases", path]).stdout == "\(path):3: Releases\n")
        let json = try CLI.run(["search", "swift", path, "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(hits.map { $0["kind"] as? String } == ["article", "heading"])
        #expect(hits[1]["section"] as? String == "Articles" && hits[1]["headline"] as? String == "Swift on ttys")
    }

    @Test func linksListsEveryLinkWithItsNodeNumberAndLine() throws {
        let path = CLI.fixture("weekly-frontmatter.md")
        let plain = try CLI.run(["links", path])
        #expect(plain.status == 0)
        let lines = plain.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "    14  [1] emu  https://emu.invalid/")
        #expect(lines.contains("    17  [4] [image: qrcode.jpg]  https://example.invalid/img/qrcode.jpg"))
        #expect(lines.last == "    23  [1] [embedded: www.youtube.com/embed/abc123]  https://www.youtube.com/embed/abc123?start=5")
        let json = try CLI.run(["links", path, "--json"])
        let links = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(links.count == lines.count)
        #expect(links[2]["text"] as? String == "the notes" && links[2]["url"] as? String == "https://notes.invalid/a b")
        // `node` indexes the nodes of toc --json.
        let toc = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["toc", path, "--json"]).stdout.utf8)) as? [String: Any])
        let nodes = try #require(toc["nodes"] as? [[String: Any]])
        #expect(nodes[links[0]["node"] as! Int]["text"] as? String == "Releases")
        #expect(nodes[links[5]["node"] as! Int]["text"] as? String == "Talks")
    }

    @Test func catLinksModes() throws {
        let path = CLI.fixture("weekly-frontmatter.md")
        let numbered = try CLI.run(["cat", path, "--width", "80"]).stdout
        #expect(numbered.contains("The emu[1] terminal shipped") && numbered.contains("\n[1] https://emu.invalid/\n"))
        let inline = try CLI.run(["cat", path, "--width", "80", "--links", "inline"]).stdout
        #expect(inline.contains("The emu <https://emu.invalid/> terminal shipped") && !inline.contains("[1]"))
        let none = try CLI.run(["cat", path, "--width", "80", "--links", "none"]).stdout
        #expect(none.contains("The emu terminal shipped") && !none.contains("https://"))
        #expect(try CLI.run(["cat", path, "--links", "bogus"]).status == 2)
    }

    @Test func tocJSONHasTheDocumentedShape() throws {
        let path = CLI.fixture("messy-bulletin.md")
        let result = try CLI.run(["toc", path, "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "城乡建设工作简报（第 12 期）")
        #expect(json["path"] as? String == path)
        #expect(json["encoding"] as? String == "UTF-8")
        #expect((json["metadata"] as? [String: Any])?.isEmpty == true)
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.count == 3)
        let article = try #require((sections[1]["articles"] as? [[String: Any]])?.first)
        #expect(article["region"] as? String == "广东深圳")
        #expect(article["headline"] as? String == "2022 年新增公交专用道 120 公里")
        #expect(article["line"] as? Int == 39)
        #expect(article["tocLine"] as? Int == 11)
        let missing = try #require((sections[1]["articles"] as? [[String: Any]])?.last)
        #expect(missing["tocLine"] is NSNull)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes[0]["kind"] as? String == "bulletin")
        #expect(nodes[0]["parent"] is NSNull)
        let repaired = try #require(nodes.first { $0["line"] as? Int == 53 })
        #expect(repaired["kind"] as? String == "article")
        #expect(repaired["level"] as? Int == 2)
        #expect(repaired["depth"] as? Int == 2)
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["kind"] as? String == "toc-unmatched" && $0["line"] as? Int == 21 })
        #expect(warnings.contains { $0["kind"] as? String == "missing-from-toc" && $0["line"] as? Int == 47 })
    }

    @Test(.enabled(if: CLI.seedExists, "../shared/fixtures/seed-bulletin.md is absent"))
    func searchFindsBoth2021HeadlinesInTheSeed() throws {
        let result = try CLI.run(["search", "2021年", CLI.seed])
        #expect(result.status == 0)
        #expect(result.stdout == """
        \(CLI.seed):101: 劳动关系 > 全国总工会 | 2021 年全国工会研究室主任会议在京召开
        \(CLI.seed):79: 创业带动就业 > 广西南宁 | 征集2021年自治区创业项目 入选将获2000元奖励

        """)
    }

    @Test func searchFollowsGrepExitCodesAndPrintsJSON() throws {
        let path = CLI.fixture("messy-bulletin.md")
        #expect(try CLI.run(["search", "不存在的词", path]).status == 1)
        let usage = try CLI.run(["search", "北京"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("Missing expected argument '<paths> ...'"))
        #expect(try CLI.run(["search", "  ", path]).status == 2)
        #expect(try CLI.run(["cat", path, "--width", "0"]).status == 2)
        let missing = try CLI.run(["search", "x", "/nonexistent/dir"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "bulletin: /nonexistent/dir: no such file or directory\n")
        let json = try CLI.run(["search", "长沙 地铁", path, "--json"])
        #expect(json.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits[0]["section"] as? String == "交通出行")
        #expect(hits[0]["line"] as? Int == 43)
        let matches = try #require(hits[0]["matches"] as? [[String: Any]])
        #expect(matches.map { $0["field"] as? String } == ["region", "headline"])
        #expect(matches.map { $0["start"] as? Int } == [2, 0])
    }

    @Test func catWrapsToTheGivenWidth() throws {
        let result = try CLI.run(["cat", CLI.fixture("messy-bulletin.md"), "--width", "30"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("1.1 上海 | 新开工保障性租赁住"))
        #expect(lines.contains("    房3.2万套"))
        for line in lines {
            let columns = line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic || ("\u{FF00}"..."\u{FFEF}").contains($1) || ("\u{3000}"..."\u{303F}").contains($1) ? 2 : 1) }
            #expect(columns <= 30, "too wide: \(line)")
        }
    }

    @Test func binaryAndMissingInputsGiveOneLineErrors() throws {
        let binary = URL(fileURLWithPath: try CLI.temporaryFile([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1B, 0x5B], name: "photo.md"))
        let directory = binary.deletingLastPathComponent()
        for command in ["toc", "cat"] {
            let result = try CLI.run([command, binary.path])
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "bulletin: \(binary.path): not a text bulletin (binary data)\n")
        }
        let missing = try CLI.run(["toc", "/nonexistent.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "bulletin: /nonexistent.md: no such file or directory\n")
        let directoryResult = try CLI.run(["toc", directory.path])
        #expect(directoryResult.status == 2)
        #expect(directoryResult.stderr.hasPrefix("bulletin: \(directory.path): cannot read"))
        // Devices and pipes that never end: refused from their first bytes.
        for device in ["/dev/zero", "/dev/urandom"] {
            let result = try CLI.run(["search", "x", device])
            #expect(result.status == 2 && result.stderr == "bulletin: \(device): not a text bulletin (binary data)\n")
        }
        let piped = try CLI.run(["toc", "-"], stdin: Data([0x23, 0x00, 0x01]))
        #expect(piped.status == 2 && piped.stderr == "bulletin: standard input: not a text bulletin (binary data)\n")
    }

    @Test func standardInputIsReadWithDash() throws {
        let result = try CLI.run(["toc", "-"], stdin: Data("## 要闻\n\n### 北京 | 新闻\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("1.1 北京 | 新闻"))
        #expect(result.stdout.hasPrefix("     1  standard input\n"))
    }

    @Test func hostileInputNeverReachesStdoutAsControlCharacters() throws {
        let hostile = "## \u{1B}[2J\u{1B}]0;pwned\u{07}要闻\u{9B}31m\n\n### 北京 | &#27;[5m新闻&#x1b;\n\n正文\u{1B}P1;2q\u{1B}\\。&#x9b;2J\n"
        let path = URL(fileURLWithPath: try CLI.temporaryFile(Array(hostile.utf8), name: "hostile.md"))
        for command in [["toc", path.path], ["cat", path.path, "--width", "40"], ["toc", path.path, "--json"]] {
            let result = try CLI.run(command)
            #expect(result.status == 0)
            let bad = (result.stdout + result.stderr).unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            #expect(bad.isEmpty, "\(command[0]) printed control characters")
        }
        #expect(try CLI.run(["toc", path.path]).stderr.contains("removed"))
        #expect(try CLI.run(["cat", path.path]).stderr.contains("removed 1 control character(s) decoded from HTML entities in article text"))
    }

    /// File names come from outside the bulletin: in errors, warnings and
    /// search hits their control characters are spelled out, never sent.
    @Test func hostileFileNamesAreSpelledOutInMessages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let named = folder.appendingPathComponent("a\u{1B}[31m\u{9B}2J.md")
        try Data("## 要闻\n\n上海 | 新闻\n北京 | 没有文章\n\n## 要闻\n\n### 上海 | 新闻\n\n正文。\n".utf8).write(to: named)
        let missing = folder.appendingPathComponent("gone\u{1B}]0;title\u{07}.md").path
        let runs = [["toc", named.path], ["search", "新闻", folder.path], ["toc", missing], [missing], ["--bogus\u{1B}[5m"]]
        for command in runs {
            let result = try CLI.run(command)
            let bad = (result.stdout + result.stderr).unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            #expect(bad.isEmpty, "\(command) printed control characters")
        }
        #expect(try CLI.run(["toc", named.path]).stderr.contains("a\\u{1B}[31m\\u{9B}2J.md:4: warning"))
        #expect(try CLI.run(["search", "新闻", folder.path]).stdout.contains("a\\u{1B}[31m\\u{9B}2J.md:8: "))
        #expect(try CLI.run(["toc", named.path]).stdout.hasPrefix("     1  a[31m2J\n"), "the title from the file name drops its controls")
        let error = try CLI.run([missing])
        #expect(error.status == 2)
        #expect(error.stderr == "bulletin: \(folder.path)/gone\\u{1B}]0;title\\u{7}.md: no such file or directory\n")
    }
}
