@testable import BulletinCore
import Dispatch
import Glibc
import Synchronization
import Testing

/// `Parallel.perform`, under every split of work on the cores.
@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 3, 7, 100])
    func everyIterationRunsOnce(count: Int) {
        let runs = Mutex([Int](repeating: 0, count: count))
        Parallel.perform(iterations: count) { i in runs.withLock { $0[i] += 1 } }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count))
    }

    /// The reader's indexing runs at background priority, and so must its
    /// helper threads: `concurrentPerform` would run them at the default.
    @Test func helpersRunAtTheCallersPriority() {
        struct Seen: Sendable { var nice: Int32; var thread: pthread_t }
        let seen = Mutex<[Seen]>([])
        let caller = Mutex<Int32>(0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .background).async {
            caller.withLock { $0 = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
            // Each iteration waits (2 s at most) until a second thread has
            // taken one, so a helper late on a busy machine still comes.
            Parallel.perform(iterations: 8) { _ in
                let nice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
                seen.withLock { $0.append(Seen(nice: nice, thread: pthread_self())) }
                for _ in 0..<400 where seen.withLock({ Set($0.map { UInt($0.thread) }).count }) < 2 { usleep(5_000) }
            }
            done.signal()
        }
        done.wait()
        let all = seen.withLock { $0 }
        // libdispatch on Linux runs background work at nice 10.
        #expect(caller.withLock { $0 } == 10)
        #expect(all.count == 8)
        #expect(Set(all.map { UInt($0.thread) }).count >= 2, "no helper took an iteration")
        #expect(all.allSatisfy { $0.nice >= 10 }, "\(all.map(\.nice))")
    }
}
