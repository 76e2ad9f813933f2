/// A file's link reference definitions (`[label]: url "title"`), found
/// wherever they are in the file, for `[text][label]`, `[text][]` and
/// `[label]`. Labels match as CommonMark says: case-insensitively, with
/// runs of whitespace as one space, trimmed. The first definition of a
/// label wins.
public struct LinkReferences: Sendable, Equatable {
    private var urls: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { urls.isEmpty }
    public var count: Int { urls.count }

    public func url(for label: some Sequence<Unicode.Scalar>) -> String? {
        urls.isEmpty ? nil : Self.normalize(label).flatMap { urls[$0] }
    }

    mutating func define(label: String, url: String) {
        guard let key = Self.normalize(label.unicodeScalars), urls[key] == nil else { return }
        urls[key] = url
    }

    /// CommonMark's label matching; nil for a label that cannot be one
    /// (blank, longer than 999 characters).
    static func normalize(_ label: some Sequence<Unicode.Scalar>) -> String? {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var count = 0
        for c in label {
            count += 1
            if count > 999 { return nil }
            if c.properties.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(c)
        }
        guard !out.isEmpty else { return nil }
        // Unicode case folding, as far as Swift offers it without
        // Foundation: lower, upper, lower folds ẞ/ß/ss and the sigmas together.
        return String(out).lowercased().uppercased().lowercased()
    }

    /// `[label]: destination` with an optional title on the same line, up
    /// to three spaces in: the label and the URL (control characters out).
    static func definition(_ line: Substring) -> (label: String, url: String)? {
        var rest = line
        var indent = 0
        while rest.first == " ", indent < 4 { rest.removeFirst(); indent += 1 }
        guard indent < 4, rest.first == "[" else { return nil }
        rest.removeFirst()
        var label = ""
        while let c = rest.first, c != "]" {
            if c == "[" { return nil }
            if c == "\\", let next = rest.dropFirst().first { label.append(c); label.append(next); rest.removeFirst(2); continue }
            label.append(c)
            rest.removeFirst()
        }
        guard rest.hasPrefix("]:") else { return nil }
        rest.removeFirst(2)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        var url: Substring
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            url = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
        } else {
            url = rest.prefix { $0 != " " && $0 != "\t" }
            guard !url.isEmpty else { return nil }
            rest = rest[url.endIndex...]
        }
        let title = rest.drop { $0 == " " || $0 == "\t" }
        if !title.isEmpty {
            guard title.count >= 2, let open = title.first, let close = title.last,
                  (open == "\"" && close == "\"") || (open == "'" && close == "'") || (open == "(" && close == ")"),
                  title.count < rest.count else { return nil }
        }
        guard normalize(label.unicodeScalars) != nil else { return nil }
        return (label, ControlFilter.url(url.unicodeScalars))
    }
}
