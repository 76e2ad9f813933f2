import BulletinReader
import CNcursesw
import Glibc

/// Runs the reader on the terminal until `q` or a quit signal, then
/// restores the terminal. Returns the exit status: 0, or 128 + the signal.
public enum ReaderSession {
    public static func run(_ initial: (Int, Int) -> ReaderState, theme: Theme) throws -> Int32 {
        let terminal = try TerminalScreen(theme: theme)
        defer { terminal.close() }
        var state = initial(terminal.size.width, terminal.size.height)
        terminal.draw(state.render())
        while !state.quit {
            let event = terminal.nextEvent()
            let signal = pendingSignal.load(ordering: .relaxed)
            if signal != 0 { return 128 + signal }
            guard let event else { continue }
            state.handle(event)
            terminal.draw(state.render())
        }
        return 0
    }
}
