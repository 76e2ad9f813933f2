import CSQLite
import Glibc

/// Opening one of bulletin's databases: created with its schema when new,
/// in WAL mode; one that is damaged (not a database, truncated, failing
/// its check) or of another schema is moved aside as
/// `NAME.corrupt-YYYYMMDD-HHMMSS`, never deleted, and a fresh one made.
public struct StoreFile {
    public let path: String
    /// `CREATE` statements, run once on a new database.
    public let schema: String
    /// `PRAGMA user_version` of this schema; another number is set aside.
    public let version: Int
    /// A cache, rebuilt from elsewhere: another schema version is emptied
    /// and made anew instead of set aside (it is not damage, and holds
    /// nothing of the user's).
    public let rebuildable: Bool

    public init(path: String, schema: String, version: Int, rebuildable: Bool = false) {
        self.path = path
        self.schema = schema
        self.version = version
        self.rebuildable = rebuildable
    }

    /// The database, and the one-line notice to show when it was set aside.
    public struct Opened {
        public let database: SQLiteDatabase
        public let notice: String?
    }

    /// A database in memory, for when the file cannot be used: the same
    /// schema, kept only while the process runs.
    public static let inMemory = ":memory:"

    public func open() throws(SQLiteError) -> Opened {
        if path != Self.inMemory { try StoreFile.makeDirectory(parent(of: path)) }
        do {
            return Opened(database: try openChecked(), notice: nil)
        } catch where error.isDamage {
            let aside = try setAside()
            return Opened(database: try openChecked(), notice: "\(path) was damaged (\(error.message)); moved aside as \(aside)")
        }
    }

    func openChecked() throws(SQLiteError) -> SQLiteDatabase {
        if isTruncated() { throw SQLiteError(code: SQLITE_CORRUPT, message: "file shorter than its pages", path: path) }
        let db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA journal_mode=WAL")
        try db.execute("PRAGMA synchronous=NORMAL")
        try db.execute("PRAGMA foreign_keys=ON")
        guard let check = try db.integer("PRAGMA user_version") else { return db }
        if check == version { return db }
        let tables = try db.integer("SELECT count(*) FROM sqlite_master") ?? 0
        guard tables == 0 || rebuildable else {
            throw SQLiteError(code: SQLITE_CORRUPT, message: "schema \(check), not \(version)", path: path)
        }
        try db.transaction { () throws(SQLiteError) in
            if tables > 0 { try Self.dropEverything(db) }
            try db.execute(schema)
            try db.execute("PRAGMA user_version=\(version)")
        }
        return db
    }

    /// Every table of a cache of another schema (their indexes go with them).
    static func dropEverything(_ db: SQLiteDatabase) throws(SQLiteError) {
        let statement = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        for name in names { try db.execute("DROP TABLE IF EXISTS \"\(name.replacing("\"", with: "\"\""))\"") }
    }

    /// A file whose header counts more pages than it holds (cut short by a
    /// full disk or a copy): SQLite would only notice on reading them.
    func isTruncated() -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        guard read(fd, &header, 100) == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return false }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return false }
        func big(_ at: Int, _ count: Int) -> Int { header[at..<at + count].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = big(16, 2) == 1 ? 65536 : big(16, 2)
        // The page count is valid only when written by a version that keeps it.
        guard big(92, 4) == big(24, 4) else { return false }
        return Int(info.st_size) < pageSize * big(28, 4)
    }

    /// Renames the file (and its WAL and shared-memory files) aside.
    func setAside() throws(SQLiteError) -> String {
        let f = UTCTime.fields(time(nil))
        let stamp = f[0] + f[1] + f[2] + "-" + f[3] + f[4] + f[5]
        var aside = "\(path).corrupt-\(stamp)"
        var n = 1
        while access(aside, F_OK) == 0 { n += 1; aside = "\(path).corrupt-\(stamp)-\(n)" }
        guard rename(path, aside) == 0 else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot move the damaged file aside: \(String(cString: strerror(errno)))", path: path)
        }
        for suffix in ["-wal", "-shm"] where access(path + suffix, F_OK) == 0 { rename(path + suffix, aside + suffix) }
        return aside
    }

    /// `mkdir -p`, private to the user (the state is theirs alone).
    public static func makeDirectory(_ path: String) throws(SQLiteError) {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot create \(built): \(String(cString: strerror(errno)))", path: path)
            }
        }
    }

    func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
