import BulletinReader
import CNcursesOutput
import CNcursesw
import Glibc

/// Why the reader cannot start on this terminal.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// An ncurses session on the controlling terminal: draws cell grids with
/// the wide-character API and reads keys, mouse and resizes as events.
/// Input comes from /dev/tty, so the bulletin itself may arrive on stdin.
final class TerminalScreen {
    private let screen: OpaquePointer
    private let input: UnsafeMutablePointer<FILE>
    private let window: UnsafeMutablePointer<WINDOW>
    private var styles: TerminalStyles
    /// What is on the terminal now, to send only the cells that change.
    private var shown: CellGrid?
    /// Whether a frame was drawn yet (the first may be written directly).
    private var painted = false

    init(theme: Theme) throws {
        // Only the character set: wide characters and their widths are all
        // ncurses takes from the locale, and loading every category opens a
        // dozen files before the first paint.
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard isatty(1) != 0 else {
            throw TerminalError(description: "standard output is not a terminal (use `bulletin cat` to print a bulletin)")
        }
        guard let tty = fopen("/dev/tty", "r+") else {
            throw TerminalError(description: "cannot open the terminal (/dev/tty) for keys")
        }
        input = tty
        SignalGuard.saveTerminal(fd: fileno(tty))
        SignalGuard.installCrashHandlers()
        // Before newterm, so ncurses keeps ours rather than adding its own.
        SignalGuard.installQuitHandlers()
        // The terminal's start goes out with the first frame, in one write.
        ncurses_output_hold(fileno(shim_stdout()))
        guard let screen = newterm(nil, shim_stdout(), tty) else {
            ncurses_output_release(nil)
            fclose(tty)
            SignalGuard.removeCrashHandlers()
            throw TerminalError(description: "cannot start the terminal (TERM=\(Self.termName))")
        }
        guard shim_can_address_cursor() != 0 else {
            ncurses_output_release(UnsafeMutableRawPointer(screen))
            endwin()
            delscreen(screen)
            fclose(tty)
            SignalGuard.removeCrashHandlers()
            throw TerminalError(description: "the terminal (TERM=\(Self.termName)) cannot move the cursor; use `bulletin cat` to print a bulletin")
        }
        self.screen = screen
        SignalGuard.prepareReset()
        window = shim_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        mouseinterval(0)
        // No check for keys between a frame's lines: the loop reads every
        // key waiting before it draws, and each check polls the terminal,
        // which waits for the kernel's tty work to run (while background
        // indexing has both cores, that wait can take milliseconds).
        typeahead(-1)
        mousemask(Self.mouseEvents, nil)
        styles = TerminalStyles(theme: theme)
    }

    static let mouseEvents = shim_BUTTON1_PRESSED | shim_BUTTON4_PRESSED | shim_BUTTON5_PRESSED

    private static var termName: String { getenv("TERM").map { String(cString: $0) } ?? "unset" }

    var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

    /// Copies the grid to the screen: every cell after a clear or a resize,
    /// else only the runs of cells that changed since the last frame, a
    /// run to ncurses at once. The first frame is written directly where
    /// the terminal allows (`DirectPaint`), then taken in by ncurses as shown.
    func draw(_ grid: CellGrid) {
        let direct = painted ? nil : DirectPaint(grid, styles: styles)
        painted = true
        if let direct {
            direct.bytes.withUnsafeBytes {
                ncurses_output_append(UnsafeMutableRawPointer(screen), fileno(shim_stdout()), $0.baseAddress, $0.count)
            }
            ncurses_output_release(UnsafeMutableRawPointer(screen))
        }
        copy(ScreenDiff.runs(from: shown, to: grid), of: grid, into: window)
        wnoutrefresh(window)
        if direct != nil {
            // ncurses now learns what the terminal shows: the frame in its
            // current screen as in its next (a window to window copy, a tenth
            // of the cost of filling it again) and no clear pending, so its
            // refresh finds no cell to send. The bytes left the attributes
            // normal, as ncurses believes them; the cursor they left home,
            // and ncurses, not knowing where it is, moves it absolutely first.
            copywin(window, shim_curscr(), 0, 0, 0, 0, Int32(grid.height - 1), Int32(grid.width - 1), 0)
            clearok(shim_curscr(), false)
            clearok(shim_newscr(), false)
        }
        shown = grid
        refresh()
    }

    /// ncurses' refresh of what `wnoutrefresh` gave it, in one write.
    private func refresh() {
        ncurses_output_hold(fileno(shim_stdout()))
        doupdate()
        ncurses_output_release(UnsafeMutableRawPointer(screen))
    }

