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
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
