#include <stdint.h>
#include <string.h>
#include "CByteScan.h"

// The sanitiser's fast path over a whole (possibly 100 MB) file: a tight C
// loop, eight printable ASCII bytes at a time, three-byte CJK sequences with
// one lead test. Same rules as UTF8Sanitizer.clean, checked by a test that
// compares the two on random input.

static const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;

// Nonzero if some byte of `w` is below `n` (n <= 128), exact for existence.
static inline uint64_t has_less(uint64_t w, uint64_t n) { return (w - ones * n) & ~w & highs; }
static inline uint64_t has_byte(uint64_t w, uint64_t b) { return has_less(w ^ (ones * b), 1); }

static inline int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Lead bytes of three-byte sequences that need only continuation checks
// (not E0, E2, ED): one table load instead of a chain of comparisons.
static const unsigned char plain_three_byte_lead[256] = {
    [0xE1] = 1, [0xE3] = 1, [0xE4] = 1, [0xE5] = 1, [0xE6] = 1, [0xE7] = 1, [0xE8] = 1,
    [0xE9] = 1, [0xEA] = 1, [0xEB] = 1, [0xEC] = 1, [0xEE] = 1, [0xEF] = 1,
};

bool utf8_needs_cleaning(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        const unsigned char b = s[i];
        // Most CJK text: three-byte sequences whose lead needs no range check.
        if (plain_three_byte_lead[b]) {
            if (i + 2 >= n) return true;
            uint16_t tail;
            memcpy(&tail, s + i + 1, 2);
            if ((tail & 0xC0C0) != 0x8080) return true;
            i += 3;
            continue;
        }
        if (b < 0x80) {
            // Runs of printable ASCII: eight bytes at a time.
            while (i + 8 <= n) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (((w & highs) | has_less(w, 0x20) | has_byte(w, 0x7F)) != 0) break;
                i += 8;
            }
            if (i >= n) break;
            const unsigned char c = s[i];
            if (c >= 0x80) continue;
            if ((c >= 0x20 && c != 0x7F) || c == 0x0A || c == 0x09) { i += 1; continue; }
            if (c == 0x0D && i + 1 < n && s[i + 1] == 0x0A) { i += 2; continue; }
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            if (i + 1 >= n || !is_cont(s[i + 1])) return true;
            if (b == 0xC2 && s[i + 1] <= 0x9F) return true;  // C1 control
            i += 2;
            continue;
        }
        if (b == 0xE0 || b == 0xE2 || b == 0xED) {
            if (i + 2 >= n || !is_cont(s[i + 1]) || !is_cont(s[i + 2])) return true;
            const unsigned char b1 = s[i + 1], b2 = s[i + 2];
            if (b == 0xE0 && b1 < 0xA0) return true;                      // overlong
            if (b == 0xED && b1 > 0x9F) return true;                      // surrogate
            if (b == 0xE2 && ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) ||  // bidi overrides
                              (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9))) return true;
            i += 3;
            continue;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            if (i + 3 >= n || !is_cont(s[i + 1]) || !is_cont(s[i + 2]) || !is_cont(s[i + 3])) return true;
            if (b == 0xF0 && s[i + 1] < 0x90) return true;  // overlong
            if (b == 0xF4 && s[i + 1] > 0x8F) return true;  // above U+10FFFF
            i += 4;
            continue;
        }
        return true;
    }
    return false;
}
