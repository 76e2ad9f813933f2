import BulletinReader
import Dispatch
import Synchronization

/// Work done off the main thread (parsing the whole of a big bulletin) whose
/// result changes the reader's state. The run loop starts it once the first
/// screen is written, and the work waits a moment more so the terminal can
/// show that screen before the parse takes every core; the loop then polls
/// for the result between keys.
public final class PendingUpdate: Sendable {
    public typealias Change = @Sendable (inout ReaderState) -> Void
    private let work: @Sendable () -> Change
    private let result = Mutex<Change?>(nil)
    private let waiting = Atomic<Bool>(true)

    public init(_ work: @escaping @Sendable () -> Change) {
        self.work = work
    }

    static let startDelay = DispatchTimeInterval.milliseconds(150)

    func start() {
        DispatchQueue.global(qos: .userInitiated).asyncAfter(deadline: .now() + Self.startDelay) { [self] in
            let change = work()
            result.withLock { $0 = change }
        }
    }

    var isWaiting: Bool { waiting.load(ordering: .relaxed) }

    /// The change, once the work is done (then nothing more is awaited).
    func take() -> Change? {
        guard let change = result.withLock({ value in defer { value = nil }; return value }) else { return nil }
        waiting.store(false, ordering: .relaxed)
        return change
    }
}
