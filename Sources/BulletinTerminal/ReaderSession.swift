import BulletinCore
import BulletinReader
import CNcursesw
import Dispatch
import Glibc

/// Runs the reader on the terminal until `q` or a quit signal, then
/// restores the terminal. Returns 0; after a signal, the process ends as
/// that signal would (128 + the signal is returned only if it does not).
public enum ReaderSession {
    /// What the session does for the reader beyond the terminal.
    public struct Work {
        /// Runs once the first screen is written (the rest of a big library).
        public var background: (@Sendable (_ post: @escaping @Sendable (ReaderMessage) -> Void) -> ReaderMessage)?
        /// Keeps reading-state changes (the reading state's file).
        public var save: (ReadingChange) -> Void
        /// Run after the first frame is written (`readingStateDelay` later, or at
        /// the first key if sooner) and before any key is handled: the reading state.
        public var afterFirstFrame: (() -> ReaderMessage)?
        /// Reads the library again (`r`, or a change in `watched`).
        public var rescan: (@Sendable () -> ReaderMessage)?
        /// Folders whose bulletin files are watched for changes (asked for
        /// off the first paint).
        public var watched: @Sendable () -> [String]
        /// Run once the session ends (after `q` or a quit signal, the last
        /// change saved and the terminal restored): the reading state closed.
        public var finish: () -> Void

        public init(background: (@Sendable (_ post: @escaping @Sendable (ReaderMessage) -> Void) -> ReaderMessage)? = nil, save: @escaping (ReadingChange) -> Void = { _ in },
                    afterFirstFrame: (() -> ReaderMessage)? = nil,
                    rescan: (@Sendable () -> ReaderMessage)? = nil, watched: @escaping @Sendable () -> [String] = { [] },
                    finish: @escaping () -> Void = {}) {
            self.background = background
            self.save = save
            self.afterFirstFrame = afterFirstFrame
            self.rescan = rescan
            self.watched = watched
            self.finish = finish
        }
    }

    public static func run(_ initial: (Int, Int) -> ReaderState, theme: Theme, work: Work = Work()) throws -> Int32 {
        let status = try loop(initial, theme: theme, work: work)
        work.finish()
        if status > 128 { SignalGuard.end(as: status - 128) }
        return status
    }

    /// Background work waits this long after the first frame, so the
    /// terminal can show it before the work takes every core. It runs at
    /// background priority (nice 10 on Linux, its helpers too: `Parallel`),
    /// so a key, and the terminal drawing what it changed, come first.
    static let backgroundDelay = DispatchTimeInterval.milliseconds(150)

    /// How long the reading state waits after the first frame (ms): through
    /// tmux, 101 interleaved runs in six sets, the first frame showed 0.2-0.4
    /// ms sooner with the wait than without (bench/README.md).
    static let readingStateDelay: Int32 = 10

    /// Where swapped-out libraries are freed: a serial queue has a thread
    /// of its own at once, where a block on the global queue would wait for
    /// the indexing to free one (libraries piling up meanwhile).
    static let releaseQueue = DispatchQueue(label: "bulletin.release", qos: .background)

