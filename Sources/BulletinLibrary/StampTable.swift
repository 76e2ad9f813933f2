import Glibc

/// Every row's id, stamp and absolute path, found by inode: what a search
/// asks of each of thousands of files (is its row fresh?) without making a
/// string per row or per file. The paths lie end to end in one buffer.
public struct StampTable: Sendable {
    var ids: [Int] = []
    var stamps: [FileStamp] = []
    /// Where row k's path ends in `paths` (it starts where row k - 1's ends).
    var pathEnds: [Int] = []
    var paths: [UInt8] = []
    /// The first row with an inode, and each row's next with the same one
    /// (-1: none): a file replaced by another can leave two rows sharing one.
    var firstWithInode: [Int: Int] = [:]
    var nextWithInode: [Int] = []

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
        stamps.reserveCapacity(capacity)
        pathEnds.reserveCapacity(capacity)
        nextWithInode.reserveCapacity(capacity)
        firstWithInode.reserveCapacity(capacity)
    }

    mutating func append(id: Int, path: UnsafeBufferPointer<UInt8>, stamp: FileStamp) {
        let row = ids.count
        ids.append(id)
        stamps.append(stamp)
        paths.append(contentsOf: path)
        pathEnds.append(paths.count)
        nextWithInode.append(firstWithInode.updateValue(row, forKey: stamp.inode) ?? -1)
    }

    /// The id of the row of the file `name` in the resolved folder `folder`
    /// when the row's stamp is `stamp`, else nil (no row, or a stale one).
    public func id(folder: String, name: Substring, stamp: FileStamp) -> Int? {
        var row = firstWithInode[stamp.inode] ?? -1
        while row >= 0 {
            if stamps[row] == stamp, pathIs(row, folder, name) { return ids[row] }
            row = nextWithInode[row]
        }
        return nil
    }

    /// Whether row `row`'s path is `folder` + "/" + `name` (as `IndexRefresh` joins them).
    func pathIs(_ row: Int, _ folder: String, _ name: Substring) -> Bool {
        let start = row == 0 ? 0 : pathEnds[row - 1]
        var folder = folder == "/" ? "" : folder, name = name
        let folderCount = folder.utf8.count, nameCount = name.utf8.count
        guard pathEnds[row] - start == folderCount + 1 + nameCount, paths[start + folderCount] == UInt8(ascii: "/") else { return false }
        func bytes(at offset: Int, are other: UnsafeBufferPointer<UInt8>) -> Bool {
            other.isEmpty || paths.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, other.baseAddress!, other.count) == 0 }
        }
        return folder.withUTF8 { bytes(at: start, are: $0) } && name.withUTF8 { bytes(at: start + folderCount + 1, are: $0) }
    }
}
