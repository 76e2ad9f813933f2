import CMappedFile
import CNcursesw
import Glibc
import Synchronization

/// The signal that asked the reader to end, or 0. Written only by the
/// signal handler; the run loop reads it when `wget_wch` is interrupted.
let pendingSignal = Atomic<Int32>(0)

/// What the crash handler needs, set up before the handler can run: plain
/// memory, because a signal handler may only call async-signal-safe code.
nonisolated(unsafe) private var saved: UnsafeMutablePointer<termios>?
nonisolated(unsafe) private var savedFD: Int32 = -1
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
nonisolated(unsafe) private var resetBytes: UnsafeMutableBufferPointer<UInt8>?

enum SignalGuard {
    /// Every signal whose default action ends the process, other than the
    /// faults below: each ends the reader through the run loop, which
    /// restores the terminal before the process ends as the signal would.
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM,
                                       SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGSTKFLT, SIGPWR]
        + Array(shim_sigrtmin()...shim_sigrtmax())
    /// Faults (and signals sent as if they were): the terminal is restored
    /// inside the handler, which can do nothing else safely.
    static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS]

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

    /// After the terminal is restored: ends the process as `signal` would
    /// have without our handler (the shell then reports it as such).
    static func end(as signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = nil  // SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
    }

    /// Remembers the terminal's settings so a crash can put them back.
    static func saveTerminal(fd: Int32) {
        let state = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        guard tcgetattr(fd, state) == 0 else { state.deallocate(); return }
        saved = state
        savedFD = fd
    }

    /// The bytes that undo what the reader turned on, from this terminal's
    /// own terminfo strings (xterm's where it has none): mouse reports off,
    /// keypad transmit off, attributes reset, cursor shown, main screen.
    /// Called once the terminal is set up, before anything can crash in it.
    static func prepareReset() {
        var bytes = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8)
        for (name, fallback) in [("rmkx", "\u{1B}[?1l\u{1B}>"), ("sgr0", "\u{1B}[0m"), ("cnorm", "\u{1B}[?25h"),
                                 ("rmcup", "\u{1B}[?1049l")] {
            bytes += shim_tigetstr(name).map { Array(String(cString: $0).utf8) } ?? Array(fallback.utf8)
        }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        let old = resetBytes
        resetBytes = buffer
        old?.deallocate()
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
                // A bulletin's file that shrank under its mapping is no crash:
                // zeros are mapped in and the read goes on.
                if mapped_file_absorb(signal, info) { return }
                if let saved, savedFD >= 0 {
                    tcsetattr(savedFD, TCSANOW, saved)
                    if let resetBytes { _ = write(savedFD, resetBytes.baseAddress, resetBytes.count) }
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