    private func copy(_ runs: [ScreenDiff.Run], of grid: CellGrid, into window: UnsafeMutablePointer<WINDOW>) {
        var cells = [cchar_t](repeating: cchar_t(), count: max(grid.width, 1))
        var chars = [wchar_t](repeating: 0, count: Cell.markCapacity + 1)  // a cell's scalars
        // Runs of cells share a style: look its attributes up once per run.
        var style = CellStyle(.body)
        var (attributes, pair) = styles.attributes(for: style)
        for run in runs {
            let y = Int32(run.y)
            var start = run.x.lowerBound, count = 0
            func flush() {
                if count > 0 { mvwadd_wchnstr(window, y, Int32(start), cells, Int32(count)) }
                count = 0
            }
            for x in run.x {
                let c = grid[x, run.y]
                if c.isContinuation { continue }
                if c.style != style {
                    style = c.style
                    (attributes, pair) = styles.attributes(for: style)
                }
                var k = 0
                for scalar in c.scalars {
                    chars[k] = wchar_t(bitPattern: scalar.value)
                    k += 1
                }
                shim_fill_cell(&cells[count], chars, Int32(k), attributes, Int32(pair))
                count += 1
                // ncurses places a character by its own width (wcwidth, at
                // least 1): one it measures otherwise than the grid (an
                // ambiguous-width one made wide) goes alone to its cell, a
                // blank in its second half, so the rest of the run stays put.
                guard k > 0, Self.ncursesWidthDiffers(UInt32(bitPattern: chars[0]), from: c.width) else { continue }
                count -= 1
                let alone = cells[count]
                flush()
                cells[0] = alone
                mvwadd_wchnstr(window, y, Int32(x), cells, 1)
                if c.width == 2 {
                    chars[0] = 0x20
                    shim_fill_cell(&cells[0], chars, 1, attributes, Int32(pair))
                    mvwadd_wchnstr(window, y, Int32(x + 1), cells, 1)
                }
                start = x + Int(c.width)
            }
            flush()
        }
    }

    /// Whether ncurses, placing a character by its own width (wcwidth, at
    /// least 1), would give the one starting with `scalar` another width
    /// than the grid's (an ambiguous-width one made wide, a table newer
    /// than glibc's). ASCII is never measured otherwise.
    static func ncursesWidthDiffers(_ scalar: UInt32, from width: UInt8) -> Bool {
        scalar >= 0x80 && max(shim_wcwidth(wchar_t(bitPattern: scalar)), 1) != Int32(width)
    }

    /// Waits until the terminal or `fd` has something to read, a signal
    /// arrives, or the timeout passes. Keys ncurses has already read in are
    /// not seen here: call it only once input was drained to `.none`.
    func waitForInput(or fd: Int32, timeoutMilliseconds: Int32) {
        var fds = [pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0), pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 2, timeoutMilliseconds)
    }

    /// What one read of the terminal gave.
    enum Input {
        case event(ReaderEvent)
        /// Input the reader does not use (an unknown key, a mouse motion).
        case ignored
        /// Nothing before the timeout, or the wait was interrupted (check `pendingSignal`).
        case none
    }

    /// Waits for the next input, up to the timeout (-1: no limit; 0: only
    /// what is already waiting).
    func nextInput(timeoutMilliseconds: Int32) -> Input {
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status != ERR else { return .none }
        let event = InputDecoder.decode(status: status, code: code, mouse: readMouse, size: { [window] in
            (Int(getmaxx(window)), Int(getmaxy(window)))
        })
        return event.map(Input.event) ?? .ignored
    }

    func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & shim_BUTTON4_PRESSED != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if shim_BUTTON5_PRESSED != 0 && event.bstate & shim_BUTTON5_PRESSED != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        if event.bstate & shim_BUTTON1_PRESSED != 0 { return MouseEvent(.press, x: x, y: y) }
        return nil
    }

    /// The terminal's own descriptor (keys come from it).
    var terminalFD: Int32 { fileno(input) }

    /// Gives the terminal to another program: its modes as before the reader.
    func suspend() {
        def_prog_mode()
        endwin()
    }

    /// Takes the terminal back: the reader's modes, then a full repaint.
    func resume() {
        reset_prog_mode()
        mousemask(Self.mouseEvents, nil)
        forgetScreen()
    }

    /// Forgets what the terminal shows, so the next frame is painted whole
    /// over whatever else wrote to it.
    func forgetScreen() {
        shown = nil
        clearok(window, true)
    }

    /// Restores the terminal exactly: line mode, echo, cursor, main screen.
    func close() {
        // Closed before a first frame: the start goes out, then its undoing.
        ncurses_output_release(UnsafeMutableRawPointer(screen))
        mousemask(0, nil)
        endwin()
        delscreen(screen)
        fclose(input)
        SignalGuard.removeCrashHandlers()
    }
}
