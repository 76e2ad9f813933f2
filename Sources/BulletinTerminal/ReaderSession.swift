import BulletinReader
import CNcursesw
import Glibc

/// Runs the reader on the terminal until `q` or a quit signal, then
/// restores the terminal. Returns the exit status: 0, or 128 + the signal.
public enum ReaderSession {
    /// `pending`: a change that arrives later (the rest of a big bulletin),
    /// applied as soon as it does.
    public static func run(_ initial: (Int, Int) -> ReaderState, theme: Theme, pending: PendingUpdate? = nil) throws -> Int32 {
        let terminal = try TerminalScreen(theme: theme)
        defer { terminal.close() }
        var state = initial(terminal.size.width, terminal.size.height)
        terminal.draw(state.render())
        pending?.start()
        while !state.quit {
            let signal = pendingSignal.load(ordering: .relaxed)
            if signal != 0 { return 128 + signal }
            // A signal that lands after the check above but before the read
            // blocks does not interrupt it; the timeout bounds that wait.
            let waiting = pending?.isWaiting == true
            let event = terminal.nextEvent(timeoutMilliseconds: waiting ? 50 : 500)
            if waiting, let change = pending?.take() {
                change(&state)
                terminal.draw(state.render())
            }
            guard let event, pendingSignal.load(ordering: .relaxed) == 0 else { continue }
            let redraws = state.redraws
            state.handle(event)
            if state.redraws != redraws { terminal.forgetScreen() }
            terminal.draw(state.render())
        }
        return 0
    }
}
