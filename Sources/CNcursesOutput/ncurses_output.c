#include "CNcursesOutput.h"

#define NCURSES_WIDECHAR 1
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct screen SCREEN;
extern void _nc_flush_sp(SCREEN *);

// The system's write: __real_write under --wrap, else unresolved (weak),
// and then nothing is ever held, since no write comes through here.
extern ssize_t __real_write(int, const void *, size_t) __attribute__((weak));

static int held_fd = -1;  // read by every thread's writes; set by the holder only
static pthread_t holder;
static sigset_t unheld;
static char *held;
static size_t held_length, held_capacity;

static void write_all(ssize_t (*writer)(int, const void *, size_t), int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = writer(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;  // the terminal is gone: nothing to save
        bytes += written;
        length -= (size_t)written;
    }
}

static void write_held(void) {
    if (held_length > 0) write_all(__real_write, held_fd, held, held_length);
    held_length = 0;
}

ssize_t __wrap_write(int fd, const void *bytes, size_t length) {
    if (fd != __atomic_load_n(&held_fd, __ATOMIC_ACQUIRE) || !pthread_equal(pthread_self(), holder))
        return __real_write(fd, bytes, length);
    if (held_length + length > held_capacity) {
        size_t capacity = (held_length + length) * 2;
        char *grown = realloc(held, capacity);
        if (!grown) {  // out of memory: what is held goes out first, in order
            write_held();
            return __real_write(fd, bytes, length);
        }
        held = grown;
        held_capacity = capacity;
    }
    memcpy(held + held_length, bytes, length);
    held_length += length;
    return (ssize_t)length;
}

// Ctrl-Z waits while output is held: ncurses' handler for it writes the
// terminal's reset and stops the process, and held, that reset would stay
// here (ncurses ignores it inside doupdate itself; this closes the moments
// either side, and the terminal's start).
void ncurses_output_hold(int fd) {
    if (held_fd >= 0 || !__real_write) return;
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTSTP);
    pthread_sigmask(SIG_BLOCK, &stop, &unheld);
    holder = pthread_self();
    __atomic_store_n(&held_fd, fd, __ATOMIC_RELEASE);
}

// Through write itself: the wrap (which holds it) where linked with one.
void ncurses_output_append(void *screen, int fd, const void *bytes, size_t length) {
    _nc_flush_sp((SCREEN *)screen);
    write_all(write, fd, bytes, length);
}

void ncurses_output_release(void *screen) {
    if (screen) _nc_flush_sp((SCREEN *)screen);
    if (held_fd < 0) return;
    write_held();
    __atomic_store_n(&held_fd, -1, __ATOMIC_RELAXED);
    pthread_sigmask(SIG_SETMASK, &unheld, NULL);
}

_Static_assert(sizeof(attr_t) == sizeof(unsigned int), "attr_t is the header's unsigned int");

// What tputs and vid_puts send, collected into the caller's buffer.
static char *collected;
static int collected_length, collected_capacity;

static int collect(int c) {
    if (collected_length < collected_capacity) collected[collected_length] = (char)c;
    collected_length++;
    return c;
}

static int drop(int c) { return c; }

static void start_collecting(char *out, int capacity) {
    collected = out;
    collected_capacity = capacity;
    collected_length = 0;
}

static int collected_or_none(void) { return collected_length <= collected_capacity ? collected_length : -1; }

int ncurses_expand(const char *string, char *out, int capacity) {
    start_collecting(out, capacity);
    tputs(string, 1, collect);
    return collected_or_none();
}

static void put_style(unsigned int attributes, int pair, int (*out)(int)) {
#if NCURSES_EXT_COLORS
    vid_puts(attributes, (short)(pair > 255 ? 255 : pair), &pair, out);
#else
    vid_puts(attributes, (short)pair, NULL, out);
#endif
}

int ncurses_style_change(unsigned int from_attributes, int from_pair, unsigned int to_attributes, int to_pair,
                         char *out, int capacity) {
    vid_puts(A_NORMAL, 0, NULL, drop);
    put_style(from_attributes, from_pair, drop);
    start_collecting(out, capacity);
    put_style(to_attributes, to_pair, collect);
    vid_puts(A_NORMAL, 0, NULL, drop);
    return collected_or_none();
}
