#define _GNU_SOURCE
#include "CThreadStart.h"

#include <sched.h>
#include <stdlib.h>

struct start {
    void *(*body)(void *);
    void *argument;
    cpu_set_t allowed;
};

static void *trampoline(void *pointer) {
    struct start start = *(struct start *)pointer;
    free(pointer);
    // Placed, it is free again: should its core get busy, it can move.
    sched_setaffinity(0, sizeof start.allowed, &start.allowed);
    return start.body(start.argument);
}

int thread_start_elsewhere(pthread_t *thread, void *(*body)(void *), void *argument) {
    struct start *start = malloc(sizeof *start);
    int here = sched_getcpu();
    if (!start || here < 0 || sched_getaffinity(0, sizeof start->allowed, &start->allowed) != 0) {
        free(start);
        return pthread_create(thread, NULL, body, argument);
    }
    cpu_set_t others = start->allowed;
    CPU_CLR(here, &others);
    if (CPU_COUNT(&others) == 0) {  // one core: nowhere else to go
        free(start);
        return pthread_create(thread, NULL, body, argument);
    }
    start->body = body;
    start->argument = argument;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
    int result = pthread_create(thread, &attributes, trampoline, start);
    pthread_attr_destroy(&attributes);
    if (result != 0) free(start);
    return result;
}

int thread_current_core(void) { return sched_getcpu(); }

int thread_allowed_cores(void) {
    cpu_set_t allowed;
    return sched_getaffinity(0, sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : 1;
}
