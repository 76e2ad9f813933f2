/// Writes JSON as it goes, into an `OutputBuffer` that flushes every
/// megabyte: `toc --json` on a 1 GB bulletin never holds its whole output
/// (JSONEncoder built it all, and a tree of values before that). Output is
/// indented two spaces a level, with every optional written as null.
struct JSONWriter {
    private var out = OutputBuffer()
    /// For each open container: whether it has an element yet.
    private var filled: [Bool] = []
    /// A key was written and its value is next.
    private var afterKey = false

    mutating func object(_ body: (inout JSONWriter) -> Void) { container("{", "}", body) }
    mutating func array(_ body: (inout JSONWriter) -> Void) { container("[", "]", body) }

    /// `"name" : ` in the current object; the next call writes its value.
    mutating func key(_ name: String) {
        startElement()
        writeString(name)
        out.write(" : ")
        afterKey = true
    }

    mutating func string(_ value: String?) {
        startElement()
        if let value { writeString(value) } else { out.write("null") }
    }

    mutating func int(_ value: Int?) {
        startElement()
        out.write(value.map(String.init) ?? "null")
    }

    /// `key` then a string or null.
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int?) { key(name); int(value) }

    /// Ends the document and writes what is buffered.
    mutating func finish() {
        out.write("\n")
        out.flush()
    }

    private mutating func container(_ open: String, _ close: String, _ body: (inout JSONWriter) -> Void) {
        startElement()
        out.write(open)
        filled.append(false)
        body(&self)
        if filled.removeLast() { newline() }
        out.write(close)
    }

    private mutating func startElement() {
        if afterKey { afterKey = false; return }
        guard !filled.isEmpty else { return }
        if filled[filled.count - 1] { out.write(",") }
        filled[filled.count - 1] = true
        newline()
    }

    private mutating func newline() {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<filled.count * 2 { out.append(UInt8(ascii: " ")) }
    }

    /// A JSON string: quotes, backslashes and every control character
    /// escaped, C1 controls and U+2028/2029 too, so no value can break a
    /// line. Works on the UTF-8 bytes: most text needs no escape at all.
    private mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            var start = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                var length = 0  // bytes of the character to escape at i
                if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    length = 1
                } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                    length = 2
                } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    length = 3
                }
                guard length > 0 else { i += 1; continue }
                out.append(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                let value = length == 1 ? UInt32(b)
                    : length == 2 ? UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    : UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                switch value {
                case 0x22: out.write("\\\"")
                case 0x5C: out.write("\\\\")
                case 0x0A: out.write("\\n")
                case 0x0D: out.write("\\r")
                case 0x09: out.write("\\t")
                default:
                    let hex = String(value, radix: 16)
                    out.write("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                }
                i += length
                start = i
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
            out.append(UInt8(ascii: "\""))
        }
    }
}
