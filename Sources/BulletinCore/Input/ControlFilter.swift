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
