/// The encodings a bulletin may arrive in. `name` is what `toc --json` reports.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8-BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    public var name: String { rawValue }

    /// Text in which NUL bytes are normal (every ASCII character has one).
    public var isUTF16: Bool { self == .utf16LE || self == .utf16BE }

    /// Parses a `--encoding` argument; accepts common aliases.
    public init?(name: String) {
        let key = name.uppercased().filter { $0 != "-" && $0 != "_" }
        switch key {
        case "UTF8", "UTF8BOM": self = .utf8
        case "UTF16LE": self = .utf16LE
        case "UTF16BE": self = .utf16BE
        case "GB18030", "GBK", "GB2312", "CP936", "EUCCN": self = .gb18030
        default: return nil
        }
    }
}
