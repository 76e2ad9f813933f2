import BulletinCore
import BulletinLibrary
import Glibc

/// The library index and the reading state, for any input: a bulletin
/// stored and read back is the bulletin parsed, and searched the same; any
/// bytes where a database file should be are set aside or read, never a
/// crash. Checked by the fuzz target and the property tests.
public enum LibraryInvariants {
    /// A parsed bulletin through an index in memory.
    public static func roundTrip(_ bulletin: Bulletin) -> [String] {
        do {
            let index = try LibraryIndex(path: StoreFile.inMemory)
            let written = try index.store([LibraryIndex.Entry(path: "/fuzz/fuzz.md", stamp: FileStamp(size: 1, mtime: 1, inode: 1), bulletin: bulletin)])
            guard let row = try index.allBulletins()["/fuzz/fuzz.md"] else { return ["the stored bulletin has no row"] }
            let stored = try index.outline(of: row.id)
            var problems: [String] = []
            if written != [row] { problems.append("the row the index returned on writing differs from the one read back") }
            if stored != bulletin.outline { problems.append("the outline read back from the index differs from the one parsed") }
            let keys = try index.articleKeys(of: row.id)
            if keys.count != row.articles || keys.count != Set(keys).count {
                problems.append("article keys \(keys.count) (\(Set(keys).count) distinct) for \(row.articles) articles")
            }
            // A query from each searchable node's own text finds the same hits both ways.
            let direct = HeadlineIndex(bulletin), readBack = HeadlineIndex(path: bulletin.path, outline: stored)
            let texts = try FoldedTexts(index, limit: .max)
            var searchRow: (folded: [UInt8], record: [UInt8])?
            try index.eachSearchRow([row.id]) { _, folded, record in searchRow = (Array(folded), Array(record)) }
            if searchRow == nil { problems.append("the stored bulletin has no search record") }
            for node in direct.nodes.prefix(8) {
                let text = bulletin.outline[node].kind == .article ? bulletin.outline[node].headline : bulletin.outline[node].text
                let query = SearchQuery(String(text.prefix(6)))
                guard !query.isEmpty else { continue }
                let a = direct.hits(query).map { "\($0.node):\($0.matches.count)" }, b = readBack.hits(query).map { "\($0.node):\($0.matches.count)" }
                if a != b { problems.append("search \(query.keywords.map(\.string)) from the index: \(b), parsed: \(a)") }
                if let searchRow, recordHits(query, searchRow, path: bulletin.path)?.map(describe) != direct.hits(query).map(describe) {
                    problems.append("search \(query.keywords.map(\.string)) from the search record differs from the parsed bulletin's")
                }
                let candidates = try index.candidates(for: query)
                if !a.isEmpty, !candidates.contains(row.id) {
                    problems.append("the index's prefilter rules out a bulletin with hits for \(query.keywords.map(\.string))")
                }
                if texts?.candidates(for: query) != candidates {
                    problems.append("the folded texts in memory and the index disagree on \(query.keywords.map(\.string))")
                }
                // The signatures may let more through, never fewer.
                if !(try index.stampsAndCandidates(for: query).1).isSuperset(of: candidates) {
                    problems.append("the signature rules out a bulletin whose text holds \(query.keywords.map(\.string))")
                }
            }
            return problems
        } catch {
            return ["the index in memory failed: \(error.description)"]
        }
    }

    static func recordHits(_ query: SearchQuery, _ stored: (folded: [UInt8], record: [UInt8]), path: String) -> [SearchHit]? {
        stored.folded.withUnsafeBufferPointer { folded in
            stored.record.withUnsafeBytes { SearchRecord.hits(query, folded: folded, record: $0, path: path, order: 0) }
        }
    }

    static func describe(_ hit: SearchHit) -> String {
        "\(hit.node) \(hit.kind) \(hit.line) \(hit.section ?? "-") \(hit.region ?? "-") \(hit.headline) \(hit.matches) \(hit.displayTitle)"
    }

    /// `bytes` as an index file and as a state file: opening either must
    /// give a usable database (set aside when damaged).
    public static func hostileFiles(_ bytes: [UInt8]) -> [String] {
        var template = Array("/tmp/bulletin-fuzz-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return [] }
        let folder = String(cString: made)
        defer { _ = system("rm -rf '\(folder)'") }
        var problems: [String] = []
        for name in ["index.sqlite", "state.sqlite"] {
            let path = folder + "/" + name
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            if name == "index.sqlite" {
                do {
                    let index = try LibraryIndex(path: path)
                    _ = try index.allBulletins()
                } catch {
                    problems.append("an index file of these bytes could not be replaced: \(error.description)")
                }
            } else {
                let state = ReadingState(path: path)
                if !state.isSaving { problems.append("a state file of these bytes left the state unsaved: \(state.notice ?? "")") }
                state.setRead(true, bulletin: "t:x|", article: "a#0")
                if state.readMarks()["t:x|"] != ["a#0"] { problems.append("a read mark was not kept in a state file made from these bytes") }
            }
        }
        return problems
    }
}
