#include "CNcursesOutput.h"

typedef struct screen SCREEN;

// ncurses' own flush: __real__nc_flush_sp under --wrap, else unresolved
// (weak) and ncurses is called by its name, which nothing redirects then.
extern void __real__nc_flush_sp(SCREEN *) __attribute__((weak));
extern void _nc_flush_sp(SCREEN *);

static int held;

static void flush(SCREEN *screen) {
    if (__real__nc_flush_sp) __real__nc_flush_sp(screen);
    else _nc_flush_sp(screen);
}

void __wrap__nc_flush_sp(SCREEN *screen) {
    if (!held) flush(screen);
}

void ncurses_output_hold(void) { held = 1; }

void ncurses_output_release(void *screen) {
    held = 0;
    flush((SCREEN *)screen);
}