    private static func loop(_ initial: (Int, Int) -> ReaderState, theme: Theme, work: Work) throws -> Int32 {
        // On one core: ncurses started, then the first frame laid out at the
        // size it found. Laying the frame out on another core while ncurses
        // starts reached the first write sooner, but the screen later through
        // tmux, whose own processes want both cores at that moment (bench/README).
        let terminal = try TerminalScreen(theme: theme)
        defer { terminal.close() }
        let queue = try MessageQueue()
        let injectCrash = getenv("BULLETIN_TEST_CRASH") != nil
        var shrinks = ByteStorage.shrinkCount
        let size = terminal.size
        var state = initial(size.width, size.height)
        terminal.draw(state.render())
        if let next = work.afterFirstFrame {
            // The terminal takes the first frame in before the reading state
            // takes this core (its open, the marks and the frame they change:
            // 3 ms of work, in the milliseconds a terminal on two cores is
            // reading and drawing the frame); a key ends the wait at once.
            terminal.waitForInput(or: queue.readFD, timeoutMilliseconds: readingStateDelay)
            for case .saveReading(let change) in state.update(next()) { work.save(change) }
            terminal.draw(state.render())
        }
        if let background = work.background {
            DispatchQueue.global(qos: .background).asyncAfter(deadline: .now() + backgroundDelay) { queue.post(background { queue.post($0) }) }
        }
        let watcher = work.rescan == nil ? nil : DirectoryWatcher(directories: work.watched) { queue.post(.filesChanged) }
        defer { withExtendedLifetime(watcher) {} }
        var inputLeft = false  // keys ncurses may hold that a wait would not see
        while true {
            let signal = pendingSignal.load(ordering: .relaxed)
            if signal != 0 {
                // Closed by a signal (the terminal went away, a kill): the place is kept as on `q`.
                if let place = state.placeToSave { work.save(place) }
                return 128 + signal
            }
            // Keys and background messages wake the loop; a signal interrupts
            // the wait, and the timeout bounds one that lands just before it.
            if !inputLeft { terminal.waitForInput(or: queue.readFD, timeoutMilliseconds: 500) }
            var effects: [ReaderEffect] = []
            let messages = queue.take()
            var changed = !messages.isEmpty  // a frame is drawn only when something happened
            // A library a message replaces is let go on another thread: most
            // of it was made on one (the stubs of a library in parts), and
            // freeing that here would wait on its thread's allocator.
            let retired = changed ? state.library : nil
            defer { if let retired { releaseQueue.async { withExtendedLifetime(retired) {} } } }
            for message in messages { effects += state.update(message) }
            inputLeft = false
            switch terminal.nextInput(timeoutMilliseconds: 0) {
            case .event(let event) where pendingSignal.load(ordering: .relaxed) == 0:
                if injectCrash { crash() }
                effects += state.update(.event(event))
                inputLeft = drainWaitingInput(terminal, into: &state, effects: &effects)
                changed = true
            case .ignored: inputLeft = true
            default: break
            }
            if ByteStorage.shrinkCount != shrinks {
                shrinks = ByteStorage.shrinkCount
                state.noteShrunkFiles()
                changed = true
            }
            guard changed else { continue }
            for case .saveReading(let change) in effects { work.save(change) }
            if effects.contains(.quit) { return 0 }
            for effect in effects { carryOut(effect, on: terminal, state: &state, work: work, queue: queue) }
            terminal.draw(state.render())
        }
    }

    /// Effects are carried out here; what they give comes back as messages.
    private static func carryOut(_ effect: ReaderEffect, on terminal: TerminalScreen, state: inout ReaderState,
                                 work: Work, queue: MessageQueue) {
        var followUp: [ReaderEffect] = []
        defer { for case .saveReading(let change) in followUp { work.save(change) } }
        switch effect {
        case .quit, .saveReading: break  // both handled by the loop first
        case .rescan:
            if let rescan = work.rescan { DispatchQueue.global(qos: .background).async { queue.post(rescan()) } }
            else { followUp = state.update(.loadFailed("Nothing to rescan: not a library of files")) }
        case .repaintAll: terminal.forgetScreen()
        case .openURL(let url): followUp = state.update(.programFinished(url: url, ExternalProgram.open(url, on: terminal)))
        case .openFile(let path):
            followUp = state.update(.fileOpened(path: path, Result { () throws(BulletinError) in try BulletinParser.parse(path: path) }))
        }
    }

    /// For the end-to-end test only (`BULLETIN_TEST_CRASH` set): the first
    /// key makes a real fault, a write through a null pointer, so the test
    /// sees the crash handler restore the terminal as a bug would need it to.
    private static func crash() -> Never {
        UnsafeMutablePointer<Int>(bitPattern: 0x10).unsafelyUnwrapped.pointee = 1
        fatalError("injected crash (BULLETIN_TEST_CRASH)")
    }

    /// Keys that arrived while the last one was handled (a paste, a held
    /// key, a burst from a script) are handled before the next frame: one
    /// redraw for the burst, not one per key. Bounded, so the screen still
    /// moves during an endless stream of input.
    static let drainLimit = 4096

    /// Returns whether input may be left (the limit, an effect or a signal stopped it).
    private static func drainWaitingInput(_ terminal: TerminalScreen, into state: inout ReaderState,
                                          effects: inout [ReaderEffect]) -> Bool {
        for _ in 0..<drainLimit {
            // An effect (quit, a program to run) is carried out before more
            // keys are read; saving reading state waits for the frame.
            guard effects.allSatisfy(\.isSave), pendingSignal.load(ordering: .relaxed) == 0 else { return true }
            switch terminal.nextInput(timeoutMilliseconds: 0) {
            case .event(let event): effects += state.update(.event(event))
            case .ignored: continue
            case .none: return false
            }
        }
        return true
    }
}
