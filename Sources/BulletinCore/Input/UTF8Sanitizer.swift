import CByteScan

/// Byte-level pass over UTF-8 that makes text safe: invalid sequences become
/// U+FFFD, control characters and whole terminal escape sequences are removed,
/// and CR/CRLF become LF.
///
/// `needsCleaning` is the fast path: most bulletins are already clean, and then
/// the original (possibly memory-mapped) bytes are used without a copy. The
/// line scanner tolerates CRLF, so only a lone CR forces a copy.
enum UTF8Sanitizer {
    struct Result {
        var storage: ByteStorage
        var replacedSequences = 0
        var removedControls = 0
    }

    /// Inputs at least this large are checked on all cores.
    static let parallelThreshold = 1 << 20

    /// True if `bytes` contains anything `clean` would change (other than CRLF).
    static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let workers = bytes.count >= parallelThreshold ? Parallel.processorCount : 1
        guard workers > 1 else { return needsCleaning(chunk: bytes) }
        // Chunks start on a character and never between CR and LF.
        var bounds = [0]
        for k in 1..<workers {
            var b = max(bounds[k - 1], bytes.count * k / workers)
            while b < bytes.count && (bytes[b] & 0xC0 == 0x80 || bytes[b - 1] == 0x0D) { b += 1 }
            bounds.append(b)
        }
        bounds.append(bytes.count)
        let dirty = UnsafeMutableBufferPointer<Bool>.allocate(capacity: workers)
        defer { dirty.deallocate() }
        let shared = UncheckedSendable((input: bytes, output: dirty, bounds: bounds))
        Parallel.perform(iterations: workers) { k in
            let (input, output, bounds) = shared.value
            output[k] = needsCleaning(chunk: UnsafeBufferPointer(rebasing: input[bounds[k]..<bounds[k + 1]]))
        }
        return dirty.contains(true)
    }

    static func needsCleaning(chunk bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return utf8_needs_cleaning(base, bytes.count)
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 if invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = bytes.count
        let b = bytes[i]
        @inline(__always) func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < n && bytes[i + k] >= low && bytes[i + k] <= high
        }
        switch b {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xE1...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// C1 controls (U+0080-009F) and bidi overrides, given a valid sequence at `i`.
    @inline(__always)
    static func isRemovableSequence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        if b == 0xC2 { return bytes[i + 1] <= 0x9F }
        if b == 0xE2 {
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            return (b1 == 0x80 && (0xAA...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2))
        }
        return false
    }

    static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count * 3 + 1)
        var o = 0
        var replaced = 0, removed = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case 0x0D:
                    out[o] = 0x0A; o += 1
                    i += (i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                case 0x1B:
                    removed += 1
                    i = skipEscape(bytes, from: i + 1)
                case 0x09, 0x0A, 0x20..<0x7F:
                    out[o] = b; o += 1; i += 1
                default:
                    removed += 1; i += 1
                }
                continue
            }
            let length = sequenceLength(bytes, at: i)
            if length == 0 {
                replaced += 1
                out[o] = 0xEF; out[o + 1] = 0xBF; out[o + 2] = 0xBD; o += 3
                i += 1
                // One replacement per maximal invalid run of continuation bytes.
                while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
                continue
            }
            if isRemovableSequence(bytes, at: i) {
                removed += 1
                let c1 = b == 0xC2 ? bytes[i + 1] : 0
                i += length
                switch c1 {
                case 0x9B: i = skipControlSequence(bytes, from: i)
                case 0x90, 0x98, 0x9D, 0x9E, 0x9F: i = skipString(bytes, from: i)
                default: break
                }
                continue
            }
            for k in 0..<length { out[o + k] = bytes[i + k] }
            o += length
            i += length
        }
        return Result(storage: ByteStorage(adopting: out, count: o), replacedSequences: replaced, removedControls: removed)
    }

    /// Skips what follows an ESC: a CSI, a string (OSC/DCS/SOS/PM/APC), or a
    /// short escape (`ESC ( B`, `ESC 7`). Returns the index after it.
    static func skipEscape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count else { return start }
        switch bytes[start] {
        case UInt8(ascii: "["): return skipControlSequence(bytes, from: start + 1)
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            return skipString(bytes, from: start + 1)
        default:
            var i = start
            while i < bytes.count, (0x20...0x2F).contains(bytes[i]) { i += 1 }
            if i < bytes.count, (0x30...0x7E).contains(bytes[i]) { i += 1 }
            return i
        }
    }

    /// CSI parameters, intermediates and final byte.
    static func skipControlSequence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count, (0x20...0x3F).contains(bytes[i]) { i += 1 }
        if i < bytes.count, (0x40...0x7E).contains(bytes[i]) { i += 1 }
        return i
    }

    /// A control string ends at BEL, ST (ESC \ or U+009C), or, so that an
    /// unterminated one cannot swallow the document, at the end of the line.
    static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x07: return i + 1
            case 0x0A: return i
            case 0x1B: return i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\\") ? i + 2 : i + 1
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x9C: return i + 2
            default: i += 1
            }
        }
        return i
    }
}
