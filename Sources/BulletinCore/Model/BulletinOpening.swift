import CByteScan
import Glibc

/// The start of a big bulletin, parsed from a window of its bytes so a
/// reader can paint at once while the whole file is parsed in the
/// background. The window skips a long table of contents: it starts at the
/// section heading before the first article heading (`### `), since the
/// first screen of the body is what a reader shows first.
public struct BulletinOpening: Sendable {
    /// The window as a bulletin of its own (titled after the file).
    public let bulletin: Bulletin
    /// Byte offset of the window in the file.
    public let windowStart: Int

    /// Files smaller than this are parsed whole before the first paint.
    public static let minimumFileSize = 4 << 20
    /// Enough for several screens of articles (on the 100 MB benchmark, 27
    /// articles in 232 lines: six screens of 40 rows) until the whole file is
    /// parsed, a second later; 32 KB more cost 0.8 M instructions on the way
    /// to the first paint (6.4 M in all with 64 KB).
    public static let windowSize = 32 << 10
    /// How far before the first article heading its section heading is looked for.
    static let sectionLookBack = 64 << 10

    /// The opening of the bulletin at `path`, or nil when it is small enough
    /// to parse whole (or UTF-16, whose lines this byte search cannot find).
    public static func read(path: String, encoding: TextEncoding? = nil,
                            minimumSize: Int = minimumFileSize, window: Int = windowSize) throws(BulletinError) -> BulletinOpening? {
        // The size first, so a small file is not read twice.
        var info = stat()
        guard path != "-", stat(path, &info) == 0, Int(info.st_size) >= minimumSize else { return nil }
        let file = try FileReader.read(path: path)
        // The mapping is held until the window is copied out of it.
        let found: (start: Int, window: ByteStorage)? = withExtendedLifetime(file) {
            let bytes = file.buffer
            guard bytes.count >= minimumSize, encoding == nil || encoding == .utf8 || encoding == .gb18030,
                  !(bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            else { return nil }
            let start = windowStart(bytes)
            var end = min(bytes.count, start + window)
            if end < bytes.count { while end > start && bytes[end - 1] != 0x0A { end -= 1 } }
            guard end > start else { return nil }
            return (start, ByteStorage(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
        guard let found else { return nil }
        let (source, scan) = try SourceDecoder.decode(found.window, path: path, forcing: encoding, overlapping: OutlineScan.init)
        return BulletinOpening(bulletin: BulletinParser.build(source, scan: scan, path: path), windowStart: found.start)
    }

    /// Lines of the file before the window: window line `n` is file line
    /// `n + lineOffset()`. Counted from the file's bytes (LF is one byte in
    /// UTF-8 and GB18030 alike) when needed, off the first paint's path.
    public func lineOffset() throws(BulletinError) -> Int {
        let file = try FileReader.read(path: bulletin.path)
        return withExtendedLifetime(file) { count_byte(file.base, min(windowStart, file.count), 0x0A) }
    }

    /// Offset of the line to start the window at: 0 when the first article
    /// heading is near the top, else the last `## ` line shortly before it.
    static func windowStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let needle: [UInt8] = Array("\n### ".utf8)
        guard let found = string_search(bytes.baseAddress, bytes.count, needle, needle.count) else { return 0 }
        let article = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - bytes.baseAddress! + 1
        guard article > sectionLookBack else { return 0 }
        var i = article - 1
        while i > article - sectionLookBack {
            if bytes[i - 1] == 0x0A && bytes[i] == 0x23 && bytes[i + 1] == 0x23 && bytes[i + 2] == 0x20 { return i }
            i -= 1
        }
        return article
    }
}
