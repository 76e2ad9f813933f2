import BulletinCore
import Glibc

/// Brings the index up to date with the files of a library: a file whose
/// size, mtime or inode differs from its row (or that has none) is parsed
/// again, on all cores, in batches each stored in one transaction; rows of
/// files gone from the folders walked are dropped. Nothing else is read.
public enum IndexRefresh {
    public struct Outcome: Sendable {
        /// Each file's row, in the order given; nil where it could not be read.
        public var rows: [IndexedBulletin?]
        public var parsed: Int
        public var removed: Int
        public var errors: [BulletinError]
    }

    static let batchSize = 128

    /// `files`: as `ArchiveWalker` found them under `roots` (the paths the
    /// user named). `progress(done, total)` follows each stored batch.
    /// `stored`: each batch's rows once written (a reader fills in its
    /// library as they come).
    /// `known` and `found`: the index's rows and the files' stamps when the
    /// caller has them already (read beside the walk: `Stamping`).
    public static func refresh(_ index: LibraryIndex, files: [String], roots: [String], encoding: TextEncoding? = nil,
                               known given: [String: IndexedBulletin]? = nil,
                               found givenStamps: [(absolute: String, stamp: FileStamp)?]? = nil,
                               progress: (Int, Int) -> Void = { _, _ in },
                               stored: ([IndexedBulletin]) -> Void = { _ in }) throws(SQLiteError) -> Outcome {
        var known = given ?? [:]
        if given == nil { known = try index.allBulletins() }
        let found = givenStamps ?? stamps(files)
        var stale = files.indices.filter { i in found[i].map { known[$0.absolute]?.stamp != $0.stamp } ?? true }
        // Newest first, as far as names tell: a reader shows them as they come.
        stale = BulletinDating.byNameNewestFirst(stale.map { files[$0] }).map { stale[$0] }
        var errors: [BulletinError] = []
        var done = 0
        let batches = stride(from: 0, to: stale.count, by: batchSize).map { Array(stale[$0..<min(stale.count, $0 + batchSize)]) }
        @Sendable func parse(_ batch: [Int]) -> [Result<LibraryIndex.Entry, BulletinError>] {
            Parallel.mapTakingTurns(count: batch.count) { k in
                let i = batch[k]
                guard let file = found[i] else { return .failure(FileReader.openError(path: files[i], errno: ENOENT)) }
                return Result { () throws(BulletinError) in
                    LibraryIndex.Entry(path: file.absolute, stamp: file.stamp, bulletin: try BulletinParser.parse(path: files[i], encoding: encoding))
                }
            }
        }
        var parsed = batches.first.map(parse) ?? []
        for (b, batch) in batches.enumerated() {
            var entries: [LibraryIndex.Entry] = []
            for result in parsed {
                switch result {
                case .success(let entry): entries.append(entry)
                case .failure(let error): errors.append(error)
                }
            }
            // The next batch is parsed while this one is written: SQLite's
            // writes take one core, and the other would wait for them.
            let (written, next) = Parallel.both({ () -> Result<Void, SQLiteError> in
                Result { () throws(SQLiteError) in
                    let rows = try index.store(entries)
                    for row in rows { known[row.path] = row }
                    stored(rows)
                }
            }, { b + 1 < batches.count ? parse(batches[b + 1]) : [] })
            try written.get()
            done += batch.count
            progress(done, stale.count)
            parsed = next
        }
        let present = Set(found.compactMap { $0?.absolute })
        let scopes = roots.compactMap { root in realPath(root).map { isDirectory($0) ? $0 + "/" : $0 } }
        let gone = known.keys.filter { path in !present.contains(path) && scopes.contains { path == $0 || path.hasPrefix($0) && $0.hasSuffix("/") } }
        try index.remove(paths: gone)
        for path in gone { known[path] = nil }
        if !stale.isEmpty || !gone.isEmpty { try index.setMeta("updated", String(time(nil))) }
        let rows = found.map { file in file.flatMap { known[$0.absolute] } }
        return Outcome(rows: rows, parsed: stale.count - errors.count, removed: gone.count, errors: errors)
    }

    /// Each file's absolute path and stamp (nil when it cannot be seen),
    /// stamped on both cores a chunk at a time (`Stamping`).
    public static func stamps(_ paths: [String]) -> [(absolute: String, stamp: FileStamp)?] {
        Stamping.walking({ .success(paths) }, alongside: {}).1.stamps
    }

    /// A file as seen: its resolved folder, its name (the tail of the path
    /// given) and its stamp.
    public typealias Seen = (folder: String, name: Substring, stamp: FileStamp)

    /// Each file as seen (nil when it cannot be), resolving each folder once
    /// (`realpath` stats every component) and statting files relative to
    /// their folder's descriptor (no path walk per file: ten thousand of
    /// them are stamped on every warm start, 2 µs each in the kernel here).
    public static func seen(_ paths: some Collection<String>) -> [Seen?] {
        inFolders(paths, open: openFolder, close: { close($0.fd) }) { folder, path, name in
            var info = stat()
            // The name is the path's tail: its C string, not a copy.
            let offset = path.utf8.distance(from: path.utf8.startIndex, to: name)
            guard path.withCString({ fstatat(folder.fd, $0 + offset, &info, 0) }) == 0 else { return nil }
            return (folder.resolved, path[name...], stamp(info))
        }
    }

    /// Each file's absolute path, resolving each folder once and statting
    /// nothing else (a hint's worth: whether the file is still there is not asked).
    public static func absolutePaths(_ paths: [String]) -> [String?] {
        inFolders(paths, open: realPath) { resolved, path, name in joined(resolved, path[name...]) }
    }

    /// `body` on each path's folder (opened once per folder, nil when it
    /// cannot be), the path and where its file name starts. A walk gives a
    /// folder's files one after another: the last folder is asked first.
    static func inFolders<Folder, T>(_ paths: some Collection<String>, open: (String) -> Folder?, close: (Folder) -> Void = { _ in },
                                     _ body: (Folder, String, String.Index) -> T?) -> [T?] {
        var folders: [Substring: Folder?] = [:]
        var last: (path: Substring, folder: Folder?)?
        defer { for case let folder? in folders.values { close(folder) } }
        return paths.map { given in
            let path = given.utf8.contains(UInt8(ascii: "/")) ? given : "./" + given
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))!
            let folderPath = path[..<slash]
            if last?.path != folderPath {
                if folders.index(forKey: folderPath) == nil {
                    folders.updateValue(open(folderPath.isEmpty ? "/" : String(folderPath)), forKey: folderPath)
                }
                last = (folderPath, folders[folderPath]!)
            }
            guard let folder = last?.folder else { return nil }
            return body(folder, path, path.utf8.index(after: slash))
        }
    }

    static func joined(_ folder: String, _ name: Substring) -> String { (folder == "/" ? "" : folder) + "/" + name }

    static func openFolder(_ path: String) -> (resolved: String, fd: Int32)? {
        guard let resolved = realPath(path) else { return nil }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return fd >= 0 ? (resolved, fd) : nil
    }

    static func stamp(_ info: stat) -> FileStamp {
        let mtime = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        return FileStamp(size: Int(info.st_size), mtime: mtime, inode: Int(info.st_ino))
    }

    /// `path` with every link and `..` resolved (nil when it is not there).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
