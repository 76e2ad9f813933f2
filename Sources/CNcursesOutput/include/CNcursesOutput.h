// The terminal's start and each frame in one write. ncurses writes its
// start (alternate screen, keypad, cursor, mouse) a write per setting, and
// a frame a write per line until a first endwin (it flushes after every
// cursor move) or per buffer of (lines + 2) x (columns + 6) bytes. Each
// write wakes the terminal, which on a shared core takes it from the
// reader to parse a piece of the screen. `make binary` links with
// --wrap=write: while output is held, what this thread writes to the held
// descriptor is collected here, and written at once on release. Builds
// that link ncurses as a shared library, as `swift build` does, are not
// wrapped: there ncurses writes as it always does.
#ifndef BULLETIN_CNCURSESOUTPUT_H
#define BULLETIN_CNCURSESOUTPUT_H

/// From here, this thread's writes to `fd` wait for `ncurses_output_release`
/// (holding again before that changes nothing). Ctrl-Z waits too.
void ncurses_output_hold(int fd);
/// Flushes ncurses' buffer for `screen` (a SCREEN *, or NULL), writes what
/// was held in one write and stops holding.
void ncurses_output_release(void *screen);

#endif
