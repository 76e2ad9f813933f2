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
