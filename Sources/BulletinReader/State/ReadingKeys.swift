import BulletinCore
import Synchronization

/// Each bulletin's identity and article keys (`BulletinIdentity`), worked
/// out per bulletin when first asked for: the reading state is opened after
/// the first frame, and a library of thousands is asked about a few at a time.
final class ReadingKeys: Sendable {
    private let bulletins: Bulletins
    private let cache: Mutex<[Int: (identity: String, articles: [Int: String])]> = Mutex([:])
    /// Bulletin by identity among those without a stub (the others are
    /// `StubIdentities`'), made the first time one is looked up that way
    /// (resuming, the starred articles).
    private let byIdentity: Mutex<[String: Int]?> = Mutex(nil)

    init(_ bulletins: Bulletins) { self.bulletins = bulletins }

    func identity(_ b: Int) -> String { bulletins.stubs[b]?.identity ?? keys(b).identity }
    func articleKeys(_ b: Int) -> [Int: String] { bulletins.read[b] == nil ? [:] : keys(b).articles }

    /// The first bulletin without a stub known as `identity`.
    func bulletin(identity: String) -> Int? {
        if let index = byIdentity.withLock({ $0 }) { return index[identity] }
        var index: [String: Int] = [:]
        for b in bulletins.indices.reversed() where bulletins.stubs[b] == nil { index[self.identity(b)] = b }
        byIdentity.withLock { $0 = index }
        return index[identity]
    }

    private func keys(_ b: Int) -> (identity: String, articles: [Int: String]) {
        if let known = cache.withLock({ $0[b] }) { return known }
        let bulletin = bulletins[b]
        let identity = bulletins.stubs[b]?.identity
            ?? BulletinIdentity.of(bulletin, dating: BulletinDating(bulletin)) { BulletinIdentity.fingerprint(bulletin.source.bytes) }
        let made = (identity, BulletinIdentity.articleKeys(bulletin.outline))
        cache.withLock { $0[b] = made }
        return made
    }
}
