/// The user's reading state (`$XDG_STATE_HOME/bulletin/state.sqlite`):
/// read marks and stars per article, the last position per bulletin, the
/// last bulletin read. Kept under identities (`BulletinIdentity`), not
/// paths, so it follows bulletins that are renamed, moved or edited.
/// Every write is its own transaction; a damaged file is set aside, and a
/// folder that cannot be written leaves the state readable, unsaved.
public final class ReadingState {
    let db: SQLiteDatabase
    /// False when changes cannot be saved (they are kept in memory).
    public let isSaving: Bool
    /// What to tell the user once: the file set aside, or not saving.
    public let notice: String?

    static let schema = """
        CREATE TABLE articles(
            bulletin TEXT NOT NULL, article TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL,
            PRIMARY KEY(bulletin, article)) WITHOUT ROWID;
        CREATE TABLE positions(bulletin TEXT PRIMARY KEY, node TEXT NOT NULL, line INTEGER NOT NULL, changed INTEGER NOT NULL);
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    static let version = 1

    public init(path: String) {
        do {
            let opened = try StoreFile(path: path, schema: Self.schema, version: Self.version).open()
            db = opened.database
            isSaving = true
            notice = opened.notice
        } catch {
            // Unsaved, but what is there is still shown: the file read as it
            // is, else an empty state in memory.
            db = (try? Self.readOnly(path)) ?? (try! StoreFile(path: StoreFile.inMemory, schema: Self.schema, version: Self.version).open().database)
            isSaving = false
            notice = "reading state will not be saved (\(error.message))"
        }
    }

    /// No state at all (`--no-state`): nothing read, nothing written.
    public static func none() -> ReadingState { ReadingState(memoryOnly: ()) }

    private init(memoryOnly: Void) {
        db = try! StoreFile(path: StoreFile.inMemory, schema: Self.schema, version: Self.version).open().database
        isSaving = false
        notice = nil
    }

    static func readOnly(_ path: String) throws(SQLiteError) -> SQLiteDatabase {
        let db = try SQLiteDatabase.immutable(path: path)
        guard try db.integer("PRAGMA user_version") == version else {
            throw SQLiteError(code: 11, message: "not a state file", path: path)
        }
        return db
    }

    public var path: String { db.path }

    /// Closes the file once the reader is done with it: its WAL checkpointed
    /// and removed, where a process that just exited would leave every
    /// change since the last checkpoint (up to 4 MB) for the next start to
    /// read back and verify.
    public func close() { db.close() }

    // MARK: - Articles

    public func setRead(_ read: Bool, bulletin: String, article: String) { update("read", read, bulletin, article) }
    public func setStarred(_ starred: Bool, bulletin: String, article: String) { update("starred", starred, bulletin, article) }

    private func update(_ column: String, _ value: Bool, _ bulletin: String, _ article: String) {
        write { () throws(SQLiteError) in
            try db.prepare("""
                INSERT INTO articles(bulletin, article, \(column), changed) VALUES (?1, ?2, ?3, strftime('%s'))
                ON CONFLICT(bulletin, article) DO UPDATE SET \(column) = ?3, changed = strftime('%s')
                """).run([.text(bulletin), .text(article), .integer(value ? 1 : 0)])
        }
    }

    /// Articles of `bulletin` marked read, by article key.
    public func readArticles(of bulletin: String) -> Set<String> {
        var keys = Set<String>()
        try? readRows("SELECT article FROM articles WHERE bulletin = ?1 AND read = 1", [.text(bulletin)]) { keys.insert($0.text(0)) }
        return keys
    }

    /// Every read mark, as article keys by bulletin identity.
    public func readMarks() -> [String: Set<String>] {
        var marks: [String: Set<String>] = [:]
        try? readRows("SELECT bulletin, article FROM articles WHERE read = 1", []) { marks[$0.text(0), default: []].insert($0.text(1)) }
        return marks
    }

    /// Every starred article, most recently starred first.
    public func starred() -> [(bulletin: String, article: String)] {
        var result: [(String, String)] = []
        try? readRows("SELECT bulletin, article FROM articles WHERE starred = 1 ORDER BY changed DESC, bulletin, article", []) {
            result.append(($0.text(0), $0.text(1)))
        }
        return result
    }

    // MARK: - Positions

    /// Where reading stopped in a bulletin: a node's key and a line offset in it.
    public struct Position: Equatable, Sendable {
        public var node: String
        public var line: Int

        public init(node: String, line: Int) {
            self.node = node
            self.line = line
        }
    }

    public func setPosition(_ position: Position, bulletin: String) {
        write { () throws(SQLiteError) in
            try db.prepare("INSERT OR REPLACE INTO positions(bulletin, node, line, changed) VALUES (?1, ?2, ?3, strftime('%s'))")
                .run([.text(bulletin), .text(position.node), .integer(position.line)])
            try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('last', ?1)").run([.text(bulletin)])
        }
    }

    public func position(of bulletin: String) -> Position? {
        var found: Position?
        try? readRows("SELECT node, line FROM positions WHERE bulletin = ?1", [.text(bulletin)]) {
            found = Position(node: $0.text(0), line: $0.integer(1))
        }
        return found
    }

    /// `lastBulletin` of the state file at `path`, read without opening it
    /// for writing (nothing is made, set aside or changed): a hint.
    public static func lastBulletin(atPath path: String) -> String? {
        guard let db = try? readOnly(path), let statement = try? db.prepare("SELECT value FROM meta WHERE key = 'last'"),
              (try? statement.step()) == true else { return nil }
        return statement.text(0)
    }

    /// The bulletin whose position was saved last.
    public var lastBulletin: String? {
        var found: String?
        try? readRows("SELECT value FROM meta WHERE key = 'last'", []) { found = $0.text(0) }
        return found
    }

    // MARK: -

    /// A write in its own transaction; dropped when not saving (the state
    /// in memory is what an unsaved session has) or when it fails.
    private func write(_ body: () throws(SQLiteError) -> Void) {
        guard isSaving || db.path == StoreFile.inMemory else { return }
        try? db.transaction(body)
    }

    private func readRows(_ sql: String, _ values: [SQLiteStatement.Value], _ row: (SQLiteStatement) -> Void) throws(SQLiteError) {
        let statement = try db.prepare(sql).bind(values)
        while try statement.step() { row(statement) }
    }
}
