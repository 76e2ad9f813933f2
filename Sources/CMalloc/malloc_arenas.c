#include <malloc.h>
#include "CMalloc.h"

void malloc_limit_arenas(int count) { mallopt(M_ARENA_MAX, count); }
