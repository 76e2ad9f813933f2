import Glibc
import Synchronization

/// The quit signal received (SIGINT, SIGTERM, SIGHUP), or 0. Written only by
/// the signal handler; the run loop reads it when `wget_wch` is interrupted.
let pendingSignal = Atomic<Int32>(0)

/// What the crash handler needs, set up before the handler can run: plain
/// memory, because a signal handler may only call async-signal-safe code.
nonisolated(unsafe) private var saved: UnsafeMutablePointer<termios>?
nonisolated(unsafe) private var savedFD: Int32 = -1
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
/// Leave the alternate screen, show the cursor, stop mouse reports, reset attributes.
private let resetBytes: StaticString = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

enum SignalGuard {
    static let quitSignals = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    /// Quit signals only set `pendingSignal`. No SA_RESTART: a blocking read
    /// then returns at once, so the run loop ends and restores the terminal.
    static func installQuitHandlers() {
        _ = pendingSignal.load(ordering: .relaxed)  // globals start lazily: not inside a handler
        for signal in quitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Remembers the terminal's settings so a crash can put them back.
    static func saveTerminal(fd: Int32) {
        let state = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        guard tcgetattr(fd, state) == 0 else { state.deallocate(); return }
        saved = state
        savedFD = fd
    }

    /// On a crash: restore termios and the screen modes, then let the
    /// previous handler (Swift's backtracer, or the default) take over.
    static func installCrashHandlers() {
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
        previous.initialize(repeating: sigaction(), count: Int(NSIG))
        previousActions = previous
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                if let saved, savedFD >= 0 {
                    tcsetattr(savedFD, TCSANOW, saved)
                    _ = write(savedFD, resetBytes.utf8Start, resetBytes.utf8CodeUnitCount)
                }
                if let previousActions { sigaction(signal, previousActions + Int(signal), nil) }
                // A fault returns to re-run the faulting instruction under the
                // previous action (so a backtrace shows the fault); a signal
                // sent with kill or raise (si_code <= 0) is raised again.
                if let info, info.pointee.si_code <= 0 { raise(signal) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    /// After a normal exit: back to the actions before ours.
    static func removeCrashHandlers() {
        guard let previousActions else { return }
        for signal in crashSignals { sigaction(signal, previousActions + Int(signal), nil) }
    }
}
