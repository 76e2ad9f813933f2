import CSQLite

/// An SQLite error with the database it came from.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public var code: Int32
    public var message: String
    public var path: String

    public var description: String { "\(path): \(message)" }

    /// The file is not a database, or its pages contradict each other:
    /// set it aside and start again.
    public var isDamage: Bool {
        let primary = code & 0xFF
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
    }
}

/// One connection to one database file; not shared between threads (each
/// thread that writes opens its own, and WAL lets them all read at once).
public final class SQLiteDatabase {
    let handle: OpaquePointer
    public let path: String

    /// `readOnly`: never creates or writes the file.
    public init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw SQLiteError(code: status, message: message, path: path)
        }
        handle = db
        self.path = path
        // Another reader writing: wait for it rather than fail.
        sqlite3_busy_timeout(db, 5000)
        sqlite3_extended_result_codes(db, 1)
    }

    private var closed = false

    deinit { close() }

    /// Ends the connection now, not when the last reference goes (a process
    /// that exits never gets there): the last connection to a file
    /// checkpoints its WAL and removes it, so the next open has no log to
    /// replay. Statements and queries after this throw (`SQLITE_MISUSE`).
    public func close() {
        guard !closed else { return }
        closed = true
        sqlite3_close_v2(handle)
    }

    /// The file opened read-only as it is (SQLite's `immutable`): no lock,
    /// no WAL, nothing made or changed, for a folder that cannot be
    /// written or a look that must leave no trace.
    public static func immutable(path: String) throws(SQLiteError) -> SQLiteDatabase {
        // A URI, so `?`, `#` and `%` in the path are escaped.
        var escaped = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return try SQLiteDatabase(path: "file:\(escaped)?immutable=1", readOnly: true)
    }

    func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), path: path)
    }

    /// Refuses a closed connection: its handle is gone.
    private func checkOpen() throws(SQLiteError) {
        if closed { throw SQLiteError(code: SQLITE_MISUSE, message: "the database is closed", path: path) }
    }

    /// Runs statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        try checkOpen()
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(status) }
    }

    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try checkOpen()
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status) }
        return SQLiteStatement(statement, database: self)
    }

    /// `body` in one write transaction, taken at once (`IMMEDIATE`), so two
    /// processes writing queue on the busy timeout instead of deadlocking.
    public func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public var lastInsertedRow: Int { Int(sqlite3_last_insert_rowid(handle)) }

    /// The first column of the first row of `sql`, as an integer.
    public func integer(_ sql: String) throws(SQLiteError) -> Int? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.integer(0) : nil
    }
}

/// A prepared statement: bind, step, read columns, reset.
public final class SQLiteStatement {
    let handle: OpaquePointer
    let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    public enum Value {
        case integer(Int)
        case text(String)
        case blob([UInt8])
        case null
    }

    /// Binds `values` to `?1`, `?2`, ... after a reset.
    @discardableResult
    public func bind(_ values: [Value]) -> SQLiteStatement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .integer(let n): sqlite3_bind_int64(handle, index, Int64(n))
            case .text(let s): sqlite3_bind_text(handle, index, s, -1, csqlite_transient())
            case .blob(let b) where b.isEmpty: sqlite3_bind_zeroblob(handle, index, 0)  // not NULL
            case .blob(let b): b.withUnsafeBytes { _ = sqlite3_bind_blob64(handle, index, $0.baseAddress, sqlite3_uint64($0.count), csqlite_transient()) }
            case .null: sqlite3_bind_null(handle, index)
            }
        }
        return self
    }

    /// Steps once: true with a row to read, false when done.
    public func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(handle)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        throw database.error(status)
    }

    /// Runs to the end (an insert, update or delete).
    public func run(_ values: [Value] = []) throws(SQLiteError) {
        bind(values)
        while try step() {}
    }

    public func integer(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    public func optionalInteger(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : integer(column)
    }

    public func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column's text as bytes, valid only inside `body` (a text's
    /// blob is its UTF-8, unconverted).
    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withBlob(column) { body($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// The column's bytes as a blob, valid only inside `body`.
    func withBlob<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let bytes = sqlite3_column_blob(handle, column)
        return body(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_column_bytes(handle, column))))
    }

    public func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : text(column)
    }
}

extension SQLiteStatement.Value {
    public init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    public init(_ number: Int?) { self = number.map { .integer($0) } ?? .null }
}
