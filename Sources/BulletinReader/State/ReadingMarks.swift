import BulletinCore

/// What the reader knows of the user's reading: articles read and starred,
/// by their identities (so they hold across files and library reloads).
/// Loaded from the reading state at start; every change goes back out as a
/// `ReaderEffect.saveReading`.
public struct ReadingMarks: Equatable, Sendable {
    public private(set) var read: Set<ArticleID>
    public var starred: Set<ArticleID>
    /// Read articles by bulletin identity: a folded bulletin (a stub, whose
    /// articles are not in memory) counts its unread with this.
    private var readByBulletin: [String: Int] = [:]

    public init(read: Set<ArticleID> = [], starred: Set<ArticleID> = []) {
        self.read = read
        self.starred = starred
        for id in read { readByBulletin[id.bulletin, default: 0] += 1 }
    }

    public mutating func setRead(_ id: ArticleID, _ isRead: Bool) {
        if isRead {
            if read.insert(id).inserted { readByBulletin[id.bulletin, default: 0] += 1 }
        } else if read.remove(id) != nil {
            readByBulletin[id.bulletin, default: 1] -= 1
        }
    }

    /// How many articles of the bulletin known as `identity` are marked read.
    public func readCount(bulletin identity: String) -> Int { readByBulletin[identity] ?? 0 }
}

/// One change of reading state to save.
public enum ReadingChange: Equatable, Sendable {
    case read(ArticleID, Bool)
    case starred(ArticleID, Bool)
    /// Where reading stopped in a bulletin: a node (an article key, or
    /// `#N` for node N of another kind) and a line in its layout.
    case position(bulletin: String, node: String, line: Int)
}
