import BulletinCore
@testable import BulletinReader
import Glibc
import Testing

/// A big bulletin opens from a window of its bytes (after its long TOC) and
/// the whole replaces it later without moving the reader.
@Suite struct LoadingTests {
    /// A bulletin with a TOC longer than the look-back, then its body.
    static func bigBulletin(sections: Int = 40, articles: Int = 60) -> String {
        var toc = "# 大简报\n\n", body = ""
        for s in 1...sections {
            toc += "## 栏目\(s)\n\n"
            body += "## 栏目\(s)\n\n"
            for a in 1...articles {
                toc += "地区\(a) | 第\(s)栏第\(a)篇标题\n\n"
                body += "### 地区\(a) | 第\(s)栏第\(a)篇标题\n\n第\(s)栏第\(a)篇的正文，写得足够长以便换行。\(String(repeating: "内容", count: 30))\n\n"
            }
        }
        return toc + body
    }

    static func temporaryFile(_ text: String) -> String {
        var template = Array("/tmp/bulletin-big-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func openingStartsAtTheBodyAndMapsToFileLines() throws {
        let path = Self.temporaryFile(Self.bigBulletin())
        defer { unlink(path) }
        let opening = try #require(try BulletinOpening.read(path: path, minimumSize: 0, window: 16 << 10))
        let full = try BulletinParser.parse(path: path)
        let lineOffset = try opening.lineOffset()
        let first = try #require(opening.bulletin.outline.articleIndices.first)
        #expect(opening.bulletin.outline[first].headline == "第1栏第1篇标题")
        #expect(lineOffset > 2 * 40 * 60)  // the TOC block was skipped
        #expect(opening.bulletin.outline.sectionIndices.count >= 1)
        for node in opening.bulletin.outline.nodes where node.kind == .article {
            let match = full.outline[full.outline.node(containingLine: node.line + lineOffset)]
            #expect(match.headline == node.headline && match.line == node.line + lineOffset)
        }
        // Small files are parsed whole instead.
        #expect(try BulletinOpening.read(path: path)?.windowStart == nil)
    }

    @Test func finishingTheLoadKeepsPositionFoldsAndSearch() throws {
        let path = Self.temporaryFile(Self.bigBulletin())
        defer { unlink(path) }
        let opening = try #require(try BulletinOpening.read(path: path, minimumSize: 0, window: 16 << 10))
        var state = ReaderState(library: Library([opening.bulletin]), width: 100, height: 30, loading: true)
        #expect(state.statusLine.contains("loading…"))
        state.press("}}}jj")
        let headline = state.library.node(state.position.node).headline
        let top = state.articleLines[0]
        state.press("{tab}z{tab}/第1栏第2篇")
        state.finishLoading(Library([try BulletinParser.parse(path: path)]), lineOffset: try opening.lineOffset())
        #expect(!state.loading && !state.statusLine.contains("loading…"))
        #expect(state.library.node(state.position.node).headline == headline)
        #expect(state.articleLines[0] == top)
        #expect(state.statusLine.contains("§1/40") && state.statusLine.contains("article 3/2400"))
        #expect(state.search?.matches.count == 1)
        state.press("{esc}")
        #expect(state.tocLines.contains("  ▸ 栏目1"))
    }

    /// Many files: the first is shown alone, then the whole set replaces it.
    @Test func finishingAManyFileLoadKeepsThePlaceInTheFirstBulletin() {
        let texts = (1...3).map { b in (1...4).map { s in "## 栏目\(s)\n\n### 地区 | 第\(b)份第\(s)栏\n\n正文。\n\n" }.joined() }
        let bulletins = texts.enumerated().map { BulletinParser.parse($1, path: "b\($0 + 1).md") }
        var state = ReaderState(library: Library([bulletins[0]]), width: 100, height: 30, loading: true)
        state.press("]]]")
        #expect(state.statusLine.hasPrefix(" b1.md  §3/4"))
        state.finishLoading(Library(bulletins, unreadable: [.notText(path: "bad.md")]), lineOffset: 0)
        #expect(state.statusLine.hasPrefix(" b1.md (1/3)  §3/4"))
        #expect(state.statusLine.contains("w: 1 warning"))
        #expect(state.articleLines[0].contains("3. 栏目3"))
        state.press("]]")
        #expect(state.statusLine.hasPrefix(" b2.md (2/3)  §1/4"), "section jumps now cross into the files loaded later")
    }
}
