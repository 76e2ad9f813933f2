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
        out.write("\n")
        out.write(String(repeating: "  ", count: filled.count))
    }

    /// A JSON string: quotes, backslashes and every control character
    /// escaped, and U+2028/2029 too, so no value can break a line.
    private mutating func writeString(_ text: String) {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        out.write(escaped + "\"")
    }
}
