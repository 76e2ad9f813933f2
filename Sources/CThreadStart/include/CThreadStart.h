#ifndef CTHREADSTART_H
#define CTHREADSTART_H

#include <pthread.h>

/// Starts `body(argument)` on a new thread, placed on a core other than the
/// caller's when there is one. Linux queues a new thread on its creator's
/// core, where it waits until the creator blocks or the next balancing
/// tick moves it (measured: 0.5-3.3 ms, while the other core sat idle).
/// Once running, the thread may use every core the process may. Returns
/// pthread_create's result.
int thread_start_elsewhere(pthread_t *thread, void *(*body)(void *), void *argument);

/// The core the calling thread runs on (sched_getcpu), and how many cores
/// it may run on (its affinity): what Swift's Glibc module leaves out,
/// for checking where `thread_start_elsewhere` put a thread.
int thread_current_core(void);
int thread_allowed_cores(void);

#endif
