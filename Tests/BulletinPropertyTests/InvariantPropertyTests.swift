import BulletinCore
import BulletinInvariants
import Testing

/// The fuzz target's invariants on seeded random bulletins, in every
/// encoding: no control, C1 or bidi character in any output or cell, no line
/// wider than its width, no half of a wide character, node ranges inside the
/// document, search agreeing with a plain scan, the same outline twice.
@Suite struct InvariantPropertyTests {
    @Test(arguments: 0..<8)
    func randomBulletinsKeepEveryInvariant(batch: Int) {
        for k in 0..<25 {
            let seed = UInt64(batch * 1_000 + k)
            var soup = BulletinSoup(seed: seed)
            let bytes = soup.document()
            let encoding = Invariants.encodings[soup.encoding()]
            let problems = Invariants.check(bytes, encoding: encoding, keys: soup.keys())
            #expect(problems.isEmpty, "seed \(seed), \(encoding?.name ?? "detected"): \(problems.prefix(3))")
        }
    }

    /// The character check can fail: escapes and line separators are reported.
    @Test func theChecksReportWhatIsWrong() {
        #expect(!Invariants.forbiddenCharacters(in: "a\u{1B}b", "text").isEmpty)
        #expect(!Invariants.forbiddenCharacters(in: "a\u{2028}b", "text").isEmpty)
        #expect(Invariants.forbiddenCharacters(in: "中文 text", "text").isEmpty)
    }
}

/// The library invariants on hostile database files: seeded random bytes,
/// a real database cut short, and one with a page of it overwritten.
@Suite struct LibraryFilePropertyTests {
    @Test func randomAndDamagedDatabaseFilesAreSetAsideOrRead() {
        var generator = SeededGenerator(seed: 9)
        var inputs: [[UInt8]] = (0..<12).map { n in (0..<(n * 700)).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        // An SQLite header followed by noise: a database that is not one.
        inputs.append(Array("SQLite format 3\0".utf8) + (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        for bytes in inputs {
            let problems = LibraryInvariants.hostileFiles(bytes)
            #expect(problems.isEmpty, "\(bytes.count) bytes: \(problems)")
        }
    }
}
