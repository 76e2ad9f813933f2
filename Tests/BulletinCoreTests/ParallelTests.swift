@testable import BulletinCore
import CThreadStart
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

    /// The reader's first frame is laid out by `alongside` while ncurses
    /// starts: both results come back, the second from a thread of its own
    /// at the caller's priority, running while the first still runs.
    @Test func alongsideRunsTheSecondOnItsOwnThreadMeanwhile() {
        let secondStarted = DispatchSemaphore(value: 0)
        let (first, second) = Parallel.alongside({ () -> (UInt, Bool) in
            // The second signals from its own thread; waiting here for it
            // (2 s at most) would time out were it run after this one.
            (UInt(pthread_self()), secondStarted.wait(timeout: .now() + 2) == .success)
        }, { () -> (UInt, Int32) in
            secondStarted.signal()
            return (UInt(pthread_self()), getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
        })
        #expect(first.0 == UInt(pthread_self()))
        #expect(first.1, "the second did not run while the first waited")
        #expect(second.0 != first.0)
        #expect(second.1 == getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
    }

    /// Linux queues a new thread on its creator's core until the creator
    /// blocks or a balancing tick moves it: with the creator busy, the
    /// second half of `alongside` waited 0.5-3 ms. It must start elsewhere,
    /// every time (a thread merely created started, here, on the creator's
    /// core, once that was preempted, in some of a few hundred).
    @Test(.enabled(if: thread_allowed_cores() > 1, "needs two cores the test may use"))
    func alongsideStartsTheSecondOnAnotherCoreWhileTheFirstIsBusy() {
        var elsewhere = 0
        for _ in 0..<200 {
            let started = Atomic<Bool>(false)
            let here = thread_current_core()
            let (sawIt, there) = Parallel.alongside({ () -> Bool in
                // Busy, never blocking: nothing here lets the second onto this core.
                let deadline = DispatchTime.now() + 2
                while !started.load(ordering: .acquiring) { if DispatchTime.now() > deadline { return false } }
                return true
            }, { () -> Int32 in
                let core = thread_current_core()
                started.store(true, ordering: .releasing)
                return core
            })
            #expect(sawIt, "the second did not start while the first ran")
            if there != here { elsewhere += 1 }
        }
        #expect(elsewhere == 200)
    }

    /// Whichever thread comes first runs the second: when the first is over
    /// before the new thread starts, the caller runs it. Either way it runs
    /// once, and both results come back.
    @Test func alongsideRunsTheSecondOnceWhoeverTakesIt() {
        let runs = Atomic<Int>(0)
        for i in 0..<300 {
            let (a, b) = Parallel.alongside({ i }, { () -> Int in
                runs.wrappingAdd(1, ordering: .relaxed)
                return -i
            })
            #expect(a == i && b == -i)
        }
        #expect(runs.load(ordering: .relaxed) == 300)
    }
}

