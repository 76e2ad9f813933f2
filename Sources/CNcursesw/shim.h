// ncursesw for Swift: the wide-character API and, as functions or constants,
// the macros and mutable globals Swift cannot use directly.
#ifndef BULLETIN_CNCURSESW_SHIM_H
#define BULLETIN_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/ncurses.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <termios.h>
#include <signal.h>

static const attr_t shim_A_NORMAL = A_NORMAL;
static const attr_t shim_A_BOLD = A_BOLD;
static const attr_t shim_A_DIM = A_DIM;
static const attr_t shim_A_UNDERLINE = A_UNDERLINE;
static const attr_t shim_A_REVERSE = A_REVERSE;
static const attr_t shim_A_ITALIC = A_ITALIC;
static const attr_t shim_A_COLOR = A_COLOR;

static const mmask_t shim_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t shim_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t shim_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t shim_BUTTON5_PRESSED = 0;
#endif

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
/* A terminfo string capability of the current terminal, or 0. */
static inline const char *shim_tigetstr(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? 0 : value;
}

/* Whether the current terminal can move the cursor (terminfo `cup`). */
static inline int shim_can_address_cursor(void) { return shim_tigetstr("cup") != 0; }

/* A cell as setcchar makes it (the attributes, the pair in them and, with
   extended colours, beside them), without its checks and copies: the grid's
   cells are printable graphemes of up to five scalars already. */
static inline void shim_fill_cell(cchar_t *cell, const wchar_t *chars, int count, attr_t attributes, int pair) {
    *cell = (cchar_t){0};
    cell->attr = (attributes & ~A_COLOR) | (attr_t)COLOR_PAIR(pair > 255 ? 255 : pair);
    for (int k = 0; k < count && k < CCHARW_MAX; k++) cell->chars[k] = chars[k];
#if NCURSES_EXT_COLORS
    cell->ext_color = pair;
#endif
}

/* The width ncurses gives a character: wcwidth, declared by <wchar.h> only
   under _XOPEN_SOURCE. */
extern int wcwidth(wchar_t);
static inline int shim_wcwidth(wchar_t c) { return wcwidth(c); }

/* For a frame written without ncurses' refresh (DirectPaint): the current
   and the next screen, a cursor address, and terminfo's flags. */
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline WINDOW *shim_newscr(void) { return newscr; }
static inline const char *shim_cursor_address(int y, int x) {
    const char *cup = shim_tigetstr("cup");
    return cup ? tiparm(cup, y, x) : 0;
}
static inline int shim_tigetflag(const char *name) { return tigetflag(name) > 0; }
static inline int shim_magic_cookie_glitch(void) { return tigetnum("xmc") > 0; }

/* The real-time signals' range (macros that call into glibc). */
static inline int shim_sigrtmin(void) { return SIGRTMIN; }
static inline int shim_sigrtmax(void) { return SIGRTMAX; }

#endif
