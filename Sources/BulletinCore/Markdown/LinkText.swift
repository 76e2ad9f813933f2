/// Short names for URLs, where a link has no text of its own.
enum LinkText {
    /// `https://x.invalid/img/qrcode.jpg?s=1` → `qrcode.jpg`; the host when
    /// the path is empty; `image` when there is no URL at all.
    static func fileName(of url: String) -> String {
        let place = self.place(of: url)
        let last = place.split(separator: "/").last.map(String.init) ?? ""
        return last.isEmpty ? "image" : last
    }

    /// Host and path without scheme, query or fragment:
    /// `https://www.youtube.com/embed/abc?t=5` → `www.youtube.com/embed/abc`.
    static func place(of url: String) -> String {
        var rest = Substring(url)
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") { rest = rest[colon...].dropFirst(3) }
        else if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return rest.isEmpty ? url : String(rest)
    }
}
