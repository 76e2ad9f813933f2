/// Text folded for matching: NFKC-compatible decomposition, case folding,
/// fullwidth to halfwidth, whitespace removed. `origin[i]` is the index (in
/// Unicode scalars of the original text) that folded scalar `i` came from, so
/// a match in folded text maps back to a highlightable range.
public struct FoldedText: Equatable, Sendable {
    public var scalars: [UInt32] = []
    public var origin: [Int32] = []

    /// The folded scalars as a string, to find in `HeadlineIndex.foldedText`.
    public var string: String { Self.string(scalars[...]) }

    /// Folded scalars as a string, through their UTF-8 (appending scalars
    /// to a string one by one was most of making a bulletin's article keys).
    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3)
        appendUTF8(scalars, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendUTF8(_ scalars: ArraySlice<UInt32>, to out: inout [UInt8]) {
        for value in scalars { Unicode.UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { out.append($0) } }
    }

    public init(_ text: some StringProtocol) {
        scalars.reserveCapacity(text.utf8.count)
        origin.reserveCapacity(text.utf8.count)
        Self.append(text, scalars: &scalars, origin: &origin)
    }

    /// Folds `text` onto the end of `scalars`, with each folded scalar's
    /// original index (from 0 for this text) in `origin`.
    static func append(_ text: some StringProtocol, scalars: inout [UInt32], origin: inout [Int32]) {
        var index: Int32 = 0
        for scalar in text.unicodeScalars {
            SearchFolding.fold(scalar.value) { folded in
                scalars.append(folded)
                origin.append(index)
            }
            index += 1
        }
    }

    public var isEmpty: Bool { scalars.isEmpty }

    /// First index where `needle` occurs, or nil.
    public func firstIndex(of needle: FoldedText) -> Int? {
        scalars.withUnsafeBufferPointer { FoldedSlice(scalars: $0, origin: []).firstIndex(of: needle) }
    }

    /// The original-scalar range covered by folded range `start..<start+count`.
    public func originalRange(start: Int, count: Int) -> Range<Int> {
        Int(origin[start])..<Int(origin[start + count - 1]) + 1
    }
}

/// Folded text stored in someone else's arrays (`HeadlineIndex` keeps every
/// headline in one pair of arrays); valid while those arrays are.
struct FoldedSlice {
    var scalars: UnsafeBufferPointer<UInt32>
    var origin: ArraySlice<Int32>

    var count: Int { scalars.count }

