/// The name and attributes of one HTML tag (text between `<` and `>`).
struct HTMLTag {
    let name: String
    /// `</name>`.
    let isClosing: Bool
    private let body: Substring

    init?(_ inside: String) {
        var rest = Substring(inside)
        if rest.hasPrefix("!--") || rest.hasPrefix("!") || rest.hasPrefix("?") {
            name = "!"
            isClosing = false
            body = ""
            return
        }
        isClosing = rest.hasPrefix("/")
        if isClosing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard let first = name.first, first.isLetter else { return nil }
        let after = rest[name.endIndex...]
        guard after.isEmpty || after.first == " " || after.first == "/" || after.first == "\t" || after.first == "\n" else { return nil }
        self.name = name.lowercased()
        body = after
    }

    /// The value of `attribute="value"` (or single-quoted, or bare).
    func attribute(_ attribute: String) -> String? {
        let lower = Array(body.lowercased().unicodeScalars)
        let needle = Array((attribute + "=").unicodeScalars)
        guard let found = lower.indices.first(where: { HTMLText.matches(lower, at: $0, needle) }) else { return nil }
        let rest = Substring(body.unicodeScalars.dropFirst(found + needle.count))
        if let quote = rest.first, quote == "\"" || quote == "'" {
            let value = rest.dropFirst().prefix { $0 != quote }
            return HTMLEntities.decodeAll(String(value))
        }
        return HTMLEntities.decodeAll(String(rest.prefix { $0 != " " && $0 != ">" && $0 != "/" }))
    }
}
