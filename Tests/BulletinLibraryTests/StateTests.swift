import BulletinCore
@testable import BulletinLibrary
import Glibc
import Testing

@Suite struct StateTests {
    @Test func roundTrip() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/state/state.sqlite"
        do {
            let state = ReadingState(path: path)
            #expect(state.isSaving && state.notice == nil)
            state.setRead(true, bulletin: "t:周报|2024-01-05", article: "就业新政#0")
            state.setRead(true, bulletin: "t:周报|2024-01-05", article: "天气#0")
            state.setRead(false, bulletin: "t:周报|2024-01-05", article: "天气#0")
            state.setStarred(true, bulletin: "t:周报|2024-01-05", article: "天气#0")
            state.setPosition(.init(node: "就业新政#0", line: 12), bulletin: "t:周报|2024-01-05")
        }
        let again = ReadingState(path: path)
        #expect(again.readArticles(of: "t:周报|2024-01-05") == ["就业新政#0"])
        #expect(again.starred().map(\.article) == ["天气#0"])
        #expect(again.position(of: "t:周报|2024-01-05") == .init(node: "就业新政#0", line: 12))
        #expect(again.lastBulletin == "t:周报|2024-01-05")
        #expect(again.readMarks() == ["t:周报|2024-01-05": ["就业新政#0"]])
    }

    /// Closed at the end of a session: the WAL checkpointed into the file
    /// and removed (a process exiting with it open left it for the next
    /// start to replay), and a write after the close is refused, not a crash.
    @Test func closingLeavesNoLogAndRefusesLaterWrites() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/state.sqlite"
        let state = ReadingState(path: path)
        state.setRead(true, bulletin: "b", article: "a#0")
        #expect(access(path + "-wal", F_OK) == 0, "WAL mode writes a log while open")
        state.close()
        #expect(access(path + "-wal", F_OK) != 0)
        state.setRead(true, bulletin: "b", article: "c#0")
        #expect(ReadingState(path: path).readArticles(of: "b") == ["a#0"])
    }

    /// Marks made against one file's rows, then looked up after the file is
    /// renamed, moved, or edited.
    @Test func stateFollowsRenamesMovesAndEditsThatKeepTheHeadline() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let text = sampleBulletin(title: "周报 2024-01-05", articles: ["就业新政", "天气预报"])
        folder.write("b/a.md", text)
        let index = try LibraryIndex(path: folder.path + "/index.sqlite")
        let state = ReadingState(path: folder.path + "/state.sqlite")
        func unread() throws -> [Int] {
            let files = try ArchiveWalker.files(for: [folder.path + "/b"])
            let rows = try IndexRefresh.refresh(index, files: files, roots: [folder.path + "/b"]).rows.compactMap { $0 }
            let counts = try index.unreadCounts(rows, marks: state.readMarks())
            return rows.map { counts[$0.id]! }
        }
        let row = try #require(try IndexRefresh.refresh(index, files: [folder.path + "/b/a.md"], roots: [folder.path + "/b"]).rows[0])
        let keys = try index.articleKeys(of: row.id)
        state.setRead(true, bulletin: row.identity, article: keys[0])
        #expect(try unread() == [2])
        #expect(rename(folder.path + "/b/a.md", folder.path + "/b/renamed.md") == 0)
        #expect(try unread() == [2])
        mkdir(folder.path + "/b/2024", 0o755)
        #expect(rename(folder.path + "/b/renamed.md", folder.path + "/b/2024/moved.md") == 0)
        #expect(try unread() == [2])
        // An edit elsewhere in the file keeps the mark.
        folder.write("b/2024/moved.md", text.replacing("正文第0段。", with: "正文第0段，改过了。"))
        #expect(try unread() == [2])
        // An edit of the headline loses it: it is another article now.
        folder.write("b/2024/moved.md", text.replacing("就业新政", with: "就业新规"))
        #expect(try unread() == [3])
    }

    @Test(arguments: ["random", "truncated", "empty"])
    func damagedStateIsSetAsideAndStartsEmpty(_ damage: String) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/state.sqlite"
        do {
            let state = ReadingState(path: path)
            for i in 0..<200 { state.setRead(true, bulletin: "t:x|", article: "文章\(i)#0") }
        }
        switch damage {
        case "random": folder.writeBytes("state.sqlite", (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        case "truncated": #expect(truncate(path, 2048) == 0)
        default: folder.writeBytes("state.sqlite", [])
        }
        let state = ReadingState(path: path)
        #expect(state.isSaving)
        if damage == "empty" {
            #expect(state.notice == nil)
        } else {
            #expect(state.notice?.contains("moved aside") == true, "\(state.notice ?? "")")
            #expect(folder.files(prefix: "state.sqlite.corrupt-").count == 1)
        }
        #expect(state.readMarks().isEmpty)
        state.setRead(true, bulletin: "t:x|", article: "新#0")
        #expect(ReadingState(path: path).readMarks() == ["t:x|": ["新#0"]])
    }

    @Test func twoWritersAtOnceLoseNoWrite() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/state.sqlite"
        _ = ReadingState(path: path)
        _ = Parallel.map(count: 2) { k in
            let state = ReadingState(path: path)
            for i in 0..<150 { state.setRead(true, bulletin: "t:b\(k)|", article: "a\(i)#0") }
            return 0
        }
        let marks = ReadingState(path: path).readMarks()
        #expect(marks["t:b0|"]?.count == 150 && marks["t:b1|"]?.count == 150)
    }

    @Test func unwritableStateFolderReadsWhatIsThereAndSaysItOnce() throws {
        let folder = TemporaryFolder()
        defer {
            chmod(folder.path + "/state", 0o755)
            folder.remove()
        }
        mkdir(folder.path + "/state", 0o755)
        let path = folder.path + "/state/state.sqlite"
        do { ReadingState(path: path).setRead(true, bulletin: "t:x|", article: "a#0") }
        if getuid() == 0 {
            // Root writes anywhere: a file where the folder should be instead.
            let blocked = ReadingState(path: folder.path + "/state/state.sqlite/inner.sqlite")
            #expect(!blocked.isSaving && blocked.notice?.contains("will not be saved") == true)
            blocked.setRead(true, bulletin: "t:y|", article: "b#0")
            return
        }
        chmod(folder.path + "/state", 0o555)
        let state = ReadingState(path: path)
        #expect(!state.isSaving && state.notice?.contains("will not be saved") == true)
        #expect(state.readMarks() == ["t:x|": ["a#0"]])
        state.setRead(true, bulletin: "t:x|", article: "b#0")
        chmod(folder.path + "/state", 0o755)
        #expect(ReadingState(path: path).readMarks() == ["t:x|": ["a#0"]])
    }
}

