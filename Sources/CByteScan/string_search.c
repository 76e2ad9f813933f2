#include <stddef.h>
#include <string.h>
#include "CByteScan.h"

// How common a byte is in bulletin text (Chinese or English Markdown):
// higher is more common. Searching hops with SIMD memchr on the needle's
// rarest byte and verifies there; glibc's memmem runs at about 1 GB/s on
// short needles, and hopping on a common byte (the space of "\n### " in a
// TOC block of "Region | Headline" lines) stops every few bytes.
static int commonness(unsigned char b) {
    if (b == ' ' || b == '\n') return 6;
    if (b >= 0xE4 && b <= 0xE9) return 5;  // lead bytes of most CJK ideographs
    if (b >= 'a' && b <= 'z') return 4;
    if (b >= 0x80 && b <= 0xBF) return 3;  // a continuation byte: rare in any one value
    if ((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || b == '\r' || b == '\t') return 2;
    return 1;
}

const void *string_search(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    const unsigned char *h = haystack, *n = needle;
    if (needle_length == 0) return haystack;
    if (needle_length > haystack_length) return NULL;
    size_t k = needle_length - 1;
    for (size_t i = needle_length - 1; i-- > 0;) {
        if (commonness(n[i]) < commonness(n[k])) k = i;
    }
    const unsigned char key = n[k];
    // The key's position in the haystack, for every start the needle fits at.
    const unsigned char *p = h + k, *end = h + (haystack_length - needle_length) + k + 1;
    while (p < end && (p = memchr(p, key, (size_t)(end - p))) != NULL) {
        // The first byte inline before the call: most hops fail on it.
        if (p[-(ptrdiff_t)k] == n[0] && memcmp(p - k, n, needle_length) == 0) return p - k;
        p++;
    }
    return NULL;
}