    func firstIndex(of needle: FoldedText) -> Int? {
        let n = needle.scalars.count
        guard n > 0, n <= scalars.count else { return n == 0 ? 0 : nil }
        let first = needle.scalars[0]
        var i = 0
        let last = scalars.count - n
        while i <= last {
            if scalars[i] == first {
                var k = 1
                while k < n && scalars[i + k] == needle.scalars[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    func originalRange(start: Int, count: Int) -> Range<Int> {
        let base = origin.startIndex
        return Int(origin[base + start])..<Int(origin[base + start + count - 1]) + 1
    }
}

/// A 64-bit hash of a string's folded scalars, computed while folding, so
/// reconciling thousands of lines allocates no key arrays. Equal folded
/// text gives equal keys; distinct texts collide with odds near 2^-64.
struct FoldedKey: Hashable, Sendable {
    fileprivate let state: UInt64
    /// Number of folded scalars: lets edit-distance checks reject by length.
    let count: Int

    static let empty = FoldedKey(state: 0x9E37_79B9_7F4A_7C15, count: 0)

    private init(state: UInt64, count: Int) {
        self.state = state
        self.count = count
    }

    init(_ text: some StringProtocol) { self = FoldedKey.empty.appending(text) }

    /// The key of this key's text followed by `text`.
    func appending(_ text: some StringProtocol) -> FoldedKey {
        var key = self
        for scalar in text.unicodeScalars { key = key.appending(scalar) }
        return key
    }

    /// The key with one more scalar of text: a text's prefixes, one by one.
    func appending(_ scalar: Unicode.Scalar) -> FoldedKey {
        var h = state
        var n = count
        SearchFolding.fold(scalar.value) { value in
            h = (h ^ UInt64(value)) &* 0x100_0000_01B3
            h ^= h >> 29
            n += 1
        }
        return FoldedKey(state: h, count: n)
    }

    fileprivate func matches(_ state: UInt64, _ count: Int32) -> Bool {
        self.state == state && Int32(truncatingIfNeeded: self.count) == count
    }

    /// A slot in a table of `1 << bits` slots.
    fileprivate func slot(bits: Int) -> Int {
        Int(truncatingIfNeeded: ((state ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }
}

/// Maps folded keys to the first value stored under them. Open addressing
/// on the key's own hash: Swift's `Dictionary` would rehash every key with a
/// seeded SipHash, which dominated reconciling 80,000 TOC lines.
struct FoldedKeyTable {
    /// 16 bytes a slot, `count == -1` when empty: tables of 100,000 keys
    /// are probed at random, so their size in cache lines is their speed.
    private struct Slot {
        var state: UInt64 = 0
        var count: Int32 = -1
        var value: Int32 = 0
    }

    private var slots: [Slot]
    private let bits: Int

    init(capacity: Int) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        self.bits = bits
        slots = Array(repeating: Slot(), count: 1 << bits)
    }

    /// Stores `value` under `key`; returns the value that was there, if any.
    @discardableResult
    mutating func updateValue(_ value: Int, forKey key: FoldedKey) -> Int? {
        var i = key.slot(bits: bits)
        let mask = (1 << bits) - 1
        while slots[i].count >= 0 {
            if key.matches(slots[i].state, slots[i].count) {
                let old = Int(slots[i].value)
                slots[i].value = Int32(value)
                return old
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(state: key.state, count: Int32(key.count), value: Int32(value))
        return nil
    }

    subscript(key: FoldedKey) -> Int? {
        var i = key.slot(bits: bits)
        let mask = (1 << bits) - 1
        while slots[i].count >= 0 {
            if key.matches(slots[i].state, slots[i].count) { return Int(slots[i].value) }
            i = (i + 1) & mask
        }
        return nil
    }
}

enum SearchFolding {
    /// The folded scalars of `text`, without origins: comparison keys.
    static func key(_ text: some StringProtocol) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars { fold(scalar.value) { out.append($0) } }
        return out
    }

    /// Calls `emit` with each folded scalar of one input scalar (none for whitespace).
    @inline(__always)
    static func fold(_ value: UInt32, _ emit: (UInt32) -> Void) {
        if value < 0x80 {
            if value == 0x20 || (value >= 0x09 && value <= 0x0D) { return }
            emit(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
            return
        }
        // CJK ideographs and Hangul syllables have no folding: skip the table.
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xAC00...0xD7A3).contains(value) {
            emit(value)
            return
        }
        if let mapped = foldRange(of: value) {
            for k in mapped where !isWhitespace(foldValues[k]) { emit(foldValues[k]) }
        } else if !isWhitespace(value) {
            emit(value)
        }
    }

    /// Every scalar whose folding contains `folded` (itself included when it
    /// folds to itself): the spellings a folded scalar can have in raw text.
    static func variants(of folded: UInt32) -> [UInt32] {
        var result = reverseTable[folded] ?? []
        var selfFolds = false
        fold(folded) { if $0 == folded { selfFolds = true } }
        if selfFolds { result.append(folded) }
        if folded >= 0x61 && folded <= 0x7A { result.append(folded - 0x20) }  // ASCII case is folded in code
        return result
    }

    /// Folded scalar to the scalars whose folding contains it.
    static let reverseTable: [UInt32: [UInt32]] = {
        var reverse: [UInt32: [UInt32]] = [:]
        for (i, source) in foldKeys.enumerated() {
            for m in Set(foldValues[Int(foldOffsets[i])..<Int(foldOffsets[i + 1])]) { reverse[m, default: []].append(source) }
        }
        return reverse
    }()

    /// Unicode White_Space, without the cost of a property lookup.
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Where `value`'s folding sits in `foldValues`, if it has one
    /// (binary search in the generated, sorted `foldKeys`).
    @inline(__always)
    static func foldRange(of value: UInt32) -> Range<Int>? {
        var low = 0, high = foldKeys.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let key = foldKeys[mid]
            if key == value { return Int(foldOffsets[mid])..<Int(foldOffsets[mid + 1]) }
            if key < value { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}
