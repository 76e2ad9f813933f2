#define _GNU_SOURCE
#include "CMappedFile.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// A fixed table, so the signal handler only reads plain memory.
#define SLOTS 4096

enum { FREE, CLAIMED, LIVE };

static struct {
    _Atomic int state;        // the handler looks only at LIVE slots
    _Atomic uintptr_t base;
    _Atomic size_t length;
    _Atomic long shrank;      // first page offset past the end, or -1
} slots[SLOTS];

static uintptr_t page_size = 4096;

static atomic_ulong shrink_count;
static struct sigaction previous;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

bool mapped_file_absorb(int signal, siginfo_t *info) {
    if (signal != SIGBUS || info == NULL || info->si_code <= 0) return false;
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slots[i].state) != LIVE) continue;
        uintptr_t base = atomic_load(&slots[i].base);
        size_t length = atomic_load(&slots[i].length);
        if (address < base || address >= base + length) continue;
        uintptr_t page = address & ~(page_size - 1);
        if (page < base) page = base;
        // Zeros over the rest: past a shrunk file's end no page is valid.
        void *zeros = mmap((void *)page, base + length - page, PROT_READ,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros == MAP_FAILED) return false;
        long offset = (long)(page - base), seen = atomic_load(&slots[i].shrank);
        while ((seen < 0 || offset < seen) && !atomic_compare_exchange_weak(&slots[i].shrank, &seen, offset)) {}
        atomic_fetch_add(&shrink_count, 1);
        return true;
    }
    return false;
}

static void handler(int signal, siginfo_t *info, void *context) {
    if (mapped_file_absorb(signal, info)) return;
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(signal, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
        return;
    }
    // The default action: a fault that runs again ends the process; a
    // SIGBUS sent with kill is raised again.
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(signal, &fallback, NULL);
    if (info == NULL || info->si_code <= 0) raise(signal);
}

static void install(void) {
    page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

int mapped_file_register(const void *base, size_t length) {
    if (base == NULL || length == 0) return -1;
    pthread_once(&installed, install);
    for (int i = 0; i < SLOTS; i++) {
        int expected = FREE;
        if (!atomic_compare_exchange_strong(&slots[i].state, &expected, CLAIMED)) continue;
        atomic_store(&slots[i].base, (uintptr_t)base);
        atomic_store(&slots[i].length, length);
        atomic_store(&slots[i].shrank, -1);
        atomic_store(&slots[i].state, LIVE);
        return i;
    }
    return -1;
}

void mapped_file_unregister(int slot) {
    if (slot < 0 || slot >= SLOTS) return;
    atomic_store(&slots[slot].state, FREE);
}

long mapped_file_shrank(int slot) {
    if (slot < 0 || slot >= SLOTS) return -1;
    return atomic_load(&slots[slot].shrank);
}

unsigned long mapped_file_shrink_count(void) { return atomic_load(&shrink_count); }
