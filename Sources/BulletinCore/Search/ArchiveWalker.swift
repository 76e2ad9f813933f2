import Glibc

/// Expands command-line paths into bulletin files: files as given,
/// directories walked recursively (sorted) for `*.md`, `*.markdown`,
/// `*.txt`, following symlinks but never entering a directory twice.
public enum ArchiveWalker {
    public static let extensions = [".md", ".markdown", ".txt"]

    public static func files(for paths: [String]) throws(BulletinError) -> [String] {
        var result: [String] = []
        var visited = Set<DirectoryID>()
        for path in paths {
            if path == "-" { result.append(path); continue }
            var info = stat()
            guard stat(path, &info) == 0 else { throw FileReader.openError(path: path, errno: errno) }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let before = result.count
                walk(path, info: info, visited: &visited, into: &result)
                if result.count == before { throw .emptyDirectory(path: path) }
            } else {
                result.append(path)
            }
        }
        return result
    }

    struct DirectoryID: Hashable {
        let device: UInt
        let inode: UInt
    }

    /// Compared as bytes, ASCII case ignored: every name of a walk of
    /// 10,000 files is asked, on the way to a library's first screen.
    public static func isBulletinName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.first != UInt8(ascii: ".") else { return false }
        return extensions.contains { ext in
            bytes.count >= ext.utf8.count && zip(bytes.suffix(ext.utf8.count), ext.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
    }

    private static func walk(_ directory: String, info: stat, visited: inout Set<DirectoryID>, into result: inout [String]) {
        guard visited.insert(DirectoryID(device: UInt(info.st_dev), inode: UInt(info.st_ino))).inserted,
              let handle = opendir(directory) else { return }
        // Sorted by name's bytes (`PackedNames`): a walk of 10,000 files is
        // on the way to a library's first screen.
        var names = PackedNames(), types: [UInt8] = []
        while let entry = readdir(handle) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.prefix { $0 != 0 }
                guard name.first != UInt8(ascii: ".") else { return }
                names.append(name)
                types.append(entry.pointee.d_type)
            }
        }
        closedir(handle)
        let order = names.sorted { _, _, c in c < 0 }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for k in order {
            let name = names.name(k), type = types[k]
            let path = prefix + name
            // readdir's type spares a stat per file; symlinks and unknown types need one.
            if Int(type) == Int(DT_REG) {
                if isBulletinName(name) { result.append(path) }
                continue
            }
            var child = stat()
            guard Int(type) == Int(DT_DIR) || Int(type) == Int(DT_LNK) || Int(type) == Int(DT_UNKNOWN),
                  stat(path, &child) == 0 else { continue }
            if (child.st_mode & S_IFMT) == S_IFDIR {
                walk(path, info: child, visited: &visited, into: &result)
            } else if (child.st_mode & S_IFMT) == S_IFREG, isBulletinName(name) {
                result.append(path)
            }
        }
    }
}
