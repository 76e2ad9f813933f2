import BulletinCore
import Synchronization

/// A bulletin of a library read from the index, as its row there knows
/// it: what its folded TOC row shows and what finds it again.
public struct BulletinStub: Sendable, Equatable {
    /// The index's row id (what `LibraryShelf.candidates` answers).
    public var id: Int
    public var path: String
    public var title: String
    public var identity: String
    public var sections: Int
    public var articles: Int

    public init(id: Int, path: String, title: String, identity: String, sections: Int, articles: Int) {
        self.id = id
        self.path = path
        self.title = title
        self.identity = identity
        self.sections = sections
        self.articles = articles
    }
}

/// What a library of stubs asks of the world: a stub's file read in full,
/// and which stubs may hold a search's hits (the index's folded text).
public struct LibraryShelf: Sendable {
    public var load: @Sendable (BulletinStub) -> Result<Bulletin, BulletinError>
    /// Index ids of the stubs whose headlines may hold every keyword.
    public var candidates: @Sendable (SearchQuery) -> Set<Int>

    public init(load: @escaping @Sendable (BulletinStub) -> Result<Bulletin, BulletinError>,
                candidates: @escaping @Sendable (SearchQuery) -> Set<Int>) {
        self.load = load
        self.candidates = candidates
    }
}


/// A library's bulletins by position: the one read, else a placeholder
/// made from its stub when asked for (a library of 100,000 holds stubs, not
/// 100,000 placeholders).
public struct Bulletins: RandomAccessCollection, Sendable {
    let stubs: [BulletinStub?]
    let read: [Int: Bulletin]

    public var startIndex: Int { 0 }
    public var endIndex: Int { stubs.count }
    public subscript(b: Int) -> Bulletin { read[b] ?? .placeholder(path: stubs[b]!.path, title: stubs[b]!.title) }
}

/// The first stub known by each identity, worked out when first asked for
/// (resuming, the starred articles) and shared by the libraries made from
/// one another as stubs are read and put back.
final class StubIdentities: Sendable {
    private let stubs: [BulletinStub?]
    private let index = Mutex<[String: Int]?>(nil)

    init(_ stubs: [BulletinStub?]) { self.stubs = stubs }

    func bulletin(identity: String) -> Int? {
        index.withLock { index in
            if index == nil {
                var made = [String: Int](minimumCapacity: stubs.count)
                for b in stubs.indices.reversed() { if let stub = stubs[b] { made[stub.identity] = b } }
                index = made
            }
            return index![identity]
        }
    }
}
