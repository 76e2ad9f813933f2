import BulletinCore
@testable import BulletinLibrary
import Glibc
import Synchronization
import Testing

/// The freshness check of a warm `search` and `list`: files stamped on two
/// cores (`Stamping`) and matched to rows by inode (`StampTable`).
@Suite struct StampingTests {
    static func table(_ rows: [(id: Int, path: String, stamp: FileStamp)]) -> StampTable {
        var table = StampTable(capacity: rows.count)
        for row in rows {
            var path = row.path
            path.withUTF8 { table.append(id: row.id, path: $0, stamp: row.stamp) }
        }
        return table
    }

    @Test func rowsAreFoundByInodeStampAndPath() {
        let stamp = FileStamp(size: 10, mtime: 5, inode: 77)
        // Two rows with one inode (a file deleted and another made in its place), and a row at the root.
        let table = Self.table([(1, "/lib/a.md", stamp), (2, "/lib/sub/b.md", FileStamp(size: 3, mtime: 5, inode: 77)),
                                (3, "/c.md", FileStamp(size: 1, mtime: 1, inode: 9))])
        #expect(table.id(folder: "/lib", name: "a.md", stamp: stamp) == 1)
        #expect(table.id(folder: "/lib/sub", name: "b.md", stamp: FileStamp(size: 3, mtime: 5, inode: 77)) == 2)
        #expect(table.id(folder: "/", name: "c.md", stamp: FileStamp(size: 1, mtime: 1, inode: 9)) == 3)
        // A stamp that differs in anything, or the same stamp at another path: no row (read the file).
        #expect(table.id(folder: "/lib", name: "a.md", stamp: FileStamp(size: 11, mtime: 5, inode: 77)) == nil)
        #expect(table.id(folder: "/lib", name: "a.md", stamp: FileStamp(size: 10, mtime: 6, inode: 77)) == nil)
        #expect(table.id(folder: "/lib", name: "a.md", stamp: FileStamp(size: 10, mtime: 5, inode: 78)) == nil)
        #expect(table.id(folder: "/lib", name: "b.md", stamp: stamp) == nil)
        #expect(table.id(folder: "/li", name: "b/a.md", stamp: stamp) == nil)
        #expect(table.id(folder: "/lib/", name: "a.md", stamp: stamp) == nil)
        #expect(table.id(folder: "", name: "c.md", stamp: FileStamp(size: 1, mtime: 1, inode: 9)) == 3)
        #expect(Self.table([]).id(folder: "/", name: "c.md", stamp: stamp) == nil)
    }

    @Test func theIndexTableMatchesEveryFreshFile() throws {
        let library = IndexTests.Library()
        defer { library.folder.remove() }
        for i in 0..<40 { library.folder.write("b/\(i % 3)/2020-01-\(10 + i % 18)-\(i).md", sampleBulletin(title: "周报 \(i)", articles: ["就业 \(i)"])) }
        _ = try library.refresh()
        let index = try LibraryIndex(path: library.indexPath)
        let (table, _) = try index.stampsAndCandidates(for: SearchQuery("就业"))
        let files = try library.files()
        let rows = try index.allBulletins()
        for (path, seen) in zip(files, IndexRefresh.seen(files)) {
            let seen = try #require(seen)
            let row = try #require(rows[IndexRefresh.joined(seen.folder, seen.name)])
            #expect(table.id(folder: seen.folder, name: seen.name, stamp: seen.stamp) == row.id, "\(path)")
        }
        // One file changed: its row is no longer fresh.
        let changed = files[7]
        library.folder.write(String(changed.dropFirst(library.folder.path.count + 1)), sampleBulletin(title: "周报 改", articles: ["新的"]))
        let seen = try #require(IndexRefresh.seen([changed])[0])
        #expect(table.id(folder: seen.folder, name: seen.name, stamp: seen.stamp) == nil)
    }

    @Test func bothCoresStampEveryFileOnce() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // More files than a chunk, so that both cores take some.
        for i in 0..<(3 * Stamping.chunkSize + 17) { folder.write("d\(i % 5)/f\(i).md", "## \(i)\n") }
        let files = try ArchiveWalker.files(for: [folder.path])
        folder.remove()  // gone before it is stamped: every file unseen
        let (_, gone) = Stamping.walking({ .success(files) }) { 0 }
        #expect((0..<files.count).allSatisfy { gone[$0] == nil })

        let again = TemporaryFolder()
        defer { again.remove() }
        for i in 0..<(3 * Stamping.chunkSize + 17) { again.write("d\(i % 5)/f\(i).md", "## \(i)\n") }
        let present = try ArchiveWalker.files(for: [again.path])
        let (alongside, stamping) = Stamping.walking({ .success(present) }) { "beside" }
        #expect(alongside == "beside")
        let stamps = stamping.stamps
        #expect(stamps.count == present.count)
        // Against each file stated on its own, by its whole path.
        for (i, path) in present.enumerated() {
            var info = stat()
            #expect(stat(path, &info) == 0)
            let expected = FileStamp(size: Int(info.st_size), mtime: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                                     inode: Int(info.st_ino))
            #expect(stamps[i]?.absolute == IndexRefresh.realPath(path) && stamps[i]?.stamp == expected, "\(path)")
        }
        #expect(IndexRefresh.stamps(present).map { $0?.absolute } == stamps.map { $0?.absolute })
    }

    @Test func aFailedWalkIsReturnedAndNothingWaitsForIt() {
        let (alongside, stamping) = Stamping.walking({ .failure(.emptyDirectory(path: "nowhere")) }) { 42 }
        #expect(alongside == 42)
        guard case .failure(.emptyDirectory(let path)) = stamping.walked else {
            Issue.record("the walk's failure is not kept")
            return
        }
        #expect(path == "nowhere" && stamping.stamps.isEmpty)
    }

    @Test func chunksCoverEveryIndexOnceWhoeverTakesThem() {
        for (count, size) in [(0, 4), (1, 4), (10, 3), (1000, 7), (513, 256)] {
            let chunks = Parallel.Chunks(count: count, size: size)
            let taken = Mutex<[Int]>([])
            _ = Parallel.both({
                while let range = chunks.next() { taken.withLock { $0 += range } }
            }, {
                while let range = chunks.next() { taken.withLock { $0 += range } }
            })
            #expect(taken.withLock { $0.sorted() } == Array(0..<count), "\(count) in chunks of \(size)")
            #expect(chunks.next() == nil)
        }
    }
}
