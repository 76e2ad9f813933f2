#ifndef TOML_READER_H
#define TOML_READER_H
// A C face on toml++ (Debian's libtomlplusplus-dev, compiled in header-only):
// a parsed document is handed to Swift as a stream of events, so the reader
// links neither TOMLKit nor Foundation, which cost every launch ~1 ms.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    TOML_READER_TABLE_BEGIN,
    TOML_READER_TABLE_END,
    TOML_READER_ARRAY_BEGIN,
    TOML_READER_ARRAY_END,
    TOML_READER_STRING,
    TOML_READER_INTEGER,
    /// Any other value: `text` names its type ("float", "boolean", "date", ...).
    TOML_READER_OTHER,
} toml_reader_event;

/// `key` is empty for array elements; `line` is 1-based (0 when unknown).
typedef void (*toml_reader_visitor)(void *context, toml_reader_event event,
                                    const char *key, size_t key_length,
                                    const char *text, size_t text_length,
                                    long long integer, unsigned line);

/// Parses `text` and visits the root table's entries in key order, nested
/// tables and arrays depth first. Returns 0, or -1 with a NUL-terminated
/// message in `error` (cut to its capacity) and its line in `error_line`.
int toml_reader_parse(const char *text, size_t length, toml_reader_visitor visit, void *context,
                      char *error, size_t error_capacity, unsigned *error_line);

#ifdef __cplusplus
}
#endif
#endif
