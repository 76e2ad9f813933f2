import BulletinCore

/// What following a link does, decided without touching the world: the
/// opening policy. Only web and mail links reach a program.
public enum LinkTarget: Equatable, Sendable {
    case url(String)
    /// A heading of the same bulletin (`#anchor`, GitHub's slugs).
    case fragment(String)
    /// A bulletin file beside this one (a relative `.md`, `.markdown` or `.txt` link).
    case file(String)
    case refused(String)

    static let schemes: Set<String> = ["http", "https", "mailto", "ftp"]
    static let bulletinExtensions = [".md", ".markdown", ".txt"]

    public static func classify(_ url: String, from bulletinPath: String) -> LinkTarget {
        if url.hasPrefix("#") { return .fragment(percentDecoded(String(url.dropFirst()))) }
        if let colon = url.firstIndex(of: ":"), url[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
           url[..<colon].first?.isLetter == true {
            let scheme = url[..<colon].lowercased()
            return schemes.contains(scheme) ? .url(url) : .refused("\(scheme): links are not opened (only http, https, mailto and ftp)")
        }
        if url.hasPrefix("//") { return .refused("links without a scheme are not opened") }
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<end] }
        let decoded = percentDecoded(String(path))
        guard bulletinExtensions.contains(where: { decoded.lowercased().hasSuffix($0) }) else {
            return .refused("\(decoded.isEmpty ? url : decoded) is not a bulletin file or a web link")
        }
        if decoded.hasPrefix("/") { return .file(decoded) }
        let directory = bulletinPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return .file(directory.isEmpty ? decoded : directory + "/" + decoded)
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return ControlFilter.singleLine(String(decoding: bytes, as: UTF8.self))
    }
}

/// How running the browser went, for the status line.
public enum ProgramOutcome: Equatable, Sendable {
    case finished(program: String)
    case couldNotStart(program: String, reason: String)
    case failed(program: String, status: Int32)
}
