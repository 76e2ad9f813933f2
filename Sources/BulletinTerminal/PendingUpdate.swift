import BulletinReader
import Synchronization

/// Work finished off the main thread (the whole of a big bulletin, parsed),
/// waiting to be applied to the reader's state by the run loop. The loop
/// polls it between keys while `isWaiting`.
public final class PendingUpdate: Sendable {
    private let slot = Mutex<(@Sendable (inout ReaderState) -> Void)?>(nil)
    private let waiting = Atomic<Bool>(true)

    public init() {}

    /// Called once, from any thread, with the change to make.
    public func deliver(_ change: @escaping @Sendable (inout ReaderState) -> Void) {
        slot.withLock { $0 = change }
    }

    var isWaiting: Bool { waiting.load(ordering: .relaxed) }

    /// The change, once delivered (then nothing more is awaited).
    func take() -> (@Sendable (inout ReaderState) -> Void)? {
        guard let change = slot.withLock({ value in defer { value = nil }; return value }) else { return nil }
        waiting.store(false, ordering: .relaxed)
        return change
    }
}
