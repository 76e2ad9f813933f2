import BulletinCore
import Dispatch

/// The files of a walk and how each is seen (`IndexRefresh.seen`), shared
/// by two cores: the one that walked stamps them a chunk at a time, and
/// the other joins in once its own work is done. A warm `search` or `list`
/// of 10,000 files is mostly this: the walk, the index read beside it, and
/// 10,000 `fstatat`.
public final class Stamping: @unchecked Sendable {
    public private(set) var walked: Result<[String], BulletinError> = .success([])
    /// Each file as seen, by its place in the walk: each slot written by one
    /// core, read once both are done (an array would be one value both mutate).
    private var slots = UnsafeMutableBufferPointer<IndexRefresh.Seen?>.allocate(capacity: 0)
    private var chunks = Parallel.Chunks(count: 0, size: 1)
    private let walkDone = DispatchSemaphore(value: 0)
    /// Files a core stamps at a time.
    static let chunkSize = 256

    /// Runs `walk` and then stamps its files on this core, while `alongside`
    /// runs on the other and then helps stamp them.
    public static func walking<T>(_ walk: () -> Result<[String], BulletinError>, alongside: () -> T) -> (T, Stamping) {
        let stamping = Stamping()
        let (result, _) = Parallel.both({ () -> T in
            let result = alongside()
            stamping.joinIn()
            return result
        }, { stamping.walkAndStamp(walk) })
        return (result, stamping)
    }

    private init() {}

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    private func walkAndStamp(_ walk: () -> Result<[String], BulletinError>) {
        walked = walk()
        if case .success(let files) = walked {
            slots.deallocate()
            slots = .allocate(capacity: files.count)
            slots.initialize(repeating: nil)
            chunks = Parallel.Chunks(count: files.count, size: Self.chunkSize)
        }
        walkDone.signal()
        stampChunks()
    }

    /// Waits for the walk, then stamps chunks until none is left.
    private func joinIn() {
        walkDone.wait()
        stampChunks()
    }

    /// File `i` as seen, nil when it cannot be.
    public subscript(i: Int) -> IndexRefresh.Seen? { slots[i] }

    /// Every file's absolute path and stamp (`IndexRefresh.stamps`).
    public var stamps: [(absolute: String, stamp: FileStamp)?] {
        slots.map { $0.map { (IndexRefresh.joined($0.folder, $0.name), $0.stamp) } }
    }

    private func stampChunks() {
        guard case .success(let files) = walked else { return }
        while let range = chunks.next() {
            for (i, file) in zip(range, IndexRefresh.seen(files[range])) { slots[i] = file }
        }
    }
}
