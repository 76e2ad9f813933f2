import Glibc

/// Collects output and writes it to a descriptor in large blocks: commands
/// that print one line per node of a huge bulletin would otherwise spend
/// their time in `print`.
struct OutputBuffer: TextOutputStream {
    private var bytes: [UInt8] = []
    private let descriptor: Int32

    init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        bytes.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        if bytes.count >= 1 << 20 { flush() }
    }

    /// Raw bytes, already valid UTF-8.
    mutating func append(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// `value` right-aligned in `width` columns.
    mutating func write(_ value: Int, width: Int) {
        let digits = String(value)
        for _ in 0..<max(0, width - digits.utf8.count) { bytes.append(UInt8(ascii: " ")) }
        write(digits)
    }

    mutating func flush() {
        Self.writeRuns(to: descriptor) { put in bytes.withUnsafeBufferPointer(put) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the runs of bytes `produce` gives (each valid until the call
    /// returns) to `descriptor` without copying them, up to IOV_MAX per
    /// `writev`: a common word's 128,000 lines were copied once more here.
    static func writeRuns(to descriptor: Int32 = 1, _ produce: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        let most = 1024  // IOV_MAX on Linux (a macro Swift does not import)
        var vectors: [iovec] = []
        vectors.reserveCapacity(most)
        func flush() {
            var first = 0
            while first < vectors.count {
                let written = vectors.withUnsafeBufferPointer { writev(descriptor, $0.baseAddress! + first, Int32($0.count - first)) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                // Past what was written: whole vectors, then part of one.
                var left = written
                while first < vectors.count && left >= vectors[first].iov_len {
                    left -= vectors[first].iov_len
                    first += 1
                }
                if left > 0 {
                    vectors[first].iov_base += left
                    vectors[first].iov_len -= left
                }
            }
            vectors.removeAll(keepingCapacity: true)
        }
        produce { run in
            guard let base = run.baseAddress, !run.isEmpty else { return }
            vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: run.count))
            if vectors.count == most { flush() }
        }
        flush()
    }
}
