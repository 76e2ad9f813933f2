#include "CByteScan.h"
#include <string.h>

// 64-bit FNV-1a over 8-byte words (then the tail bytes), with a final
// avalanche: a content fingerprint at memory speed, not a cryptographic hash.
uint64_t fingerprint64(const unsigned char *bytes, size_t length) {
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)length;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        h = (h ^ word) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    for (; i < length; i++) h = (h ^ bytes[i]) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}
