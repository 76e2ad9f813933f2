/// Numeric character references and the named entities that occur in
/// newsletters. Decoded text goes through `ControlFilter` afterwards, so
/// `&#27;` can never become a live ESC.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "bull": "•", "laquo": "«", "raquo": "»",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "sect": "§", "para": "¶", "cent": "¢", "pound": "£", "yen": "¥", "euro": "€", "permil": "‰",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "hearts": "♥", "star": "☆", "check": "✓",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "micro": "µ",
    ]

    /// Decodes the reference starting at `&` at `index`: the scalars and the
    /// length consumed, or nil if it is not a reference.
    static func decode(_ input: [Unicode.Scalar], at index: Int) -> ([Unicode.Scalar], Int)? {
        var end = index + 1
        while end < input.count && end - index <= 32 && input[end] != ";" {
            let c = input[end]
            guard c.isASCII, c.properties.isAlphabetic || c.properties.numericType != nil || c == "#" else { return nil }
            end += 1
        }
        guard end < input.count, input[end] == ";", end > index + 1 else { return nil }
        let name = String(scalars: input[(index + 1)..<end])
        let length = end - index + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return ([scalar ?? "\u{FFFD}"], length)
        }
        guard let text = named[name] else { return nil }
        return (Array(text.unicodeScalars), length)
    }

    /// Decodes every reference in `text`, dropping control characters.
    static func decodeAll(_ text: String) -> String {
        let input = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var i = 0
        while i < input.count {
            if input[i] == "&", let (decoded, length) = decode(input, at: i) {
                output.append(contentsOf: decoded.filter { !ControlFilter.isRemovable($0) })
                i += length
            } else {
                if !ControlFilter.isRemovable(input[i]) { output.append(input[i]) }
                i += 1
            }
        }
        return String(output)
    }
}
