/// Decoded bulletin text: valid UTF-8 without control characters, lines ended
/// by LF or CRLF. Produced only by `SourceDecoder`, so every consumer can rely
/// on it being safe to print.
public struct SourceText: Sendable {
    public let storage: ByteStorage
    public let range: Range<Int>
    public let encoding: TextEncoding
    public let warnings: [Warning]

    public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage.base + range.lowerBound, count: range.count)
    }

    /// A text given as a Swift string (tests, the built-in sample).
    public init(_ string: String) {
        self = SourceDecoder.decodeUTF8(ByteStorage(Array(string.utf8)), start: 0, encoding: .utf8)
    }

    init(storage: ByteStorage, range: Range<Int>, encoding: TextEncoding, warnings: [Warning]) {
        self.storage = storage
        self.range = range
        self.encoding = encoding
        self.warnings = warnings
    }
}
