import Foundation
import Glibc
import Testing

/// The reader in a real terminal: Tests/EndToEnd/reader.sh drives the built
/// binary in a private tmux server (which it always kills) on the seed.
@Suite struct ReaderEndToEndTests {
    @Test(.enabled(if: CLI.seedExists, "../shared/fixtures/seed-bulletin.md is absent"))
    func readerInTmux() throws {
        let script = CLI.packageRoot.appendingPathComponent("Tests/EndToEnd/reader.sh").path
        let log = NSTemporaryDirectory() + "reader-e2e-\(getpid()).log"
        defer { unlink(log) }
        let status = try Spawn.run(["/bin/bash", script, CLI.binary.path, CLI.seed], output: log)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(output)")
        for step in ["ok: q leaves a restored terminal", "ok: 10,000 keys sent at once", "ok: 500 random resizes",
                     "ok: Ctrl-Z suspends", "ok: the first frame shows what ncurses' repaint shows", "SIGUSR2, SIGPIPE and SIGALRM leave a restored terminal", "a real fault"] {
            #expect(output.contains(step), "\(output)")
        }
    }
}

/// Every byte the reader, cat, toc, search and themes write to a
/// pseudo-terminal on a hostile bulletin (escape sequences, C1, BEL, bidi
/// overrides, entities decoding to controls, in every field, the file name
/// and a theme description) is text or one of terminfo's own sequences.
@Suite struct RawBytesAuditTests {
    @Test func everyByteWrittenToATerminalIsTextOrTerminfo() throws {
        let script = CLI.packageRoot.appendingPathComponent("Tests/EndToEnd/pty_audit.py").path
        let log = NSTemporaryDirectory() + "pty-audit-\(getpid()).log"
        defer { unlink(log) }
        let status = try Spawn.run(["/usr/bin/env", "python3", script, CLI.binary.path], output: log)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(output)")
        #expect(output.components(separatedBy: "\nok: ").count >= 9, "\(output)")
    }
}

/// posix_spawn with the default signal mask and dispositions. The test
/// runner blocks signals that tmux and the reader rely on (SIGTERM, SIGHUP),
/// and children inherit blocked masks: through Foundation's Process the tmux
/// server then survives `kill-server`.
enum Spawn {
    struct Failure: Error { var code: Int32 }

    static func run(_ arguments: [String], output path: String) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard code == 0 else { throw Failure(code: code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
