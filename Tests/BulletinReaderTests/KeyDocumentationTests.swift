@testable import BulletinReader
import Foundation
import Testing

/// The README's key table and the in-reader help come from the same list.
@Suite struct KeyDocumentationTests {
    @Test func readmeKeyTableMatchesTheKeyMap() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for binding in KeyMap.bindings {
            let keys = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            let cell = binding.label == "1-9" ? "`1`-`9`" : keys
            #expect(readme.contains("| \(cell) | \(binding.help) |"),
                    "README lacks the row for \(binding.label)")
        }
        for mouse in KeyMap.mouseHelp { #expect(readme.contains("| \(mouse.label) | \(mouse.help) |")) }
    }
}