@Suite struct ReadOnlyLookTests {
    /// The hints taken before the first frame read the files as they are
    /// and leave no trace, even on a damaged file (which is set aside, and
    /// said, only when it is opened for real).
    @Test func lookingLeavesNoTraceAndSetsNothingAside() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do { ReadingState(path: folder.path + "/state.sqlite").setPosition(.init(node: "a#0", line: 3), bulletin: "t:x|") }
        #expect(ReadingState.lastBulletin(atPath: folder.path + "/state.sqlite") == "t:x|")
        #expect(ReadingState.lastBulletin(atPath: folder.path + "/missing.sqlite") == nil)
        #expect(folder.files(prefix: "missing").isEmpty)
        folder.writeBytes("index.sqlite", Array("not a database at all".utf8))
        #expect(LibraryIndex(readingOnly: folder.path + "/index.sqlite") == nil)
        #expect(folder.files(prefix: "index.sqlite").count == 1, "nothing set aside or made by a look")
        folder.write("b/one.md", sampleBulletin(title: "一号", articles: ["消息"]))
        unlink(folder.path + "/index.sqlite")
        do {
            // Written and closed (the last connection checkpoints the WAL into the file).
            let index = try LibraryIndex(path: folder.path + "/index.sqlite")
            _ = try IndexRefresh.refresh(index, files: [folder.path + "/b/one.md"], roots: [folder.path + "/b"])
        }
        #expect(try LibraryIndex(readingOnly: folder.path + "/index.sqlite")?.allBulletins().count == 1)
    }
}
