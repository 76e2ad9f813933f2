import CByteScan

/// The names reading state is kept under, so it follows a bulletin across
/// renames, moves and edits. A bulletin is its folded title and date, or
/// its content fingerprint when it has neither (a title taken from the
/// file name is none: it changes with a rename). An article is its folded
/// headline with an occurrence number for repeated headlines.
public enum BulletinIdentity {
    /// `fingerprint` is asked for only when there is neither title nor date.
    public static func of(_ bulletin: Bulletin, dating: BulletinDating, fingerprint: () -> String) -> String {
        let titled = bulletin.title == BulletinParser.fileStem(bulletin.path) ? "" : FoldedText(bulletin.title).string
        if titled.isEmpty && dating.date == nil { return "fp:" + fingerprint() }
        return "t:" + titled + "|" + (dating.date?.iso ?? "")
    }

    /// Article keys by node index: `headline#occurrence`, folded.
    public static func articleKeys(_ outline: Outline) -> [Int: String] {
        articleKeys(outline.nodes.indices.lazy.filter { outline[$0].kind == .article }.map { ($0, FoldedText(outline[$0].headline).scalars[...]) })
    }

    /// The keys of articles given as their node index and folded headline, in document order.
    static func articleKeys(_ headlines: some Sequence<(Int, ArraySlice<UInt32>)>) -> [Int: String] {
        // Counted by scalars: hashing a Chinese string normalises it first, a
        // twentieth of indexing a library.
        var seen: [ArraySlice<UInt32>: Int] = [:]
        var keys: [Int: String] = [:]
        for (i, headline) in headlines {
            let occurrence = seen[headline, default: 0]
            seen[headline] = occurrence + 1
            keys[i] = FoldedText.string(headline) + "#" + String(occurrence)
        }
        return keys
    }

    /// Sixteen hex digits of the bytes' fingerprint.
    public static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let value = fingerprint64(bytes.baseAddress, bytes.count)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// An article as reading state knows it: its bulletin's identity and its key.
public struct ArticleID: Hashable, Sendable {
    public var bulletin: String
    public var article: String

    public init(bulletin: String, article: String) {
        self.bulletin = bulletin
        self.article = article
    }
}
