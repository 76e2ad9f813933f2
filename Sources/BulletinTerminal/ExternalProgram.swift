import BulletinReader
import CNcursesw
import Glibc

/// Runs the user's browser on a URL: `$BROWSER` if set (its first
/// `:`-separated entry; words split at spaces are the program and its own
/// arguments), else `xdg-open`. The URL is exactly one argument, and no
/// shell is involved (`posix_spawnp`). The program gets the terminal while
/// it runs, so `lynx` or `w3m` work inside it.
enum ExternalProgram {
    static func command(browser: String?) -> [String] {
        let entry = browser?.split(separator: ":").first.map(String.init) ?? ""
        let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        return words.isEmpty ? ["xdg-open"] : words
    }

    static func open(_ url: String, on terminal: TerminalScreen) -> ProgramOutcome {
        let argv = command(browser: getenv("BROWSER").map { String(cString: $0) }) + [url]
        let program = argv[0]
        terminal.suspend()
        defer { terminal.resume() }
        // While it runs, Ctrl-C and Ctrl-\ are the program's, as with system(3).
        var ignore = sigaction(), oldInterrupt = sigaction(), oldQuit = sigaction()
        ignore.__sigaction_handler.sa_handler = unsafeBitCast(1, to: __sighandler_t.self)  // SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGINT, &ignore, &oldInterrupt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInterrupt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)  // the child starts with every default action
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Keys come from the terminal even when the bulletin came on stdin.
        posix_spawn_file_actions_adddup2(&actions, terminal.terminalFD, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let error = posix_spawnp(&pid, program, &actions, &attributes, &cArguments, environ)
        guard error == 0 else { return .couldNotStart(program: program, reason: String(cString: strerror(error))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F, code = (status >> 8) & 0xFF
        if signal != 0 { return .failed(program: program, status: 128 + signal) }
        return code == 0 ? .finished(program: program) : .failed(program: program, status: code)
    }
}
