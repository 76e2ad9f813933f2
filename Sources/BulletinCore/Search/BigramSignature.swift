/// A bitset of every pair of adjacent folded scalars in a bulletin's
/// searchable fields (`HeadlineIndex`): a keyword of two scalars or more
/// whose pairs are not all set occurs in no field, so the library index
/// rules a bulletin out from its row alone. A rare word's search read
/// every bulletin's folded text (15 MB for 10,000 bulletins) to find the
/// few that hold it; a signature is a tenth of that. It may say yes
/// wrongly (the text is then searched and finds nothing), never no.
public enum BigramSignature {
    /// At least this many bits per pair, two set for each: a pair absent
    /// from a text is wrongly "held" about one time in twenty, a keyword of
    /// four scalars (three pairs) about one in ten thousand.
    static let bitsPerPair = 8
    static let minimumBits = 64
    static let maximumBits = 1 << 16

    /// The signature of `index`'s fields: a power of two of bits.
    public static func bytes(_ index: HeadlineIndex) -> [UInt8] {
        var pairs = 0
        for s in 0..<(index.bounds.count - 1) { pairs += max(0, index.slot(s).count - 1) }
        var bits = minimumBits
        while bits < bitsPerPair * pairs && bits < maximumBits { bits *= 2 }
        var bytes = [UInt8](repeating: 0, count: bits / 8)
        let width = bits.trailingZeroBitCount
        for s in 0..<(index.bounds.count - 1) {
            let field = index.slot(s)
            for i in field.indices.dropLast() {
                let (a, b) = positions(hash(field[i], field[i + 1]), width)
                bytes[a >> 3] |= 1 << UInt8(a & 7)
                bytes[b >> 3] |= 1 << UInt8(b & 7)
            }
        }
        return bytes
    }

    /// The hashes of every keyword's pairs; nil when a keyword is one
    /// scalar (it has no pair: signatures cannot rule anything out).
    public static func probes(_ query: SearchQuery) -> [UInt64]? {
        var probes: [UInt64] = []
        for keyword in query.keywords {
            guard keyword.scalars.count >= 2 else { return nil }
            for i in 0..<(keyword.scalars.count - 1) { probes.append(hash(keyword.scalars[i], keyword.scalars[i + 1])) }
        }
        return probes
    }

    /// Whether a bulletin with signature `bytes` may hold every probed pair.
    /// A signature that is not a power of two of bits (damaged) may hold anything.
    public static func mayHold(_ bytes: UnsafeRawBufferPointer, _ probes: [UInt64]) -> Bool {
        let bits = bytes.count * 8
        guard bits >= minimumBits, bits & (bits - 1) == 0 else { return true }
        let width = bits.trailingZeroBitCount
        func isSet(_ bit: Int) -> Bool { bytes[bit >> 3] & (1 << UInt8(bit & 7)) != 0 }
        return probes.allSatisfy { probe in
            let (a, b) = positions(probe, width)
            return isSet(a) && isSet(b)
        }
    }

    /// The two bits a pair sets among 2^`width`: the hash's top `width` bits
    /// and the next `width` (a pair, not an array: this runs for every pair
    /// of every bulletin indexed).
    static func positions(_ hash: UInt64, _ width: Int) -> (Int, Int) {
        (Int(hash >> UInt64(64 - width)), Int((hash << UInt64(width)) >> UInt64(64 - width)))
    }

    /// Multiplicative (Fibonacci) hashing of the pair: its top bits pick the bit.
    static func hash(_ a: UInt32, _ b: UInt32) -> UInt64 { (UInt64(a) << 32 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15 }
}
