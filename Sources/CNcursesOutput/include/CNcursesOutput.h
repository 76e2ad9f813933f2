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

#include <stddef.h>

/// From here, this thread's writes to `fd` wait for `ncurses_output_release`
/// (holding again before that changes nothing). Ctrl-Z waits too.
void ncurses_output_hold(int fd);
/// The bytes ncurses' own vid_puts sends to go from attributes
/// `from_attributes` (an attr_t, without colour) in colour pair `from_pair`
/// to `to_attributes` in `to_pair`, written to `out`; returns their length,
/// or -1 when more than `capacity`. ncurses is asked with its belief at the
/// first and left at normal, so what it believes the terminal shows stays
/// what the terminal shows.
int ncurses_style_change(unsigned int from_attributes, int from_pair, unsigned int to_attributes, int to_pair,
                         char *out, int capacity);
/// A terminfo string as tputs sends it (its padding `$<n>` expanded), as
/// `ncurses_style_change` returns it.
int ncurses_expand(const char *string, char *out, int capacity);
/// Flushes ncurses' buffer for `screen` (a SCREEN *), then writes `bytes`
/// to `fd` after it: held with it while output is held.
void ncurses_output_append(void *screen, int fd, const void *bytes, size_t length);
/// Flushes ncurses' buffer for `screen` (a SCREEN *, or NULL), writes what
/// was held in one write and stops holding.
void ncurses_output_release(void *screen);

#endif
