/// Which Unicode scalars must never reach a screen or a pipe.
///
/// Used by the byte-level sanitiser and again after every later decoding step
/// (HTML entities), so no code path can produce one.
public enum ControlFilter {
    public static func isRemovable(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    public static func isRemovable(_ scalar: Unicode.Scalar) -> Bool { isRemovable(scalar.value) }

    /// What ends a line somewhere: LF, CR, LINE and PARAGRAPH SEPARATOR. A
    /// single-line field (headline, region, title, metadata value) holds
    /// none, or `/etc/passwd:1: ...` in a heading would print as a forged
    /// line of `toc` or `search` output.
    public static func isLineSeparator(_ value: UInt32) -> Bool {
        value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
    }

    /// Whether UTF-8 `bytes` hold U+2028 or U+2029 at `i` (E2 80 A8/A9).
    static func isSeparatorSequence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        bytes[i] == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
    }

    /// A link target as it may be shown: no control, bidi or line-separator
    /// character (none belongs in a URL, and one would break a line).
    public static func url(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        String(scalars: scalars.filter { !isRemovable($0) && !isLineSeparator($0.value) })
    }

    /// `text` with each line separator turned into a space.
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isLineSeparator($0.value) }) else { return text }
        return String(scalars: text.unicodeScalars.map { isLineSeparator($0.value) ? " " : $0 })
    }

    /// `text` with every control character (tab and newline too) spelled
    /// out as `\u{1B}`: for text from outside the bulletin, such as file
    /// names, that goes into a message on a terminal.
    public static func escaped(_ text: String) -> String {
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || isRemovable(scalar) }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
