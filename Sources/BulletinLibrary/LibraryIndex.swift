import BulletinCore
import Glibc

/// The persistent index of a library (`$XDG_CACHE_HOME/bulletin/index.sqlite`):
/// a row per bulletin file (stamp, fingerprint, identity, title, date,
/// number, counts, folded search text) and its outline rows, so a warm
/// start, `list` and `search` read no bulletin that has not changed.
/// Rebuildable: deleting it loses nothing but time.
public final class LibraryIndex {
    let db: SQLiteDatabase
    /// Set when a damaged index was moved aside on opening.
    public let notice: String?

    static let schema = """
        CREATE TABLE files(
            id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL, mtime INTEGER NOT NULL, inode INTEGER NOT NULL,
            fingerprint TEXT NOT NULL, identity TEXT NOT NULL, title TEXT NOT NULL,
            date TEXT, number INTEGER, sections INTEGER NOT NULL, articles INTEGER NOT NULL,
            warnings INTEGER NOT NULL, name TEXT NOT NULL, signature BLOB);
        CREATE INDEX files_identity ON files(identity);
        CREATE INDEX files_newest ON files(date DESC, number DESC, name, path);
        CREATE TABLE texts(file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, search TEXT NOT NULL);
        CREATE TABLE records(file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, record BLOB NOT NULL);
        CREATE TABLE nodes(
            file INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
            kind TEXT NOT NULL, level INTEGER NOT NULL, depth INTEGER NOT NULL,
            text TEXT NOT NULL, region TEXT, headline TEXT NOT NULL, line INTEGER NOT NULL,
            body_start INTEGER NOT NULL, body_end INTEGER NOT NULL, body_line INTEGER NOT NULL,
            parent INTEGER, toc_line INTEGER, article_key TEXT,
            PRIMARY KEY(file, ord)) WITHOUT ROWID;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    /// 2: the folded text in a table of its own, so reading the rows (`list`,
    /// a freshness check) does not read it. 3: the file name, and the rows
    /// in newest-first order (`newestPaths`), so the reader finds its first
    /// bulletin without reading every row. 4: each bulletin's search record
    /// (`SearchRecord`), so `search` gives hits without outlines; ids never
    /// reused (AUTOINCREMENT), so the rows of an id never change and two
    /// statements (or connections) that see different commits can only miss
    /// a row, never mistake one file's for another's. 5: each bulletin's
    /// `BigramSignature` in its row, so a search for a rare word rules out
    /// most bulletins while reading their stamps, without their folded text.
    static let version = 5

    public init(path: String) throws(SQLiteError) {
        let opened = try StoreFile(path: path, schema: Self.schema, version: Self.version, rebuildable: true).open()
        db = opened.database
        notice = opened.notice
    }

    public var path: String { db.path }

    /// The index at `path` opened only to read, as it is (nothing made, set
    /// aside or changed): for a hint taken before anything else.
    public init?(readingOnly path: String) {
        guard let db = try? SQLiteDatabase.immutable(path: path), (try? db.integer("PRAGMA user_version")) == Self.version else { return nil }
        self.db = db
        notice = nil
    }

    // MARK: - Reading

    static let fileColumns = "id, path, size, mtime, inode, fingerprint, identity, title, date, number, sections, articles, warnings"

    static func bulletin(_ row: SQLiteStatement) -> IndexedBulletin {
        IndexedBulletin(id: row.integer(0), path: row.text(1),
                        stamp: FileStamp(size: row.integer(2), mtime: row.integer(3), inode: row.integer(4)),
                        fingerprint: row.text(5), identity: row.text(6), title: row.text(7),
                        dating: BulletinDating(date: row.optionalText(8).flatMap(IssueDate.init(iso:)), number: row.optionalInteger(9)),
                        sections: row.integer(10), articles: row.integer(11), warnings: row.integer(12))
    }

    /// Every indexed bulletin, by absolute path.
    public func allBulletins() throws(SQLiteError) -> [String: IndexedBulletin] {
        let statement = try db.prepare("SELECT \(Self.fileColumns) FROM files")
        // Sized at once: growing a table of 100,000 paths rehashes them all, several times.
        var result = [String: IndexedBulletin](minimumCapacity: try db.integer("SELECT count(*) FROM files") ?? 0)
        while try statement.step() {
            let row = Self.bulletin(statement)
            result[row.path] = row
        }
        return result
    }

    /// Each row's id, stamp and path (what a freshness check needs, without
    /// the rest of the row), and the ids of the rows that may hold every
    /// keyword of `query` (`candidates(for:)` may say fewer): their
    /// signatures tested on the way, or their texts searched when a keyword
    /// is too short for a signature to tell.
    public func stampsAndCandidates(for query: SearchQuery) throws(SQLiteError) -> (StampTable, Set<Int>) {
        let statement = try db.prepare("SELECT id, path, size, mtime, inode, signature FROM files")
        var table = StampTable(capacity: try db.integer("SELECT count(*) FROM files") ?? 0)
        let probes = BigramSignature.probes(query)
        var candidates = Set<Int>()
        while try statement.step() {
            let id = statement.integer(0)
            let stamp = FileStamp(size: statement.integer(2), mtime: statement.integer(3), inode: statement.integer(4))
            statement.withBytes(1) { table.append(id: id, path: $0, stamp: stamp) }
            if let probes, statement.withBlob(5, { BigramSignature.mayHold($0, probes) }) { candidates.insert(id) }
        }
        return (table, probes == nil ? try self.candidates(for: query) : candidates)
    }

    /// Prepared once: a search reads thousands of outlines.
    private lazy var outlineStatement = Result { () throws(SQLiteError) in
        try db.prepare("""
            SELECT kind, level, depth, text, region, headline, line, body_start, body_end, body_line, parent, toc_line
            FROM nodes WHERE file = ?1 ORDER BY ord
            """)
    }

    /// The outline of indexed bulletin `id`, as parsing its file gave it.
    public func outline(of id: Int) throws(SQLiteError) -> Outline {
        let statement = try outlineStatement.get().bind([.integer(id)])
        var nodes: [OutlineNode] = []
        while try statement.step() {
            nodes.append(OutlineNode(kind: OutlineNode.Kind(rawValue: statement.text(0)) ?? .heading,
                                     level: statement.integer(1), depth: statement.integer(2), text: statement.text(3),
                                     region: statement.optionalText(4), headline: statement.text(5), line: statement.integer(6),
                                     bodyStart: statement.integer(7), bodyEnd: statement.integer(8), bodyLine: statement.integer(9),
                                     parent: statement.optionalInteger(10), tocLine: statement.optionalInteger(11)))
        }
        return Outline(nodes)
    }

    /// The article keys of indexed bulletin `id`, in document order.
    public func articleKeys(of id: Int) throws(SQLiteError) -> [String] {
        let statement = try db.prepare("SELECT article_key FROM nodes WHERE file = ?1 AND article_key IS NOT NULL ORDER BY ord")
            .bind([.integer(id)])
        var keys: [String] = []
        while try statement.step() { keys.append(statement.text(0)) }
        return keys
    }

    /// Unread articles of each row: its articles less those `marks` (read
    /// article keys by identity) hold; only bulletins with marks are looked up.
    public func unreadCounts(_ rows: [IndexedBulletin], marks: [String: Set<String>]) throws(SQLiteError) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in rows {
            guard let read = marks[row.identity], !read.isEmpty else { counts[row.id] = row.articles; continue }
            counts[row.id] = try articleKeys(of: row.id).count { !read.contains($0) }
        }
        return counts
    }

    /// Paths of the rows under `roots` (absolute: folders, or files),
    /// newest first as `BulletinDating.isNewer` orders them (date, then
    /// issue number, both highest first and missing last, then file name),
    /// read from the index on that order: the first `limit` only.
    public func newestPaths(under roots: [String], limit: Int) throws(SQLiteError) -> [String] {
        guard !roots.isEmpty else { return [] }
        let (scope, values) = Self.scope(roots)
        let statement = try db.prepare("""
            SELECT path FROM files INDEXED BY files_newest WHERE \(scope) ORDER BY date DESC, number DESC, name, path LIMIT \(limit)
            """).bind(values)
        var paths: [String] = []
        while try statement.step() { paths.append(statement.text(0)) }
        return paths
    }

    /// Whether the rows under `roots` are of two files or more and over
    /// `bytes` together (read until they are: a few rows, not all).
    public func holdsLibrary(under roots: [String], over bytes: Int) throws(SQLiteError) -> Bool {
        guard !roots.isEmpty else { return false }
        let (scope, values) = Self.scope(roots)
        let statement = try db.prepare("SELECT size FROM files WHERE \(scope)").bind(values)
        var files = 0, total = 0
        while try statement.step() {
            files += 1
            total += statement.integer(0)
            if files > 1 && total > bytes { return true }
        }
        return false
    }

    /// The rows under `roots`: a folder's are the paths between "DIR/" and
    /// "DIR0" ("0" follows "/"), a file's its own.
    static func scope(_ roots: [String]) -> (String, [SQLiteStatement.Value]) {
        let scope = roots.indices.map { "(path = ?\(3 * $0 + 1) OR (path >= ?\(3 * $0 + 2) AND path < ?\(3 * $0 + 3)))" }.joined(separator: " OR ")
        return (scope, roots.flatMap { root in [.text(root), .text(root + "/"), .text(root + "0")] })
    }

    /// Paths of the rows of the bulletin known as `identity`.
    public func paths(identity: String) throws(SQLiteError) -> [String] {
        let statement = try db.prepare("SELECT path FROM files WHERE identity = ?1 ORDER BY path").bind([.text(identity)])
        var paths: [String] = []
        while try statement.step() { paths.append(statement.text(0)) }
        return paths
    }

    /// Ids of the bulletins whose folded fields hold every keyword: the
    /// only ones a search must look at (`HeadlineIndex.foldedText`). Each
    /// row's bytes are searched here: SQLite's `instr` took three times as long.
    public func candidates(for query: SearchQuery) throws(SQLiteError) -> Set<Int> {
        let needles = query.needles
        var ids = Set<Int>()
        try eachSearchText { id, text in
            if needles.allSatisfy({ ByteSearch.first($0, in: text) != nil }) { ids.insert(id) }
        }
        return ids
    }

    /// Calls `body` with the folded text and search record of each row of
    /// `ids` (sorted; rows without both are left out), in id order, valid
    /// only during the call. Many rows are read in one pass over both
    /// tables' span of those ids; a few are looked up.
    public func eachSearchRow(_ ids: [Int], _ body: (Int, UnsafeBufferPointer<UInt8>, UnsafeRawBufferPointer) -> Void) throws(SQLiteError) {
        guard let low = ids.first, let high = ids.last else { return }
        if ids.count * 16 < high - low {
            let statement = try db.prepare("SELECT t.search, r.record FROM texts t, records r WHERE t.file = ?1 AND r.file = ?1")
            for id in ids {
                statement.bind([.integer(id)])
                if try statement.step() { statement.withBytes(0) { text in statement.withBlob(1) { body(id, text, $0) } } }
            }
            return
        }
        let texts = try db.prepare("SELECT file, search FROM texts WHERE file BETWEEN ?1 AND ?2 ORDER BY file").bind([.integer(low), .integer(high)])
        let records = try db.prepare("SELECT file, record FROM records WHERE file BETWEEN ?1 AND ?2 ORDER BY file").bind([.integer(low), .integer(high)])
        var next = 0, hasRecord = try records.step()
        while next < ids.count, hasRecord, try texts.step() {
            let id = texts.integer(0)
            while next < ids.count && ids[next] < id { next += 1 }
            while hasRecord && records.integer(0) < id { hasRecord = try records.step() }
            guard next < ids.count, ids[next] == id, hasRecord, records.integer(0) == id else { continue }
            texts.withBytes(1) { text in records.withBlob(1) { body(id, text, $0) } }
        }
    }

    /// Another connection to this index, only to read: both cores read the
    /// rows a search needs at once (WAL lets them). Nil for an index in memory.
    public func anotherReader() -> LibraryIndex? {
        guard path != StoreFile.inMemory, let db = try? SQLiteDatabase(path: path, readOnly: true) else { return nil }
        return LibraryIndex(db: db)
    }

    private init(db: SQLiteDatabase) {
        self.db = db
        notice = nil
    }

    /// Bytes of folded search text in all (what `FoldedTexts` would hold).
    func searchTextBytes() throws(SQLiteError) -> Int {
        try db.integer("SELECT coalesce(sum(length(CAST(search AS BLOB))), 0) FROM texts") ?? 0
    }

    /// Each row's id and folded search text, as UTF-8 bytes.
    func eachSearchText(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) throws(SQLiteError) {
        let statement = try db.prepare("SELECT file, search FROM texts")
        while try statement.step() { statement.withBytes(1) { body(statement.integer(0), $0) } }
    }

    public func meta(_ key: String) throws(SQLiteError) -> String? {
        let statement = try db.prepare("SELECT value FROM meta WHERE key = ?1").bind([.text(key)])
        return try statement.step() ? statement.text(0) : nil
    }

    // MARK: - Writing

    /// One parsed file, ready to store: what its rows hold is worked out
    /// here, on the thread that parsed it, since the writes are serial.
    public struct Entry: Sendable {
        public let path: String
        public let stamp: FileStamp
        public let bulletin: Bulletin
        let fingerprint: String
        let identity: String
        let dating: BulletinDating
        let sections: Int
        let articles: Int
        let searchText: String
        /// Empty when the bulletin is too big for one (it is searched by reading it).
        let searchRecord: [UInt8]
        let signature: [UInt8]
        let articleKeys: [Int: String]

        public init(path: String, stamp: FileStamp, bulletin: Bulletin) {
            self.path = path
            self.stamp = stamp
            self.bulletin = bulletin
            let fingerprint = BulletinIdentity.fingerprint(bulletin.source.bytes)
            self.fingerprint = fingerprint
            dating = BulletinDating(bulletin)
            identity = BulletinIdentity.of(bulletin, dating: dating) { fingerprint }
            sections = bulletin.outline.nodes.count { $0.kind == .section }
            articles = bulletin.outline.nodes.count { $0.kind == .article }
            let headlines = HeadlineIndex(bulletin)
            searchText = headlines.foldedText
            searchRecord = SearchRecord(headlines)?.bytes ?? []
            signature = BigramSignature.bytes(headlines)
            articleKeys = headlines.articleKeys
        }

        func row(id: Int) -> IndexedBulletin {
            IndexedBulletin(id: id, path: path, stamp: stamp, fingerprint: fingerprint, identity: identity, title: bulletin.title,
                            dating: dating, sections: sections, articles: articles, warnings: bulletin.warnings.count)
        }
    }

    /// Replaces the rows of `entries`' files, in one transaction; returns their new rows.
    @discardableResult
    public func store(_ entries: [Entry]) throws(SQLiteError) -> [IndexedBulletin] {
        try db.transaction { () throws(SQLiteError) in
            let delete = try db.prepare("DELETE FROM files WHERE path = ?1")
            let insertFile = try db.prepare("""
                INSERT INTO files(path, size, mtime, inode, fingerprint, identity, title, date, number, sections, articles, warnings, name,
                                  signature)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                """)
            let insertText = try db.prepare("INSERT INTO texts(file, search) VALUES (?1, ?2)")
            let insertRecord = try db.prepare("INSERT INTO records(file, record) VALUES (?1, ?2)")
            let insertNode = try db.prepare("""
                INSERT INTO nodes(file, ord, kind, level, depth, text, region, headline, line, body_start, body_end, body_line,
                                  parent, toc_line, article_key)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                """)
            var rows: [IndexedBulletin] = []
            for entry in entries {
                try delete.run([.text(entry.path)])
                try insertFile.run([
                    .text(entry.path), .integer(entry.stamp.size), .integer(entry.stamp.mtime), .integer(entry.stamp.inode),
                    .text(entry.fingerprint), .text(entry.identity), .text(entry.bulletin.title), .init(entry.dating.date?.iso),
                    .init(entry.dating.number), .integer(entry.sections), .integer(entry.articles), .integer(entry.bulletin.warnings.count),
                    .text(String(BulletinParser.fileName(entry.path))), .blob(entry.signature),
                ])
                let id = db.lastInsertedRow
                try insertText.run([.integer(id), .text(entry.searchText)])
                try insertRecord.run([.integer(id), .blob(entry.searchRecord)])
                for (i, node) in entry.bulletin.outline.nodes.enumerated() {
                    try insertNode.run([
                        .integer(id), .integer(i), .text(node.kind.rawValue), .integer(node.level), .integer(node.depth),
                        .text(node.text), .init(node.region), .text(node.headline), .integer(node.line),
                        .integer(node.bodyStart), .integer(node.bodyEnd), .integer(node.bodyLine),
                        .init(node.parent), .init(node.tocLine), .init(entry.articleKeys[i]),
                    ])
                }
                rows.append(entry.row(id: id))
            }
            return rows
        }
    }

    /// Drops the rows of files no longer there.
    public func remove(paths: [String]) throws(SQLiteError) {
        guard !paths.isEmpty else { return }
        try db.transaction { () throws(SQLiteError) in
            let delete = try db.prepare("DELETE FROM files WHERE path = ?1")
            for path in paths { try delete.run([.text(path)]) }
        }
    }

    public func setMeta(_ key: String, _ value: String) throws(SQLiteError) {
        try db.transaction { () throws(SQLiteError) in
            try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)").run([.text(key), .text(value)])
        }
    }
}
