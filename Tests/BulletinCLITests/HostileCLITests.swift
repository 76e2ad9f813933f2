import Foundation
import Glibc
import Testing

/// The command line on the inputs of the security review (issue 7).
@Suite struct HostileCLITests {
    /// `&#10;` in a heading once printed a second, forged hit.
    @Test func decodedLineFeedsCannotForgeOutputLines() throws {
        let path = try CLI.temporaryFile(Array("""
        # 周报

        ## 要闻

        ### R | real&#10;/etc/passwd:1: FORGED > X | injected hit

        ### S | real&#x2028;/etc/shadow:1: FORGED > Y | injected

        正文。

        """.utf8))
        let search = try CLI.run(["search", "real", path])
        #expect(search.status == 0)
        let lines = search.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix(path + ":") })
        #expect(!search.stdout.contains("\u{2028}"))
        let toc = try CLI.run(["toc", path])
        #expect(!toc.stdout.split(separator: "\n").contains { $0.hasPrefix("/etc/") })
        #expect(toc.stdout.contains("R | real /etc/passwd:1: FORGED > X | injected hit"))
    }

    /// Reading never writes: not to the bulletin, not beside it.
    @Test func commandsLeaveBulletinsAndTheirFolderAlone() throws {
        let path = try CLI.temporaryFile(Array("# 周报\n\n## 要闻\n\n### 北京 | 新闻\n\n正文。\n".utf8))
        let folder = (path as NSString).deletingLastPathComponent
        func snapshot() throws -> [String] {
            var info = stat()
            stat(path, &info)
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                + ["\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"]
        }
        let before = try snapshot()
        // The library commands write their index and state elsewhere, never beside the bulletins.
        let xdg = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-xdg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: xdg) }
        let environment = ["XDG_CACHE_HOME": xdg + "/cache", "XDG_STATE_HOME": xdg + "/state"]
        for command in [["toc", path], ["toc", "--json", path], ["cat", path], ["search", "新闻", folder],
                        ["index", folder], ["list", folder], ["search", "--index", "新闻", folder], ["index", "--status", folder]] {
            #expect(try CLI.run(command, environment: environment).status == 0, "\(command)")
        }
        #expect(try snapshot() == before)
        #expect(FileManager.default.fileExists(atPath: xdg + "/cache/bulletin/index.sqlite"))
    }

    /// Bytes 0xFF forced through GB18030 crashed `toc`, `cat` and the reader.
    @Test(arguments: [["toc"], ["cat", "--width", "40"], ["search", "x"]])
    func invalidGB18030BytesDoNotCrash(command: [String]) throws {
        let path = try CLI.temporaryFile([UInt8](repeating: 0xFF, count: 20), name: "ff.md")
        let result = try CLI.run(command + ["--encoding", "GB18030", path])
        #expect(result.status == (command[0] == "search" ? 1 : 0), "\(result.stderr)")
        #expect(result.stderr.contains("replaced 20 invalid byte sequences") || command[0] == "search")
    }
}

/// Standard input past 16 MiB goes on in a temporary file: the same outline
/// as the file itself, in bounded memory.
@Suite struct StreamSpillTests {
    @Test func aBigPipedBulletinOutlinesLikeItsFile() throws {
        var text = "# 周报\n\n"
        var i = 0
        while text.utf8.count < 17 << 20 {
            text += "## 第\(i)节\n\n### 北京 | 第\(i)条\n\n" + String(repeating: "正文。", count: 300) + "\n\n"
            i += 1
        }
        let path = try CLI.temporaryFile(Array(text.utf8))
        let fromFile = try CLI.run(["toc", path])
        let fromPipe = try CLI.run(["toc", "-"], stdin: Data(text.utf8))
        #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
        #expect(fromPipe.stdout == fromFile.stdout)
    }
}
