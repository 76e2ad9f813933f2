#ifndef C_FUZZ_DRIVER_H
#define C_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer on `callback` when the program was linked with it
/// (`swift build --sanitize=fuzzer`); returns -1 when it was not, and the
/// caller replays the inputs named on the command line instead.
int fuzz_run_driver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
