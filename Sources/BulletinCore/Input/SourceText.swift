/// Decoded bulletin text: valid UTF-8 without control characters, lines ended
/// by LF or CRLF. Produced only by `SourceDecoder`, so every consumer can rely
/// on it being safe to print.
public struct SourceText: Sendable {
    public let storage: ByteStorage
    public let range: Range<Int>
    public let encoding: TextEncoding
    public let warnings: [Warning]
    /// The file shrank while it was decoded into a copy (`storage` then
    /// holds what was read before).
    var shrankWhileCopied = false

    public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage.base + range.lowerBound, count: range.count)
    }

    /// Whether the file turned out shorter than it was when opened: what was
    /// read is all there is, and the rest of it reads as nothing.
    public var fileShrank: Bool { shrankWhileCopied || storage.shrankAt != nil }

    /// `fileShrank`, also asking the file system for the file's size now
    /// (for the command line, once its output is written).
    public func fileShrankCheckingFile() -> Bool {
        shrankWhileCopied || storage.shrankAtCheckingFile() != nil
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
