import BulletinCore

/// What the reader knows of the user's reading: articles read and starred,
/// by their identities (so they hold across files and library reloads).
/// Loaded from the reading state at start; every change goes back out as a
/// `ReaderEffect.saveReading`.
public struct ReadingMarks: Equatable, Sendable {
    public var read: Set<ArticleID>
    public var starred: Set<ArticleID>

    public init(read: Set<ArticleID> = [], starred: Set<ArticleID> = []) {
        self.read = read
        self.starred = starred
    }
}

/// One change of reading state to save.
public enum ReadingChange: Equatable, Sendable {
    case read(ArticleID, Bool)
    case starred(ArticleID, Bool)
    /// Where reading stopped in a bulletin: a node (an article key, or
    /// `#N` for node N of another kind) and a line in its layout.
    case position(bulletin: String, node: String, line: Int)
}
