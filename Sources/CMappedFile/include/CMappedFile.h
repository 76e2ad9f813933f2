#ifndef C_MAPPED_FILE_H
#define C_MAPPED_FILE_H
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/// Read-only file mappings that survive their file shrinking. Reading a
/// mapped page past a file's end raises SIGBUS; for a registered mapping the
/// handler maps zero pages over the rest of it instead, notes the offset,
/// and the read goes on. The reader learns of it from `mapped_file_shrank`.

/// Registers `length` bytes mapped at `base`; installs the SIGBUS handler
/// the first time. Returns a slot for the calls below, or -1 when every
/// slot is taken (the caller then reads the file instead of mapping it).
int mapped_file_register(const void *base, size_t length);

/// Forgets a slot, before its mapping is unmapped.
void mapped_file_unregister(int slot);

/// The offset of the first page that was past the file's end when read,
/// or -1 if none was: the file has not shrunk under this mapping.
long mapped_file_shrank(int slot);

/// How many times any mapping's file was found to have shrunk.
unsigned long mapped_file_shrink_count(void);

/// For another SIGBUS handler (the reader's crash handler): true if this
/// signal was a registered mapping's shrunk file, now handled, so the
/// faulting read can simply run again.
bool mapped_file_absorb(int signal, siginfo_t *info);

#endif
