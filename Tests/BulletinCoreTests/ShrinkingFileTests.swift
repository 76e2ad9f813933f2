import Foundation
import Glibc
import Testing
@testable import BulletinCore

/// A mapped bulletin whose file shrinks under it: pages past the new end
/// raised SIGBUS; now they read as zeros, and the shrink is reported.
@Suite(.serialized) struct ShrinkingFileTests {
    /// A bulletin of about `megabytes` MB (mapped: over FileReader.mapThreshold).
    static func bigBulletin(megabytes: Int) -> String {
        var lines = ["# 周报", ""]
        var i = 0
        while lines.reduce(0, { $0 + $1.utf8.count }) < megabytes << 20 {
            lines += ["## 第\(i)节", ""]
            for k in 0..<20 {
                lines += ["### 地区\(k) | 第\(i)节第\(k)条", "", String(repeating: "正文内容。", count: 60), ""]
            }
            i += 1
        }
        return lines.joined(separator: "\n")
    }

    @Test func readingPastTheNewEndIsNoCrash() throws {
        let path = try Fixtures.temporaryFile(Array(Self.bigBulletin(megabytes: 3).utf8))
        let bulletin = try BulletinParser.parse(path: path)
        #expect(!bulletin.source.fileShrank)
        let nodes = bulletin.outline.count
        truncate(path, 1 << 20)
        // Every body, read after the shrink: the last ones are past the end.
        let bodies = (0..<nodes).map { bulletin.blocks(of: $0) }
        #expect(bulletin.source.fileShrank)
        #expect(bulletin.source.fileShrankCheckingFile())
        #expect(bodies.first { !$0.isEmpty } != nil)
        #expect(bodies.last?.isEmpty == true)
        // No zero byte of the vanished part reaches the text.
        let text = PlainText.render(bulletin, width: 80).text
        #expect(!text.unicodeScalars.contains { $0.value == 0 })
    }

    /// Cut within the last page: no page past the end is read, so no fault
    /// says so; the file's size does, and the zeros there are not text.
    @Test func aFileCutWithinItsLastPageIsNoticedByItsSize() throws {
        let source = Self.bigBulletin(megabytes: 2)
        let path = try Fixtures.temporaryFile(Array(source.utf8))
        let bulletin = try BulletinParser.parse(path: path)
        truncate(path, off_t(source.utf8.count - 10))
        #expect(!bulletin.source.fileShrank)
        #expect(bulletin.source.fileShrankCheckingFile())
        let last = bulletin.outline.count - 1
        let body = bulletin.blocks(of: last).map { String(describing: $0) }.joined()
        #expect(!body.unicodeScalars.contains { $0.value == 0 })
    }

    @Test func aFileThatShrinksWhileReadIsCutShort() throws {
        let pipe = try Fixtures.temporaryFile(Array("## a\n".utf8))
        let fd = open(pipe, O_RDONLY)
        defer { close(fd) }
        let storage = try FileReader.readAll(fd: fd, path: pipe, expected: 100)
        #expect(storage.shrankAt == 5)
    }
}
