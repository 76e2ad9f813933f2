import Glibc

/// Turns raw bytes into `SourceText`: detects the encoding (BOM, valid UTF-8,
/// else GB18030), rejects binary data, and sanitises.
public enum SourceDecoder {
    /// Bytes checked for NUL to tell binary data from text.
    static let binaryProbeLength = 8 * 1024

    public static func decode(_ storage: ByteStorage, path: String, forcing forced: TextEncoding? = nil) throws(BulletinError) -> SourceText {
        var text = try decodeBytes(storage, path: path, forcing: forced)
        if text.storage !== storage, storage.shrankAt != nil { text.shrankWhileCopied = true }
        return text
    }

    static func decodeBytes(_ storage: ByteStorage, path: String, forcing forced: TextEncoding?) throws(BulletinError) -> SourceText {
        let all = storage.buffer
        let bom = forced == nil ? detectBOM(all) : nil
        let encoding = forced ?? bom?.encoding ?? .utf8
        let start = bom?.length ?? (forced == .utf8 && hasUTF8BOM(all) ? 3 : 0)
        switch encoding {
        case .utf16LE, .utf16BE:
            let utf8 = transcodeUTF16(UnsafeBufferPointer(rebasing: all[start...]), bigEndian: encoding == .utf16BE)
            if containsNUL(UnsafeBufferPointer(rebasing: utf8.storage.buffer.prefix(binaryProbeLength))) {
                throw .notText(path: path)
            }
            return decodeUTF8(utf8.storage, start: 0, encoding: encoding, replaced: utf8.replaced)
        case .gb18030:
            try rejectBinary(UnsafeBufferPointer(rebasing: all[start...]), path: path)
            guard let utf8 = transcodeGB18030(UnsafeBufferPointer(rebasing: all[start...]), strict: false) else {
                throw .unreadable(path: path, reason: "this system's iconv has no GB18030 converter")
            }
            return decodeUTF8(utf8.storage, start: 0, encoding: .gb18030, replaced: utf8.replaced)
        case .utf8, .utf8BOM:
            let body = UnsafeBufferPointer(rebasing: all[start...])
            try rejectBinary(body, path: path)
            let dirty = UTF8Sanitizer.needsCleaning(body)
            if dirty, forced == nil, looksLikeGB18030(body), let gb = transcodeGB18030(body, strict: true) {
                return decodeUTF8(gb.storage, start: 0, encoding: .gb18030)
            }
            return decodeUTF8(storage, start: start, encoding: encoding, dirty: dirty)
        }
    }

    /// Decodes `storage` and runs `work` on the text. A big file without a
    /// BOM is most likely clean UTF-8: `work` then starts on it at once, on
    /// this core, while the other core checks it; if the check finds anything
    /// to clean, the file is decoded properly and `work` runs again.
    public static func decode<T>(_ storage: ByteStorage, path: String, forcing forced: TextEncoding? = nil,
                                 overlapping work: (SourceText) -> T) throws(BulletinError) -> (SourceText, T) {
        let all = storage.buffer
        if forced == nil, detectBOM(all) == nil, all.count >= UTF8Sanitizer.parallelThreshold {
            try rejectBinary(all, path: path)
            let optimistic = SourceText(storage: storage, range: 0..<all.count, encoding: .utf8, warnings: [])
            let shared = UncheckedSendable(all)
            let (dirty, result) = Parallel.both({ UTF8Sanitizer.needsCleaning(chunk: shared.value) }, { work(optimistic) })
            if !dirty { return (optimistic, result) }
        }
        let text = try decode(storage, path: path, forcing: forced)
        return (text, work(text))
    }

    /// Sanitises UTF-8 `storage` from `start`, copying only when needed.
    static func decodeUTF8(_ storage: ByteStorage, start: Int, encoding: TextEncoding,
                           replaced earlier: Int = 0, dirty: Bool? = nil) -> SourceText {
        let body = UnsafeBufferPointer(rebasing: storage.buffer[start...])
        var warnings: [Warning] = []
        if encoding == .gb18030 {
            warnings.append(Warning(line: nil, kind: .encoding, message: "not UTF-8: decoded as GB18030"))
        }
        guard dirty ?? UTF8Sanitizer.needsCleaning(body) else {
            if earlier > 0 { warnings.append(replacementWarning(earlier)) }
            return SourceText(storage: storage, range: start..<storage.count, encoding: encoding, warnings: warnings)
        }
        let cleaned = UTF8Sanitizer.clean(body)
        let replaced = earlier + cleaned.replacedSequences
        if replaced > 0 { warnings.append(replacementWarning(replaced)) }
        if cleaned.removedControls > 0 {
            warnings.append(Warning(line: nil, kind: .controlCharacters,
                                    message: "removed \(cleaned.removedControls) control character\(cleaned.removedControls == 1 ? "" : "s") or escape sequence\(cleaned.removedControls == 1 ? "" : "s")"))
        }
        return SourceText(storage: cleaned.storage, range: 0..<cleaned.storage.count, encoding: encoding, warnings: warnings)
    }

