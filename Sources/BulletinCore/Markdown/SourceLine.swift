import Glibc

/// One physical line of a `SourceText`: byte offsets (end excludes the line
/// terminator and a CR before it) and its 1-based line number.
public struct SourceLine: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var number: Int

    public var range: Range<Int> { start..<end }
}

/// Iterates the lines of a byte buffer, finding line ends with `memchr`.
struct LineIterator: IteratorProtocol, Sequence {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    var number: Int
    let limit: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, firstLineNumber: Int = 1, to limit: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.number = firstLineNumber - 1
        self.limit = limit ?? bytes.count
    }

    mutating func next() -> SourceLine? {
        guard position < limit, let base = bytes.baseAddress else { return nil }
        let start = position
        var end: Int
        if let hit = memchr(base + start, 0x0A, limit - start) {
            end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            position = end + 1
        } else {
            end = limit
            position = limit
        }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        number += 1
        return SourceLine(start: start, end: end, number: number)
    }
}
