import CTOMLReader

/// A TOML value as the theme reader needs it. Every entry keeps its line, so
/// any error can name where it is.
public indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case array([TOMLValue])
    case table([TOMLEntry])
    /// A float, boolean, date or time: only its type's name.
    case other(String)
}

public struct TOMLEntry: Equatable, Sendable {
    public init(key: String, value: TOMLValue, line: Int?) {
        self.key = key
        self.value = value
        self.line = line
    }

    public let key: String
    public let value: TOMLValue
    public let line: Int?
}

public struct TOMLError: Error, Equatable {
    public let line: Int?
    public let message: String
}

/// Parses TOML with toml++ (through `CTOMLReader`) and builds the tree from
/// its event stream. Entries come in key order, as toml++ keeps them.
public enum TOMLDocument {
    public static func parse(_ text: String) throws(TOMLError) -> [TOMLEntry] {
        var builder = Builder()
        var message = [CChar](repeating: 0, count: 512)
        var errorLine: UInt32 = 0
        var utf8 = Array(text.utf8)
        utf8.append(0)  // toml++ reads a view, but keep the buffer a C string too
        let status = utf8.withUnsafeBufferPointer { bytes in
            withUnsafeMutablePointer(to: &builder) { context in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { base in
                    toml_reader_parse(base, bytes.count - 1, { context, event, key, keyLength, text, textLength, integer, line in
                        let builder = context!.assumingMemoryBound(to: Builder.self)
                        builder.pointee.take(event, key: TOMLDocument.string(key, keyLength), text: TOMLDocument.string(text, textLength),
                                             integer: Int64(integer), line: line == 0 ? nil : Int(line))
                    }, context, &message, message.count, &errorLine)
                }
            }
        }
        guard status == 0 else {
            let end = message.firstIndex(of: 0) ?? message.count
            let text = String(decoding: message[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw TOMLError(line: errorLine == 0 ? nil : Int(errorLine), message: text)
        }
        return builder.root
    }

    fileprivate static func string(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
        guard let pointer, count > 0 else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    /// Open tables and arrays, innermost last; each collects its children.
    private struct Builder {
        enum Open { case table(key: String, line: Int?, [TOMLEntry]), array(key: String, line: Int?, [TOMLValue]) }
        var root: [TOMLEntry] = []
        var open: [Open] = []

        mutating func take(_ event: toml_reader_event, key: String, text: String, integer: Int64, line: Int?) {
            switch event {
            case TOML_READER_TABLE_BEGIN: open.append(.table(key: key, line: line, []))
            case TOML_READER_ARRAY_BEGIN: open.append(.array(key: key, line: line, []))
            case TOML_READER_TABLE_END, TOML_READER_ARRAY_END:
                switch open.removeLast() {
                case .table(let key, let line, let entries): add(TOMLEntry(key: key, value: .table(entries), line: line))
                case .array(let key, let line, let values): add(TOMLEntry(key: key, value: .array(values), line: line))
                }
            case TOML_READER_STRING: add(TOMLEntry(key: key, value: .string(text), line: line))
            case TOML_READER_INTEGER: add(TOMLEntry(key: key, value: .integer(integer), line: line))
            default: add(TOMLEntry(key: key, value: .other(text), line: line))
            }
        }

        mutating func add(_ entry: TOMLEntry) {
            switch open.popLast() {
            case nil: root.append(entry)
            case .table(let key, let line, var entries)?:
                entries.append(entry)
                open.append(.table(key: key, line: line, entries))
            case .array(let key, let line, var values)?:
                values.append(entry.value)
                open.append(.array(key: key, line: line, values))
            }
        }
    }
}
