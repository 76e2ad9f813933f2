import BulletinCore
import Synchronization

/// Each bulletin's identity and article keys (`BulletinIdentity`), worked
/// out per bulletin when first asked for: the reading state is opened after
/// the first frame, and a library of thousands is asked about a few at a time.
final class ReadingKeys: Sendable {
    private let bulletins: [Bulletin]
    private let cache: Mutex<[Int: (identity: String, articles: [Int: String])]> = Mutex([:])

    init(_ bulletins: [Bulletin]) { self.bulletins = bulletins }

    func identity(_ b: Int) -> String { keys(b).identity }
    func articleKeys(_ b: Int) -> [Int: String] { keys(b).articles }

    private func keys(_ b: Int) -> (identity: String, articles: [Int: String]) {
        if let known = cache.withLock({ $0[b] }) { return known }
        let bulletin = bulletins[b]
        let identity = BulletinIdentity.of(bulletin, dating: BulletinDating(bulletin)) { BulletinIdentity.fingerprint(bulletin.source.bytes) }
        let made = (identity, BulletinIdentity.articleKeys(bulletin.outline))
        cache.withLock { $0[b] = made }
        return made
    }
}
