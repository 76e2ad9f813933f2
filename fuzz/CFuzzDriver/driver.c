#include "CFuzzDriver.h"

// libFuzzer's entry for programs with their own main. fuzz/run.sh builds
// with BULLETIN_FUZZ and links libFuzzer; other builds leave it out, and
// the weak reference is null.
#ifdef BULLETIN_FUZZ
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t));
#else
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t)) __attribute__((weak));
#endif

int fuzz_run_driver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) {
#ifndef BULLETIN_FUZZ
    if (!LLVMFuzzerRunDriver) return -1;
#endif
    return LLVMFuzzerRunDriver(argc, argv, callback);
}
