import BulletinCore
import BulletinInvariants
import Foundation
import Testing

/// Every input the fuzzer ever broke something with (fuzz/regressions/),
/// checked as fuzz/run.sh checks it: the first byte picks the encoding, the
/// last twelve the reader's keys.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fuzz/regressions")
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 3)
    }

    @Test(arguments: inputs)
    func regressionInputKeepsEveryInvariant(name: String) throws {
        let input = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let selector = try #require(input.first)
        let encoding = Invariants.encodings[Int(selector) % Invariants.encodings.count]
        let problems = Invariants.check(Array(input.dropFirst()), encoding: encoding, keys: Array(input.suffix(12)))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}
