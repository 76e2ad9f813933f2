import CByteScan
import Glibc

/// Decides from raw bytes that a file cannot contain a hit, so archive
/// search skips decoding and parsing it. Exact, never a guess: a hit needs
/// every keyword in a headline, region or section title, each folded scalar
/// of a keyword must then appear in the file as one of the scalars that fold
/// to it, and nothing between the bytes and the headline (markup removal,
/// sanitising, joining) creates a scalar, except entity decoding, which is
/// accounted for. Files whose first non-ASCII bytes are not UTF-8 are never
/// skipped. One limit: the decoder judges a whole file, this its first 64
/// non-ASCII characters, so a file that starts in UTF-8 and switches to
/// GB18030 for most of its length could be skipped.
struct SearchPrefilter: Sendable {
    /// For each distinct folded scalar of the keywords: the UTF-8 spellings
    /// of every scalar that folds to it. A file needs one spelling of each.
    let anchors: [[[UInt8]]]
    /// Some anchor is an output of a named entity: any `&` may produce it.
    let namedEntityMayProduce: Bool

    init(_ query: SearchQuery) {
        let entityOutputs = Set(HTMLEntities.named.values.flatMap { $0.unicodeScalars.map(\.value) })
        var seen = Set<UInt32>()
        // Non-ASCII scalars first: they rule out most files soonest.
        let scalars = query.keywords.flatMap(\.scalars).filter { seen.insert($0).inserted }
            .sorted { ($0 < 0x80 ? 1 : 0, $0) < ($1 < 0x80 ? 1 : 0, $1) }
        let variants = scalars.map(SearchFolding.variants(of:))
        anchors = variants.map { $0.map { Array(String(Unicode.Scalar($0)!).utf8) } }
        namedEntityMayProduce = variants.joined().contains(where: entityOutputs.contains)
    }

    /// True when `bytes` certainly hold no hit.
    func excludes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !anchors.isEmpty, Self.isPlainUTF8(bytes) else { return false }
        if contains(bytes, Array("&#".utf8)) { return false }
        if namedEntityMayProduce && memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil { return false }
        return anchors.contains { spellings in !spellings.contains { contains(bytes, $0) } }
    }

    private func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBytes { string_search(bytes.baseAddress, bytes.count, $0.baseAddress, needle.count) != nil }
    }

    /// No UTF-16 BOM, no NUL in the binary probe (those go through the full
    /// path, which reports them), and the first non-ASCII bytes are UTF-8.
    static func isPlainUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if SourceDecoder.detectBOM(bytes).map({ $0.encoding != .utf8BOM }) == true { return false }
        if SourceDecoder.containsNUL(UnsafeBufferPointer(rebasing: bytes.prefix(SourceDecoder.binaryProbeLength))) { return false }
        var i = 0, checked = 0
        while i < bytes.count && checked < 64 {
            if bytes[i] < 0x80 { i += 1; continue }
            let length = UTF8Sanitizer.sequenceLength(bytes, at: i)
            if length == 0 { return false }
            i += length
            checked += 1
        }
        return true
    }
}
