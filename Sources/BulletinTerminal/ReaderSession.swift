import BulletinCore
import BulletinReader
import CNcursesw
import Glibc

/// Runs the reader on the terminal until `q` or a quit signal, then
/// restores the terminal. Returns 0; after a signal, the process ends as
/// that signal would (128 + the signal is returned only if it does not).
public enum ReaderSession {
    /// `pending`: a change that arrives later (the rest of a big bulletin),
    /// applied as soon as it does.
    public static func run(_ initial: (Int, Int) -> ReaderState, theme: Theme, pending: PendingUpdate? = nil) throws -> Int32 {
        let status = try loop(initial, theme: theme, pending: pending)
        if status > 128 { SignalGuard.end(as: status - 128) }
        return status
    }

    private static func loop(_ initial: (Int, Int) -> ReaderState, theme: Theme, pending: PendingUpdate? = nil) throws -> Int32 {
        let terminal = try TerminalScreen(theme: theme)
        defer { terminal.close() }
        let injectCrash = getenv("BULLETIN_TEST_CRASH") != nil
        var shrinks = ByteStorage.shrinkCount
        var state = initial(terminal.size.width, terminal.size.height)
        terminal.draw(state.render())
        pending?.start()
        while true {
            let signal = pendingSignal.load(ordering: .relaxed)
            if signal != 0 { return 128 + signal }
            // A signal that lands after the check above but before the read
            // blocks does not interrupt it; the timeout bounds that wait.
            let waiting = pending?.isWaiting == true
            let input = terminal.nextInput(timeoutMilliseconds: waiting ? 50 : 500)
            if waiting, let change = pending?.take() {
                change(&state)
                terminal.draw(state.render())
            }
            guard case .event(let event) = input, pendingSignal.load(ordering: .relaxed) == 0 else { continue }
            if injectCrash { crash() }
            var effects = state.handle(event)
            drainWaitingInput(terminal, into: &state, effects: &effects)
            if ByteStorage.shrinkCount != shrinks {
                shrinks = ByteStorage.shrinkCount
                state.noteShrunkFiles()
            }
            if effects.contains(.quit) { return 0 }
            for effect in effects { carryOut(effect, on: terminal, state: &state) }
            terminal.draw(state.render())
        }
    }

    private static func carryOut(_ effect: ReaderEffect, on terminal: TerminalScreen, state: inout ReaderState) {
        switch effect {
        case .quit: break
        case .repaintAll: terminal.forgetScreen()
        case .openURL(let url): state.noteOpened(url, ExternalProgram.open(url, on: terminal))
        case .openFile(let path):
            do { state.add(try BulletinParser.parse(path: path)) } catch { state.noteUnopened(path, error) }
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

    private static func drainWaitingInput(_ terminal: TerminalScreen, into state: inout ReaderState, effects: inout [ReaderEffect]) {
        for _ in 0..<drainLimit {
            // An effect (quit, a program to run) is carried out before more keys are read.
            guard effects.isEmpty, pendingSignal.load(ordering: .relaxed) == 0 else { return }
            switch terminal.nextInput(timeoutMilliseconds: 0) {
            case .event(let event): effects += state.handle(event)
            case .ignored: continue
            case .none: return
            }
        }
    }
}
