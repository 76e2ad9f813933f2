#ifndef CMALLOC_H
#define CMALLOC_H

/// Caps glibc's malloc arenas at `count` (mallopt M_ARENA_MAX, which Swift's
/// Glibc module does not bring in): each arena keeps what its threads freed.
void malloc_limit_arenas(int count);

#endif
