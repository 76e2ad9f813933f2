#ifndef C_STRING_SEARCH_H
#define C_STRING_SEARCH_H
#include <stddef.h>

/// Like memmem, tuned for needles of one UTF-8 character:
/// the first occurrence of `needle` in `haystack`, or NULL.
const void *string_search(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