    static func replacementWarning(_ count: Int) -> Warning {
        Warning(line: nil, kind: .invalidBytes, message: "replaced \(count) invalid byte sequence\(count == 1 ? "" : "s") with U+FFFD")
    }

    static func detectBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> (encoding: TextEncoding, length: Int)? {
        if hasUTF8BOM(bytes) { return (.utf8BOM, 3) }
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return (.utf16LE, 2) }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    static func hasUTF8BOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    static func rejectBinary(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(BulletinError) {
        if containsNUL(UnsafeBufferPointer(rebasing: bytes.prefix(binaryProbeLength))) { throw .notText(path: path) }
    }

    /// Raw bytes from the start of a file that are binary whatever the
    /// encoding: a NUL in the probe, and no UTF-16 byte order mark.
    static func looksBinary(_ start: UnsafeBufferPointer<UInt8>) -> Bool {
        if detectBOM(start)?.encoding.isUTF16 == true { return false }
        return containsNUL(UnsafeBufferPointer(rebasing: start.prefix(binaryProbeLength)))
    }

    static func containsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0, bytes.count) != nil
    }

    /// Not valid UTF-8, and not UTF-8 with a few damaged sequences either:
    /// GB18030 accepts almost any byte pairs, so a UTF-8 file with one bad
    /// byte must not be decoded as GB18030 mojibake.
    static func looksLikeGB18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var valid = 0, invalid = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let length = UTF8Sanitizer.sequenceLength(bytes, at: i)
            if length == 0 { invalid += 1; i += 1 } else { valid += 1; i += length }
        }
        return invalid > 0 && invalid * 2 > valid
    }

    struct Transcoded {
        var storage: ByteStorage
        var replaced: Int
    }

    static func transcodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Transcoded {
        let units = (0..<bytes.count / 2).lazy.map { k -> UInt16 in
            let a = UInt16(bytes[2 * k]), b = UInt16(bytes[2 * k + 1])
            return bigEndian ? a << 8 | b : b << 8 | a
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        var replaced = bytes.count % 2
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): out.append(contentsOf: scalar.utf8)
            case .error: replaced += 1; out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput: break loop
            }
        }
        if bytes.count % 2 == 1 { out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
        return Transcoded(storage: ByteStorage(out), replaced: replaced)
    }

    /// GB18030 through the C library's iconv. Strict mode returns nil at the
    /// first invalid sequence (used to decide whether non-UTF-8 bytes are
    /// GB18030 at all); lenient mode replaces each with U+FFFD. Nil too when
    /// iconv has no GB18030 converter.
    static func transcodeGB18030(_ bytes: UnsafeBufferPointer<UInt8>, strict: Bool) -> Transcoded? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // No input byte becomes more than 3 output bytes: an invalid byte
        // becomes U+FFFD (3), a 2-byte character at most 3, a 4-byte one 4.
        // The buffer still grows on E2BIG rather than trusting that.
        var capacity = bytes.count * 3 + 16
        var out = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var written = 0
        var replaced = 0
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer<CChar>(OpaquePointer(UnsafeMutablePointer(mutating: bytes.baseAddress)))
        var inLeft = bytes.count
        while inLeft > 0 {
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + written).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - written
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            written = capacity - outLeft
            if result != -1 { break }
            let failure = errno
            if failure == E2BIG || capacity - written < 3 {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: out, count: written)
                out.deallocate()
                out = bigger
                capacity *= 2
                if failure == E2BIG { continue }
            }
            guard failure == EILSEQ || failure == EINVAL, !strict, let next = inPointer else {
                out.deallocate()
                return nil
            }
            replaced += 1
            (out + written).initialize(from: [0xEF, 0xBF, 0xBD], count: 3)
            written += 3
            inPointer = next + 1
            inLeft -= 1
        }
        return Transcoded(storage: ByteStorage(adopting: out, count: written), replaced: replaced)
    }
}
