// The terminal's start and each frame in one write. ncurses writes its
// start (alternate screen, keypad, cursor, mouse) a write per setting, and
// a frame a write per line until a first endwin (it flushes after every
// cursor move) or per buffer of (lines + 2) x (columns + 6) bytes. Each
// write wakes the terminal, which on a shared core takes it from the
// reader to parse a piece of the screen. The bulletin executable links
// with --wrap=write (Package.swift): while output is held, what this thread
// writes to the held descriptor is collected here, and written at once on
// release. Only ncurses linked in (`make binary`) writes through the wrap;
// a shared ncurses, as `swift build` links, writes as it always does, and
// programs linked without the wrap (the tests) never hold.
#ifndef BULLETIN_CNCURSESOUTPUT_H
#define BULLETIN_CNCURSESOUTPUT_H

/// From here, this thread's writes to `fd` wait for `ncurses_output_release`
/// (holding again before that changes nothing). Ctrl-Z waits too.
void ncurses_output_hold(int fd);
/// Flushes ncurses' buffer for `screen` (a SCREEN *, or NULL), writes what
/// was held in one write and stops holding.
void ncurses_output_release(void *screen);

#endif
