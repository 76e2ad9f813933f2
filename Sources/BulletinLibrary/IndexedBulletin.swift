import BulletinCore

/// One bulletin file as the library index holds it.
public struct IndexedBulletin: Equatable, Sendable {
    public var id: Int
    /// Absolute path, as found when indexed.
    public var path: String
    public var stamp: FileStamp
    public var fingerprint: String
    /// What reading state is kept under (`BulletinIdentity`).
    public var identity: String
    public var title: String
    public var dating: BulletinDating
    public var sections: Int
    public var articles: Int
    public var warnings: Int

    /// Newest first (`BulletinDating.isNewer`).
    public static func newestFirst(_ a: IndexedBulletin, _ b: IndexedBulletin) -> Bool {
        BulletinDating.isNewer(a.dating, a.path, than: b.dating, b.path)
    }
}

/// What says a file changed since it was indexed, without reading it.
public struct FileStamp: Equatable, Sendable {
    public var size: Int
    /// Modification time in nanoseconds.
    public var mtime: Int
    public var inode: Int

    public init(size: Int, mtime: Int, inode: Int) {
        self.size = size
        self.mtime = mtime
        self.inode = inode
    }
}
