#ifndef C_BYTE_SCAN_H
#define C_BYTE_SCAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Like memmem, tuned for needles of one UTF-8 character:
/// the first occurrence of `needle` in `haystack`, or NULL.
const void *string_search(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// True if `bytes` hold anything the sanitiser would change: invalid UTF-8,
/// C0 controls other than TAB and LF, a CR not followed by LF, DEL, C1
/// controls, or bidi overrides (U+202A-202E, U+2066-2069).
bool utf8_needs_cleaning(const unsigned char *bytes, size_t length);

/// How many times `byte` occurs in `bytes` (a loop the compiler vectorises):
/// line numbers at an offset deep in a big file.
size_t count_byte(const unsigned char *bytes, size_t length, unsigned char byte);

// A 64-bit fingerprint of the bytes' content (the library index's).
uint64_t fingerprint64(const unsigned char *bytes, size_t length);

#endif
