import Dispatch

/// Hands buffers or results to worker threads that read them, or write
/// disjoint parts; the caller waits for the workers before touching them.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

enum Parallel {
    /// Runs two independent computations on two threads and returns both.
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let tasks = UncheckedSendable((first, second))
                let results = UncheckedSendable(Box<(A?, B?)>((nil, nil)))
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    if k == 0 { results.value.value.0 = tasks.value.0() } else { results.value.value.1 = tasks.value.1() }
                }
                return (results.value.value.0!, results.value.value.1!)
            }
        }
    }

    private final class Box<T> {
        var value: T
        init(_ value: T) { self.value = value }
    }
}
