import BulletinCore
@testable import BulletinReader
import Foundation
import Glibc
import Testing

/// A bulletin whose file shrinks while it is shown: the status line says so
/// once, its count agrees with `w`, whose list names the file first, and
/// the text already read stays on screen.
@Suite struct ShrunkFileScreenTests {
    @Test func aShrunkFileIsReportedInTheStatusLineAndUnderW() throws {
        var text = "# 周报\n\n"
        for i in 0..<600 { text += "## 第\(i)节\n\n### 北京 | 第\(i)条\n\n" + String(repeating: "正文内容。", count: 120) + "\n\n" }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shrunk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("weekly.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let bulletin = try BulletinParser.parse(path: path)
        var state = Reader.state([bulletin], width: 100, height: 30)
        let before = state.articleLines.joined()
        #expect(before.contains("正文内容"))
        truncate(path, 1 << 16)
        state.press("G")  // lays out the end of the file: past the new end
        state.noteShrunkFiles()
        #expect(state.statusLine.contains("weekly.md shrank while open"))
        #expect(state.warningLines.first == "\(path): the file shrank while open; what was read is shown")
        state.press("g")
        #expect(state.articleLines.joined().contains("正文内容"))
        #expect(state.statusLine.contains("w: \(state.warningLines.count) warning"))
    }
}
