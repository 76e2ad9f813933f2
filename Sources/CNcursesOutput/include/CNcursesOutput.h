// A frame in one write. Until a program has been through endwin once,
// ncurses flushes its output after every cursor move (it takes the program
// for one using terminfo alone), so a frame went out as a write per line,
// each waking the terminal to parse a piece of it. `make binary` links with
// --wrap=_nc_flush_sp: the flushes ncurses makes while a frame is held come
// here and wait (its buffer still writes itself out when full, from inside
// ncurses). Builds that link ncurses as a shared library, as `swift build`
// does, are not wrapped: there ncurses writes as it always does.
#ifndef BULLETIN_CNCURSESOUTPUT_H
#define BULLETIN_CNCURSESOUTPUT_H

/// From here, ncurses' flushes wait for `ncurses_output_release`.
void ncurses_output_hold(void);
/// Writes what ncurses holds for `screen` (a SCREEN *) and stops holding.
void ncurses_output_release(void *screen);

#endif
