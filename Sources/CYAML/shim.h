#include <yaml.h>
#include <stddef.h>

/* The C library's substring search, which Glibc's module map leaves out
   (a GNU and BSD extension): ByteSearch scans whole files with it. */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
