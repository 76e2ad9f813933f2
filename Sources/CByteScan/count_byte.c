#include "CByteScan.h"

size_t count_byte(const unsigned char *bytes, size_t length, unsigned char byte) {
    size_t count = 0;
    for (size_t i = 0; i < length; i++) count += bytes[i] == byte;
    return count;
}
