import Foundation
import Testing
@testable import BulletinCore

/// Paths and helpers shared by the core's tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared real bulletin, beside the project root.
    static let seedPath = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/seed-bulletin.md").path
    static var seedExists: Bool { FileManager.default.fileExists(atPath: seedPath) }

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func parse(_ name: String) throws -> Bulletin { try BulletinParser.parse(path: path(name)) }

    /// Writes bytes to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input.md") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func decode(_ bytes: [UInt8], forcing encoding: TextEncoding? = nil) throws -> SourceText {
        try SourceDecoder.decode(ByteStorage(bytes), path: "test.md", forcing: encoding)
    }
}

extension SourceText {
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension Bulletin {
    func node(_ index: Int) -> OutlineNode { outline[index] }
    var articleTitles: [String] { outline.articleIndices.map { outline[$0].displayTitle } }
    var sectionTitles: [String] { outline.sectionIndices.map { outline[$0].text } }
    func warnings(_ kind: Warning.Kind) -> [Warning] { warnings.filter { $0.kind == kind } }
}
