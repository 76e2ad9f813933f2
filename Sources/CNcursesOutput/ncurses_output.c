#include "CNcursesOutput.h"

#include <pthread.h>
#include <signal.h>

typedef struct screen SCREEN;

// ncurses' own flush: __real__nc_flush_sp under --wrap, else unresolved
// (weak) and ncurses is called by its name, which nothing redirects then.
extern void __real__nc_flush_sp(SCREEN *) __attribute__((weak));
extern void _nc_flush_sp(SCREEN *);

static int held;
static sigset_t unheld;

static void flush(SCREEN *screen) {
    if (__real__nc_flush_sp) __real__nc_flush_sp(screen);
    else _nc_flush_sp(screen);
}

void __wrap__nc_flush_sp(SCREEN *screen) {
    if (!held) flush(screen);
}

// Ctrl-Z waits while output is held: ncurses' handler for it writes the
// terminal's reset through these flushes before the process stops, and
// held, that would stay in the buffer (ncurses ignores it inside doupdate
// itself; this closes the moments either side).
void ncurses_output_hold(void) {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTSTP);
    pthread_sigmask(SIG_BLOCK, &stop, &unheld);
    held = 1;
}

void ncurses_output_release(void *screen) {
    held = 0;
    flush((SCREEN *)screen);
    pthread_sigmask(SIG_SETMASK, &unheld, NULL);
}
