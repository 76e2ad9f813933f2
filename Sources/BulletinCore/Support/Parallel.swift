import Dispatch
import Glibc
import Synchronization

/// Hands buffers or results to worker threads that read them, or write
/// disjoint parts; the caller waits for the workers before touching them.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

public enum Parallel {
    /// Cores online, read once.
    static let processorCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Runs two independent computations on two threads; returns both.
    public static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                var a: A?
                var b: B?
                withUnsafeMutablePointer(to: &a) { a in
                    withUnsafeMutablePointer(to: &b) { b in
                        let shared = UncheckedSendable((first, second, a, b))
                        perform(iterations: 2) { k in
                            let (first, second, a, b) = shared.value
                            if k == 0 { a.pointee = first() } else { b.pointee = second() }
                        }
                    }
                }
                return (a!, b!)
            }
        }
    }

    /// `body(0..<iterations)` on the calling thread and helpers at its
    /// priority, returning when all are done. (`concurrentPerform` on Linux
    /// runs its helpers at the default priority whatever the caller's, so
    /// the reader's background indexing would take both cores from its keys
    /// and from the terminal.) The caller runs the iterations no helper has
    /// started: a helper may come late, or not while all of dispatch's
    /// threads wait (helpers waiting for helpers), and none is waited for.
    public static func perform(iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            withUnsafePointer(to: body) { body in
                let sharing = Sharing(count: iterations, body: body)
                // Linux takes process 0 as the calling thread alone.
                let nice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
                // libdispatch gives background threads nice 10, utility 2, default 0.
                let queue = DispatchQueue.global(qos: nice >= 10 ? .background : nice > 0 ? .utility : .default)
                for _ in 1..<iterations { queue.async { sharing.run() } }
                sharing.run()
                sharing.finished.wait()
            }
        }
    }

    /// Iterations handed to whichever thread asks next.
    private final class Sharing: @unchecked Sendable {
        let count: Int
        /// Read only for an iteration taken, so never by a helper that
        /// comes once all are (the caller may have returned).
        let body: UnsafePointer<(Int) -> Void>
        let next = Atomic<Int>(0)
        let remaining: Atomic<Int>
        let finished = DispatchSemaphore(value: 0)

        init(count: Int, body: UnsafePointer<(Int) -> Void>) {
            self.count = count
            self.body = body
            remaining = Atomic(count)
        }

        func run() {
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                Self.call(body, i)
                if remaining.wrappingSubtract(1, ordering: .acquiringAndReleasing).newValue == 0 { finished.signal() }
            }
        }

        /// Apart, so the copy of the closure it calls is let go before the
        /// iteration counts as done (the caller checks that none escaped).
        @inline(never) static func call(_ body: UnsafePointer<(Int) -> Void>, _ i: Int) { body.pointee(i) }
    }

    /// Below this many items, threads cost more than they save.
    public static let minimumCount = 2048

    /// `items.map(transform)`, split into one contiguous chunk per core when
    /// there are enough items. Workers read the items through a buffer
    /// pointer: going through the array would make both cores contend on its
    /// reference count. `transform` must only read shared state.
    static func map<T, U>(_ items: [T], _ transform: (T) -> U) -> [U] {
        items.withUnsafeBufferPointer { buffer in map(count: buffer.count) { transform(buffer[$0]) } }
    }

    /// `(0..<count).map(transform)`, in one contiguous chunk per core when
    /// `count` is large enough.
    public static func map<T>(count: Int, _ transform: (Int) -> T) -> [T] {
        let workers = count >= minimumCount ? Parallel.processorCount : 1
        guard workers > 1 else { return (0..<count).map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let shared = UncheckedSendable((buffer, transform))
                perform(iterations: workers) { k in
                    let (buffer, transform) = shared.value
                    for i in (count * k / workers)..<(count * (k + 1) / workers) {
                        (buffer.baseAddress! + i).initialize(to: transform(i))
                    }
                }
                initialized = count
            }
        }
    }

    /// `(0..<count).map(transform)` on all cores, each worker taking the next
    /// index when it is done: for items of very different cost, like files.
    public static func mapTakingTurns<T>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        let turns = Chunks(count: count, size: 1)
        withoutActuallyEscaping(transform) { transform in
            let shared = UncheckedSendable(transform)
            perform(iterations: max(1, min(processorCount, count))) { _ in
                while let i = turns.next()?.lowerBound { slots.store(i, shared.value(i)) }
            }
        }
        return slots.results
    }

    /// Hands out `0..<count` a chunk at a time to whichever core asks next:
    /// for work whose parts differ in cost, or start at different times.
    public final class Chunks: Sendable {
        let count: Int
        let size: Int
        private let taken = Atomic<Int>(0)

        public init(count: Int, size: Int) {
            self.count = count
            self.size = max(1, size)
        }

        /// The next chunk, or nil when all are taken.
        public func next() -> Range<Int>? {
            let start = taken.wrappingAdd(size, ordering: .relaxed).oldValue
            return start < count ? start..<min(count, start + size) : nil
        }
    }

    /// One result slot per index; each is written by exactly one worker.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func store(_ index: Int, _ value: T) { buffer[index] = value }

        var results: [T] { buffer.map { $0! } }
    }
}
