import BulletinCore
@testable import BulletinReader
import Testing

/// Which bulletins of a library are which of the next version of it
/// (`LibraryMatch`): by index row id, checked against the path, else by path.
@Suite struct LibraryMatchTests {
    static func stub(_ id: Int, _ path: String) -> BulletinStub {
        BulletinStub(id: id, path: path, title: path, identity: path, sections: 0, articles: 0)
    }

    static func stubs(_ rows: [(Int, String)]) -> Library {
        Library(stubs: rows.map { Self.stub($0.0, $0.1) }, read: [:])
    }

    @Test func rowsAreMatchedInAnyOrderAndNewOnesArrive() {
        let old = Self.stubs([(1, "a.md"), (2, "b.md"), (3, "c.md")])
        let new = Self.stubs([(4, "d.md"), (3, "c.md"), (1, "a.md"), (5, "e.md"), (2, "b.md")])
        let match = LibraryMatch(old, new)
        #expect(match.places == [2, 4, 1])
        #expect(match.arrived == [0, 3])
    }

    /// A file deleted, and its row id given to a file added since: the id
    /// alone would take one for the other.
    @Test func aRowIDGivenToAnotherFileIsNotTheSameBulletin() {
        let old = Self.stubs([(1, "a.md"), (2, "gone.md")])
        let new = Self.stubs([(2, "added.md"), (1, "a.md")])
        let match = LibraryMatch(old, new)
        #expect(match.places == [1, nil])
        #expect(match.arrived == [0])
    }

    /// A file whose row was written anew (a new id) is still the same file.
    @Test func aFileWithANewRowIsMatchedByPath() {
        let old = Self.stubs([(1, "a.md"), (2, "b.md")])
        let new = Self.stubs([(1, "a.md"), (7, "b.md")])
        let match = LibraryMatch(old, new)
        #expect(match.places == [0, 1])
        #expect(match.arrived.isEmpty)
    }

    /// The bulletin shown first (read, without a stub) and the index's
    /// library, whose stub for it has the same path.
    @Test func bulletinsNotFromTheIndexAreMatchedByPath() {
        let first = BulletinParser.parse("# 第一期\n\n## 栏目\n\n正文。\n", path: "b.md")
        let old = Library([first])
        let new = Self.stubs([(1, "a.md"), (2, "b.md"), (3, "c.md")])
        let match = LibraryMatch(old, new)
        #expect(match.places == [1])
        #expect(match.arrived == [0, 2])
        // And back: files read again without the index.
        #expect(LibraryMatch(new, old).places == [nil, 0, nil])
    }
}
